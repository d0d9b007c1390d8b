"""What endpoints take from the running service, as `Annotated` dependencies.

One way for every route to reach the runtime, its pool, its clock, its settings and the
objects an app keeps in `app.state` (the full-stack FastAPI template's aliases), instead of
each module reading `request.app.state` itself.
"""

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Annotated, TypeVar

from fastapi import Depends, Request

from shared.db.pool import Pool
from shared.runtime import Runtime
from shared.settings import ServiceSettings

T = TypeVar("T")
S = TypeVar("S", bound=ServiceSettings)


class WrongAppState(RuntimeError):
    """An app was assembled without what a route needs: a wiring error found by any test."""


def runtime_of(request: Request) -> Runtime:
    runtime = getattr(request.app.state, "runtime", None)
    if not isinstance(runtime, Runtime):
        raise WrongAppState("app.state.runtime is not set")
    return runtime


def own_settings(request: Request, kind: type[S]) -> S:
    settings = runtime_of(request).settings
    if not isinstance(settings, kind):
        raise WrongAppState(f"settings are {type(settings).__name__}, not {kind.__name__}")
    return settings


# The dependencies are coroutine functions although they never wait: FastAPI runs a plain `def`
# dependency in a worker thread, a hand-off per dependency and request
# (tests/unit/test_no_thread_hops.py).


async def get_runtime(request: Request) -> Runtime:
    return runtime_of(request)


async def get_pool(request: Request) -> Pool:
    return runtime_of(request).db


async def get_now(request: Request) -> datetime:
    """The request's "now", from the service's clock (tests and fault runs move it)."""
    return runtime_of(request).clock()


async def get_settings(request: Request) -> ServiceSettings:
    return runtime_of(request).settings


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
PoolDep = Annotated[Pool, Depends(get_pool)]
ClockDep = Annotated[datetime, Depends(get_now)]
SettingsDep = Annotated[ServiceSettings, Depends(get_settings)]


def settings_of(kind: type[S]) -> Callable[[Request], Awaitable[S]]:
    """A dependency for a service's own settings class:
    `IngestSettingsDep = Annotated[IngestSettings, Depends(settings_of(IngestSettings))]`."""

    async def dependency(request: Request) -> S:
        return own_settings(request, kind)

    return dependency


def state_of(name: str, kind: type[T]) -> Callable[[Request], Awaitable[T]]:
    """A dependency for an object the app keeps in `app.state` (a cache, a limiter):
    `ShopsDep = Annotated[ShopDirectory, Depends(state_of("shops", ShopDirectory))]`."""

    async def dependency(request: Request) -> T:
        value = getattr(request.app.state, name, None)
        if not isinstance(value, kind):
            raise WrongAppState(f"app.state.{name} is not a {kind.__name__}")
        return value

    return dependency
