"""Changing a settings object by JSON Merge Patch (RFC 7396): only the members a request
names change. A settings endpoint that took a whole object silently reset every member the
caller left out (a `{"sla_hours": 12}` wiped the shop's alert address), so every settings
endpoint applies what it is sent to what is stored instead, for `PUT` and `PATCH` alike."""

from typing import Annotated, Any, TypeVar

from fastapi import Body
from fastapi.exceptions import RequestValidationError
from pydantic import BaseModel, ValidationError

M = TypeVar("M", bound=BaseModel)

SettingsPatch = Annotated[
    dict[str, Any],
    Body(
        description=(
            "JSON Merge Patch (RFC 7396) of the settings: members present replace the stored "
            "ones (objects merge member by member), `null` returns a member to its default, "
            "members left out keep their value. The result is validated as a whole."
        ),
    ),
]


def documented(model: type[BaseModel]) -> dict[str, Any]:
    """`openapi_extra` of a settings route: the body takes the settings' own members (the
    model is in the components already, as the response)."""
    ref = {"$ref": f"#/components/schemas/{model.__name__}"}
    return {"requestBody": {"content": {"application/json": {"schema": ref}}}}


def merge(target: Any, patch: Any) -> Any:
    """RFC 7396, section 2."""
    if not isinstance(patch, dict):
        return patch
    result = dict(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge(result.get(key), value)
    return result


def apply(current: M, patch: dict[str, Any]) -> M:
    """`current` with `patch` applied; a result the model refuses is the request's fault: 422,
    located in the body like any other validation error."""
    try:
        return type(current).model_validate(merge(current.model_dump(mode="json"), patch))
    except ValidationError as exc:
        errors = exc.errors(include_url=False, include_context=False)
        raise RequestValidationError(
            [{**e, "loc": ("body", *e["loc"])} for e in errors], body=patch
        ) from None
