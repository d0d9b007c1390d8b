"""Rendering the survey's public pages."""

from typing import Any

from jinja2 import Environment, PackageLoader, select_autoescape

from services.survey.email.translations import Texts

_env = Environment(
    loader=PackageLoader("services.survey.web", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
)


def render(template: str, t: Texts, color: str, **context: Any) -> str:
    return _env.get_template(template).render(t=t, lang=t.language, color=color, **context)
