"""Request and response bodies of users, API keys and bearer tokens."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from services.responder.access.principal import Role, Via
from shared.events.envelope import ShopId


class UserIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1, max_length=200)
    email: EmailStr | None = None
    role: Role
    shop_ids: list[ShopId] = Field(min_length=1, max_length=1000)


class UserPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str | None = Field(default=None, min_length=1, max_length=200)
    role: Role | None = None
    shop_ids: list[ShopId] | None = Field(default=None, min_length=1, max_length=1000)
    active: bool | None = None


class UserOut(BaseModel):
    id: int
    name: str
    email: str | None
    role: Role
    shop_ids: list[str]
    active: bool


class Me(BaseModel):
    """The caller; `id` is null and `shop_ids` null (every shop) for the bootstrap key."""

    id: int | None
    name: str
    role: Role
    shop_ids: list[str] | None
    via: Via


class KeyIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(default="", max_length=200)


class KeyOut(BaseModel):
    id: int
    name: str
    prefix: str
    key: str | None = Field(default=None, description="Shown once, at creation.")
    revoked: bool = False


class TokenOut(BaseModel):
    access_token: str
    token_type: str = "bearer"
    expires_in: int


class PasswordIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    password: str = Field(
        min_length=1,
        max_length=1024,
        description="At least 12 characters, not containing the email's local part.",
    )


class SignInLinkIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    valid_hours: int = Field(default=24, ge=1, le=168)


class SignInLinkOut(BaseModel):
    url: str = Field(description="Shown once: hand it to the user; it works one time.")
    path: str
    expires_at: datetime


class SessionOut(BaseModel):
    """A browser signed in to the staff console."""

    id: int
    device: str = Field(description="Browser and system, read from the user agent.")
    user_agent: str
    started_at: datetime
    last_seen_at: datetime
    expires_at: datetime


class SessionsEnded(BaseModel):
    ended: int
