"""docs/architecture.md against the code: its diagram, services, topics and event catalogue say
what `shared/topics.py`, `shared/events/catalogue.py`, each service's consumer specs and the
events each service builds say; README.md links every document in docs/, names commands the
operator CLI has, and promises a quick mode every benchmark has.

The services are assembled (`build()`) but never started: nothing connects to anything. What a
service consumes is read from the topics of its `ConsumerSpec`s, which hold however handlers
are keyed; which events it handles is compared too when its handlers can be read as event types
or event classes."""

import ast
import os
import re
import subprocess
import sys
import types
import typing
from collections.abc import Callable, Iterable, Mapping
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

from services.ingest.app import build as ingest
from services.notifier.app import build as notifier
from services.responder.app import build as responder
from services.survey.app import build as survey
from shared.events.catalogue import Event
from shared.events.envelope import EventEnvelope
from shared.kafka.consumer import ConsumerSpec
from shared.runtime import Runtime
from shared.topics import PRODUCT_TOPICS, dlq_of

ROOT = Path(__file__).resolve().parents[2]
ARCHITECTURE = ROOT / "docs" / "architecture.md"
README = ROOT / "README.md"

BUILDS: dict[str, Callable[[], tuple[FastAPI, Runtime]]] = {
    "ingest": ingest,
    "survey": survey,
    "notifier": notifier,
    "responder": responder,
}
SERVICES = frozenset(BUILDS)
TOPICS = {spec.name: spec for spec in PRODUCT_TOPICS}

EventClass = type[EventEnvelope[Any]]
EVENT_CLASSES: tuple[EventClass, ...] = typing.get_args(typing.get_args(Event)[0])
TYPE_OF: dict[EventClass, str] = {cls: cls.model_fields["type"].default for cls in EVENT_CLASSES}
CLASS_OF: dict[str, EventClass] = {name: cls for cls, name in TYPE_OF.items()}
# A consumer group and its topics in the services table: `group` (`topic`, `topic`).
GROUP = re.compile(r"`([\w.-]+)` \(((?:`[^`]+`(?:, )?)+)\)")


# --- reading the documents -------------------------------------------------------------------


def section(text: str, heading: str) -> str:
    """The body of a `## heading` up to the next heading of the same level."""
    match = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, f"docs/architecture.md has no section '## {heading}'"
    return match.group(1)


def table(text: str) -> list[dict[str, str]]:
    """The first markdown table in `text`, one dict per row keyed by the header cells."""
    lines = [line for line in text.splitlines() if line.startswith("|")]
    assert len(lines) >= 3, "no table"
    header = [cell.strip() for cell in lines[0].strip("|").split("|")]
    rows = []
    for line in lines[2:]:
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        assert len(cells) == len(header), line
        rows.append(dict(zip(header, cells, strict=True)))
    return rows


def code_spans(cell: str) -> list[str]:
    return re.findall(r"`([^`]+)`", cell)


def services_in(cell: str) -> set[str]:
    """Service names a cell names outside code spans (which hold groups, topics, types)."""
    words = re.findall(r"[a-z]+", re.sub(r"`[^`]*`", "", cell))
    return {word for word in words if word in SERVICES}


def mermaid(text: str) -> str:
    blocks = re.findall(r"^```mermaid\n(.*?)^```", text, re.M | re.S)
    assert len(blocks) == 1, "docs/architecture.md should hold exactly one mermaid diagram"
    return str(blocks[0])


def diagram_edges(diagram: str) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
    """(service, topic) pairs the diagram says are published and consumed, by node label.

    Solid arrows (`-->`) are the claims; dotted ones (`-.->`) the outside world."""
    labels = dict(re.findall(r'^\s*(\w+)\s*[\[(/]+"([^"]+)"', diagram, re.M))
    publishes: set[tuple[str, str]] = set()
    consumes: set[tuple[str, str]] = set()
    for line in diagram.splitlines():
        match = re.fullmatch(r"\s*(\w+)\s*-->\s*(?:\|[^|]*\|\s*)?(\w+)\s*", line)
        if not match:
            assert "-->" not in line, f"unreadable arrow in the diagram: {line!r}"
            continue
        source, target = (labels.get(node, node) for node in match.groups())
        if source in SERVICES and target in TOPICS:
            publishes.add((source, target))
        elif source in TOPICS and target in SERVICES:
            consumes.add((target, source))
        else:
            pytest.fail(f"a solid arrow joins a service and a topic: {line!r}")
    return publishes, consumes


