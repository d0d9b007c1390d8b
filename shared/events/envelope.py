"""The envelope every Kafka message shares."""

from datetime import UTC, datetime
from typing import Annotated, ClassVar, Generic, Literal, TypeVar
from uuid import UUID, uuid4

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from shared.topics import TopicSpec

# Shop ids appear in URLs, topic keys and log lines: keep them to a safe alphabet.
SHOP_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$"
ShopId = Annotated[str, StringConstraints(pattern=SHOP_ID_PATTERN)]
ExternalId = Annotated[str, StringConstraints(min_length=1, max_length=128)]


def utcnow() -> datetime:
    return datetime.now(UTC)


P = TypeVar("P", bound=BaseModel)


class EventEnvelope(BaseModel, Generic[P]):
    """Fields common to all events. Subclasses fix `type` with a Literal and type `payload`."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    topic: ClassVar[TopicSpec]

    event_id: UUID = Field(default_factory=uuid4)
    type: str
    # The only version there is. A message of another version is not guessed at: it fails
    # validation and goes to the dead-letter topic. A new version is added here (as a union)
    # in the consumers before any producer sends it.
    schema_version: Literal[1] = 1
    occurred_at: AwareDatetime = Field(default_factory=utcnow)
    shop_id: ShopId
    payload: P

    def partition_key(self) -> str:
        """Kafka key: all events of one aggregate share a partition, so their order holds."""
        raise NotImplementedError


class ShopKeyedEvent(EventEnvelope[P], Generic[P]):
    """Events about a whole shop: one partition per shop keeps them in order."""

    def partition_key(self) -> str:
        return self.shop_id
