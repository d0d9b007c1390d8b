"""API keys (random, stored as SHA-256) and bearer tokens (HS256 JWTs)."""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import jwt

KEY_PREFIX = "rlk_"
# Characters after KEY_PREFIX kept in the clear (in key lists) to recognise a key.
PREFIX_CHARS = 6


@dataclass(frozen=True)
class NewKey:
    key: str  # shown once, never stored
    prefix: str  # stored, to recognise a key in lists
    key_hash: str


def hash_key(key: str) -> str:
    # A 256-bit random key cannot be guessed, so a fast hash is enough; what matters is that a
    # leaked table holds no usable key.
    return hashlib.sha256(key.encode()).hexdigest()


def new_api_key() -> NewKey:
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    return NewKey(key, key[: len(KEY_PREFIX) + PREFIX_CHARS], hash_key(key))


class InvalidToken(Exception):
    pass


@dataclass(frozen=True)
class TokenConfig:
    secret: str
    issuer: str
    audience: str
    ttl_s: int


def issue(config: TokenConfig, user_id: int, key_id: int, now: datetime) -> tuple[str, int]:
    """A token for `user_id`, minted with API key `key_id`, and its lifetime in seconds."""
    issued = int(now.timestamp())
    claims = {
        "sub": str(user_id),
        # Checked on every use: revoking the key ends its tokens too.
        "key": key_id,
        "iss": config.issuer,
        "aud": config.audience,
        "iat": issued,
        "exp": issued + config.ttl_s,
    }
    return jwt.encode(claims, config.secret, algorithm="HS256"), config.ttl_s


def verify(config: TokenConfig, token: str, now: datetime) -> int:
    """The user id of a valid token. Expiry is checked against the service's clock, not the
    library's, so tests and replays that move time see one consistent "now"."""
    return int(_claims(config, token, now)["sub"])


def verify_with_key(config: TokenConfig, token: str, now: datetime) -> tuple[int, int]:
    """The user id and the id of the API key a valid token was issued with; a token without
    one is refused (the service checks that key on every use)."""
    claims = _claims(config, token, now)
    key = claims.get("key")
    if not isinstance(key, int) or isinstance(key, bool) or not 0 < key < 2**63:
        raise InvalidToken("token names no API key")
    return int(claims["sub"]), key


def _claims(config: TokenConfig, token: str, now: datetime) -> dict[str, Any]:
    try:
        claims: dict[str, Any] = jwt.decode(
            token,
            config.secret,
            # Pinned: a token naming another algorithm ("none", RS256 with our secret as a
            # public key) is refused.
            algorithms=["HS256"],
            audience=config.audience,
            issuer=config.issuer,
            options={
                "require": ["exp", "iat", "sub", "iss", "aud"],
                "verify_exp": False,
                "verify_iat": False,
                "verify_nbf": False,
            },
        )
    except jwt.PyJWTError as exc:
        raise InvalidToken(str(exc)) from exc
    exp, sub = claims["exp"], claims["sub"]
    if not isinstance(exp, int | float) or exp <= now.timestamp():
        raise InvalidToken("token expired")
    # ASCII and bounded: "²" passes `isdigit()` but not `int()`, and a user id is a bigint.
    if not isinstance(sub, str) or not (sub.isascii() and sub.isdigit() and len(sub) <= 18):
        raise InvalidToken("token subject is not a user")
    return claims