@cache
def architecture() -> str:
    return ARCHITECTURE.read_text()


@cache
def catalogue() -> dict[str, dict[str, str]]:
    rows = table(section(architecture(), "Event catalogue"))
    by_type = {}
    for row in rows:
        (event_type,) = code_spans(row["type"])
        assert event_type not in by_type, f"{event_type} twice in the catalogue"
        by_type[event_type] = row
    return by_type


# --- reading the code ------------------------------------------------------------------------


@cache
def consumer_specs(service: str) -> tuple[ConsumerSpec, ...]:
    _, runtime = BUILDS[service]()
    return tuple(runtime.consumer_specs)


def consumed_topics(service: str) -> set[str]:
    return {topic.name for spec in consumer_specs(service) for topic in spec.topics}


def handled_types(handlers: object) -> set[str] | None:
    """Event types a handler table reacts to, keyed by type string or by event class (or a
    union of them); None when its shape says nothing readable."""
    keys: Iterable[object]
    if isinstance(handlers, Mapping):
        keys = handlers.keys()
    elif isinstance(handlers, Iterable) and not isinstance(handlers, str | bytes):
        keys = handlers
    else:
        return None
    found: set[str] = set()
    for key in keys:
        if isinstance(key, str) and key in CLASS_OF:
            found.add(key)
        elif isinstance(key, type) and key in TYPE_OF:
            found.add(TYPE_OF[key])
        elif isinstance(key, types.UnionType) or typing.get_origin(key) is typing.Union:
            members = typing.get_args(key)
            if not all(member in TYPE_OF for member in members):
                return None
            found.update(TYPE_OF[member] for member in members)
        else:
            return None
    return found


def built_events(folder: Path) -> set[str]:
    """Event types whose class is called (an event built) anywhere under `folder`."""
    names = {cls.__name__: name for cls, name in TYPE_OF.items()}
    found: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            called = (
                func.id
                if isinstance(func, ast.Name)
                else func.attr
                if isinstance(func, ast.Attribute)
                else None
            )
            if called in names:
                found.add(names[called])
    return found


@cache
def producers_in_code() -> tuple[dict[str, set[str]], set[str]]:
    """Per service, the events built in its folder; and the events built by shared helpers,
    which count for whichever service calls them."""
    per_service = {service: built_events(ROOT / "services" / service) for service in SERVICES}
    # The event models only define events; a helper next to them (one data-export answer for
    # every service, say) builds them.
    helpers = built_events(ROOT / "shared")
    return per_service, helpers


# --- the tests ------------------------------------------------------------------------------


def test_the_services_are_the_ones_with_an_app() -> None:
    apps = {path.parent.name for path in (ROOT / "services").glob("*/app.py")}
    assert apps == SERVICES


def test_every_event_is_catalogued_once_with_its_topic() -> None:
    documented = catalogue()
    assert set(documented) == set(CLASS_OF), "catalogue and shared/events/catalogue.py differ"
    for event_type, row in documented.items():
        assert code_spans(row["topic"]) == [CLASS_OF[event_type].topic.name], event_type


def test_every_topic_is_documented_with_its_partitions_and_key() -> None:
    rows = {code_spans(row["topic"])[0]: row for row in table(section(architecture(), "Topics"))}
    assert set(rows) == set(TOPICS) | {"<topic>.dlq"}
    for name, spec in TOPICS.items():
        row = rows[name]
        assert int(row["partitions"]) == spec.partitions, name
        assert code_spans(row["key"]) == [spec.key], name
    dlq = dlq_of(PRODUCT_TOPICS[0])
    assert int(rows["<topic>.dlq"]["partitions"]) == dlq.partitions


def test_the_diagram_names_every_topic_and_service() -> None:
    diagram = mermaid(architecture())
    labels = set(re.findall(r'^\s*\w+\s*[\[(/]+"([^"]+)"', diagram, re.M))
    assert set(TOPICS) <= labels
    assert SERVICES <= labels


