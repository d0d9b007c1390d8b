"""Which handler a consumer runs for which event, keyed by the event's class.

`Handlers().on(OrderDelivered, on_delivered)` lets mypy check that `on_delivered` takes an
`OrderDelivered`, so no handler downcasts the catalogue's union; the type string the runner
looks records up by is the class's own `type` Literal, never written a second time.
"""

from collections.abc import Awaitable, Callable, Iterator, Mapping
from typing import Any, TypeVar

from shared.db.pool import Connection
from shared.events.catalogue import Event
from shared.events.envelope import EventEnvelope

Handler = Callable[[Connection, Event], Awaitable[None]]

E = TypeVar("E", bound=EventEnvelope[Any])


def type_of(kind: type[EventEnvelope[Any]]) -> str:
    """The type string on the wire of an event class (its `type` field's Literal default)."""
    default = kind.model_fields["type"].default
    if not isinstance(default, str):
        raise TypeError(f"{kind.__name__} is no concrete event: its type has no default")
    return default


def _dispatch(kind: type[E], handler: Callable[[Connection, E], Awaitable[None]]) -> Handler:
    async def handle(conn: Connection, event: Event) -> None:
        # Always true (the record was parsed by its `type`, the key this is filed under); the
        # check is what lets the handler be typed with the class instead of the union.
        if not isinstance(event, kind):
            raise TypeError(f"{type(event).__name__} filed under {kind.__name__}")
        await handler(conn, event)

    return handle


class Handlers(Mapping[str, Handler]):
    """An immutable registry: `on` returns a new one, so a spec's handlers cannot change
    under a running consumer. Read as a mapping from type string to handler."""

    def __init__(self, by_type: Mapping[str, Handler] | None = None) -> None:
        self._by_type: dict[str, Handler] = dict(by_type or {})

    def on(self, kind: type[E], handler: Callable[[Connection, E], Awaitable[None]]) -> "Handlers":
        name = type_of(kind)
        if name in self._by_type:
            # Two handlers for one type would leave one silently unused.
            raise ValueError(f"a handler for {name} is registered already")
        return Handlers({**self._by_type, name: _dispatch(kind, handler)})

    def __getitem__(self, name: str) -> Handler:
        return self._by_type[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._by_type)

    def __len__(self) -> int:
        return len(self._by_type)
