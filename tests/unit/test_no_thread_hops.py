"""Every endpoint and dependency of every app is a coroutine function: FastAPI runs a plain
`def` in a worker thread, a hand-off per call and request (on ingest's webhook path three such
dependencies cost ~10 % of its CPU, docs/benchmarks.md). Blocking work belongs in an explicit
`run_in_threadpool`, where it can be seen."""

import inspect
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts

from services.ingest.app import build as ingest
from services.notifier.app import build as notifier
from services.responder.app import build as responder
from services.responder.storefront.app import build as storefront
from services.survey.app import build as survey

APPS: dict[str, Callable[[], FastAPI]] = {
    "ingest": lambda: ingest()[0],
    "survey": lambda: survey()[0],
    "notifier": lambda: notifier()[0],
    "responder": lambda: responder()[0],
    "storefront": storefront,
}


def _is_async(call: Any) -> bool:
    return inspect.iscoroutinefunction(call) or inspect.iscoroutinefunction(
        getattr(call, "__call__", None)  # noqa: B004 - classes such as HTTPBearer
    )


def _dependencies(dependant: Dependant) -> Iterator[Any]:
    for sub in dependant.dependencies:
        if sub.call is not None:
            yield sub.call
        yield from _dependencies(sub)


def threaded_calls(app: FastAPI) -> list[str]:
    """What a request to the app would run in a worker thread."""
    found = set()
    for ctx in iter_route_contexts(app.routes):
        route = ctx.original_route
        if not isinstance(route, APIRoute):
            continue
        for call in [route.endpoint, *_dependencies(ctx.dependant)]:
            if not _is_async(call):
                found.add(f"{ctx.path}: {getattr(call, '__qualname__', call)}")
    return sorted(found)


@pytest.mark.parametrize("service", APPS)
def test_no_request_hops_to_a_thread(service: str) -> None:
    assert threaded_calls(APPS[service]()) == []


def test_the_check_sees_a_plain_function() -> None:
    from fastapi import Depends

    app = FastAPI()

    def plain() -> int:
        return 1

    @app.get("/x")
    async def route(value: int = Depends(plain)) -> int:
        return value

    assert threaded_calls(app) == ["/x: test_the_check_sees_a_plain_function.<locals>.plain"]