@pytest.mark.parametrize("service", sorted(SERVICES))
def test_what_a_service_consumes_matches_its_consumer_specs(service: str) -> None:
    topics = consumed_topics(service)
    _, consumes = diagram_edges(mermaid(architecture()))
    assert {topic for who, topic in consumes if who == service} == topics, "diagram"

    rows = {row["service"]: row for row in table(section(architecture(), "Services"))}
    groups = dict(GROUP.findall(rows[service]["consumer groups (topics)"]))
    specs = consumer_specs(service)
    assert set(groups) == {spec.name for spec in specs}, "consumer groups"
    for spec in specs:
        assert set(code_spans(groups[spec.name])) == {t.name for t in spec.topics}, spec.name

    topic_rows = {code_spans(r["topic"])[0]: r for r in table(section(architecture(), "Topics"))}
    for name in TOPICS:
        listed = service in services_in(topic_rows[name]["consumers"])
        assert listed == (name in topics), f"topics table, {name}"


@pytest.mark.parametrize("service", sorted(SERVICES))
def test_the_catalogued_consumers_of_each_event_handle_it(service: str) -> None:
    documented = {t for t, row in catalogue().items() if service in services_in(row["consumers"])}
    topics = consumed_topics(service)
    # Whatever the handler tables become, a consumer of an event consumes its topic.
    for event_type in documented:
        assert CLASS_OF[event_type].topic.name in topics, event_type
    readable = [handled_types(spec.handlers) for spec in consumer_specs(service)]
    if all(types_ is not None for types_ in readable):
        handled = set().union(*(types_ for types_ in readable if types_ is not None))
        assert documented == handled


@pytest.mark.parametrize("service", sorted(SERVICES))
def test_what_a_service_publishes_matches_the_events_it_builds(service: str) -> None:
    per_service, helpers = producers_in_code()
    documented = {t for t, row in catalogue().items() if service in services_in(row["producers"])}
    # Built in its own folder: catalogued. Catalogued: built there or by a shared helper.
    assert per_service[service] <= documented, "built but not catalogued"
    assert documented <= per_service[service] | helpers, "catalogued but never built"

    published = {CLASS_OF[t].topic.name for t in documented}
    publishes, _ = diagram_edges(mermaid(architecture()))
    assert {topic for who, topic in publishes if who == service} == published, "diagram"
    rows = {row["service"]: row for row in table(section(architecture(), "Services"))}
    assert set(code_spans(rows[service]["publishes to"])) == published, "services table"
    topic_rows = {code_spans(r["topic"])[0]: r for r in table(section(architecture(), "Topics"))}
    for name in TOPICS:
        listed = service in services_in(topic_rows[name]["producers"])
        assert listed == (name in published), f"topics table, {name}"


def test_every_event_has_a_producer() -> None:
    for event_type, row in catalogue().items():
        assert services_in(row["producers"]), event_type


def test_the_readme_links_every_document() -> None:
    readme = README.read_text()
    linked = set(re.findall(r"\]\((docs/[^)#]+\.md)(?:#[^)]*)?\)", readme))
    documents = {f"docs/{path.name}" for path in (ROOT / "docs").glob("*.md")}
    assert documents - linked == set(), "not linked from README.md"
    missing = {link for link in linked if not (ROOT / link).is_file()}
    assert missing == set(), "README.md links documents that do not exist"
    assert "(bench/README.md)" in readme


def help_of(module: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", module, "--help"],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        # Wide enough that no help formatter cuts or wraps a command's name.
        env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"},
        check=True,
    )
    return result.stdout


def test_the_readme_names_the_commands_of_the_cli() -> None:
    rows = table(section(README.read_text(), "Operator CLI"))
    documented = [name for row in rows for name in code_spans(row["command"])]
    assert documented
    listed = help_of("services.cli")
    for name in documented:
        assert re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", listed), name


# bench.report is no benchmark: it turns the results into docs/benchmarks.md.
BENCHES = sorted(p.parent.name for p in (ROOT / "bench").glob("*/__main__.py"))


@pytest.mark.parametrize("bench", [name for name in BENCHES if name != "report"])
def test_every_benchmark_has_the_quick_mode_the_readme_promises(bench: str) -> None:
    assert "--quick" in help_of(f"bench.{bench}")
