"""What endpoints take from the running service, as `Annotated` dependencies.

One way for every route to reach the runtime, its pool, its clock, its settings and the
objects an app keeps in `app.state` (the full-stack FastAPI template's aliases), instead of
each module reading `request.app.state` itself.
"""

from collections.abc import Callable
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


def get_runtime(request: Request) -> Runtime:
    runtime = getattr(request.app.state, "runtime", None)
    if not isinstance(runtime, Runtime):
        raise WrongAppState("app.state.runtime is not set")
    return runtime


def get_pool(request: Request) -> Pool:
    return get_runtime(request).db


def get_now(request: Request) -> datetime:
    """The request's "now", from the service's clock (tests and fault runs move it)."""
    return get_runtime(request).clock()


def get_settings(request: Request) -> ServiceSettings:
    return get_runtime(request).settings


RuntimeDep = Annotated[Runtime, Depends(get_runtime)]
PoolDep = Annotated[Pool, Depends(get_pool)]
ClockDep = Annotated[datetime, Depends(get_now)]
SettingsDep = Annotated[ServiceSettings, Depends(get_settings)]


def settings_of(kind: type[S]) -> Callable[[Request], S]:
    """A dependency for a service's own settings class:
    `IngestSettingsDep = Annotated[IngestSettings, Depends(settings_of(IngestSettings))]`."""

    def dependency(request: Request) -> S:
        settings = get_settings(request)
        if not isinstance(settings, kind):
            raise WrongAppState(f"settings are {type(settings).__name__}, not {kind.__name__}")
        return settings

    return dependency


def state_of(name: str, kind: type[T]) -> Callable[[Request], T]:
    """A dependency for an object the app keeps in `app.state` (a cache, a limiter):
    `ShopsDep = Annotated[ShopDirectory, Depends(state_of("shops", ShopDirectory))]`."""

    def dependency(request: Request) -> T:
        value = getattr(request.app.state, name, None)
        if not isinstance(value, kind):
            raise WrongAppState(f"app.state.{name} is not a {kind.__name__}")
        return value

    return dependency
