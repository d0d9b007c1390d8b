"""Signed, expiring link tokens. They carry only the survey's random public reference: no
survey or order id, no address."""

from typing import Literal

from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

Purpose = Literal["survey", "unsubscribe"]


class InvalidToken(Exception):
    def __init__(self, reason: Literal["invalid", "expired"]) -> None:
        super().__init__(reason)
        self.reason = reason


class Tokens:
    def __init__(self, secret: str, max_age_s: dict[Purpose, int]) -> None:
        self._serializers = {
            purpose: URLSafeTimedSerializer(secret, salt=f"reviewloop-{purpose}")
            for purpose in ("survey", "unsubscribe")
        }
        self._max_age_s = max_age_s

    def make(self, purpose: Purpose, public_ref: str) -> str:
        return str(self._serializers[purpose].dumps(public_ref))

    def read(self, purpose: Purpose, token: str) -> str:
        if len(token) > 512:
            raise InvalidToken("invalid")
        try:
            value = self._serializers[purpose].loads(token, max_age=self._max_age_s[purpose])
        except SignatureExpired:
            raise InvalidToken("expired") from None
        except BadSignature:
            raise InvalidToken("invalid") from None
        if not isinstance(value, str):
            raise InvalidToken("invalid")
        return value
