"""Staff passwords: argon2id (RFC 9106) through argon2-cffi, with its default parameters
(t=3, m=64 MiB, p=4), which the library raises as hardware gets faster; `needs_rehash` moves
stored hashes to them at the next sign-in."""

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

_hasher = PasswordHasher()

MIN_LENGTH = 12
MAX_LENGTH = 256

# Verified when no user has the email, so an unknown address takes as long as a wrong password.
_DUMMY = _hasher.hash("no such user: this hash only costs time")


class WeakPassword(ValueError):
    pass


def check_strength(password: str, email: str | None = None) -> None:
    """NIST SP 800-63B: length, not composition rules; refuse the obvious."""
    if len(password) < MIN_LENGTH:
        raise WeakPassword(f"a password needs at least {MIN_LENGTH} characters")
    if len(password) > MAX_LENGTH:
        raise WeakPassword(f"a password may have at most {MAX_LENGTH} characters")
    if len(set(password)) < 4:
        raise WeakPassword("a password needs more than a few different characters")
    if email and email.split("@")[0].lower() in password.lower() and len(email) >= 4:
        raise WeakPassword("a password must not contain your email address")


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify(stored: str | None, password: str) -> bool:
    try:
        return _hasher.verify(stored or _DUMMY, password) and stored is not None
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _hasher.check_needs_rehash(stored)
