"""The analytics page's server-side SVG charts (pure functions)."""

import re
import xml.etree.ElementTree as ET
from itertools import pairwise

import pytest

from services.responder.console.analytics import charts
from services.responder.console.analytics.charts import (
    BOTTOM,
    HEIGHT,
    TOP,
    Reference,
    Series,
    axis_range,
    bar_chart,
    line_chart,
    nice_step,
    percent,
)

SVG = "{http://www.w3.org/2000/svg}"


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)


def child(el: ET.Element, tag: str) -> ET.Element:
    found = el.find(f"{SVG}{tag}")
    assert found is not None, f"no <{tag}>"
    return found


def num(el: ET.Element, name: str) -> float:
    return float(el.get(name) or "nan")


def y_of(frame_low: float, frame_high: float, value: float) -> float:
    plot = HEIGHT - TOP - BOTTOM
    return round(HEIGHT - BOTTOM - (value - frame_low) / (frame_high - frame_low) * plot, 2)


@pytest.mark.parametrize(
    ("span", "step"), [(1, 0.2), (0.5, 0.1), (0.12, 0.025), (200, 50), (37, 10), (0, 1.0)]
)
def test_steps_are_round(span: float, step: float) -> None:
    assert nice_step(span) == pytest.approx(step)


def test_axis_range_covers_the_data_and_the_reference_lines() -> None:
    low, high, step = axis_range([0.02, 0.05], include=[0.1])
    assert low == 0 and high == pytest.approx(0.1) and step == pytest.approx(0.02)
    low, high, _ = axis_range([0.5, 0.7], ceiling=1)
    assert (low, high) == (0, 0.8)
    # NPS keeps its fixed ends.
    assert axis_range([25, -10], floor=-100, ceiling=100, fixed=True) == (-100, 100, 50)
    # Nothing to show: still a usable axis.
    low, high, step = axis_range([None, None])
    assert high > low and step > 0


def test_a_line_chart_is_an_accessible_image_with_its_figures() -> None:
    chart = line_chart(
        "neg",
        "Negative share",
        "Two weeks above the line",
        ["2 Nov", "9 Nov", "16 Nov"],
        [Series("Share", [0.1, 0.5, 0.2])],
        fmt=percent,
        references=[Reference(0.1, "10 % line", "threshold")],
        ceiling=1,
        highlight=lambda v: v > 0.1,
        label_header="Week",
    )
    svg = parse(chart.svg)
    assert svg.get("role") == "img"
    assert svg.get("aria-labelledby") == "neg-title neg-desc"
    assert svg.get("viewBox") == f"0 0 {charts.WIDTH} {HEIGHT}"
    assert "width" not in svg.attrib and "style" not in chart.svg
    assert child(svg, "title").text == "Negative share"
    assert child(svg, "title").get("id") == "neg-title"
    assert child(svg, "desc").text == "Two weeks above the line"
    assert chart.headers == ["Week", "Share"]
    assert chart.rows == [["2 Nov", "10 %"], ["9 Nov", "50 %"], ["16 Nov", "20 %"]]
    # Points above the line are marked; 10 % itself is not above it.
    hot = [c for c in svg.iter(f"{SVG}circle") if "hot" in c.get("class", "").split()]
    assert len(hot) == 2


def test_the_ten_percent_line_sits_where_ten_percent_is() -> None:
    chart = line_chart(
        "neg",
        "t",
        "d",
        ["a", "b"],
        [Series("Share", [0.0, 0.5])],
        fmt=percent,
        references=[Reference(0.1, "10 %", "threshold")],
        ceiling=1,
    )
    svg = parse(chart.svg)
    low, high, _ = axis_range([0.0, 0.5], ceiling=1, include=[0.1])
    (group,) = [g for g in svg.iter(f"{SVG}g") if g.get("class") == "threshold"]
    line = child(group, "line")
    assert num(line, "y1") == num(line, "y2") == y_of(low, high, 0.1)
    # The data on the same scale: 0 on the baseline, 0.5 at its height.
    (polyline,) = svg.iter(f"{SVG}polyline")
    ys = [float(p.split(",")[1]) for p in (polyline.get("points") or "").split()]
    assert ys == [HEIGHT - BOTTOM, y_of(low, high, 0.5)]
    assert ys[1] < num(line, "y1") < ys[0]  # SVG's y grows downwards


def test_a_missing_week_breaks_the_line() -> None:
    chart = line_chart("c", "t", "d", list("abcde"), [Series("s", [1, 2, None, 3, 4])])
    svg = parse(chart.svg)
    assert len(list(svg.iter(f"{SVG}polyline"))) == 2
    assert len(list(svg.iter(f"{SVG}circle"))) == 4
    assert chart.rows[2] == ["c", "-"]


def test_empty_data_draws_axes_and_no_marks() -> None:
    for chart in (
        line_chart("c", "t", "d", [], [Series("s", [])]),
        line_chart("c", "t", "d", ["a", "b"], [Series("s", [None, None])]),
        bar_chart("b", "t", "d", [], [Series("s", [])]),
    ):
        svg = parse(chart.svg)
        assert not list(svg.iter(f"{SVG}polyline"))
        assert not list(svg.iter(f"{SVG}circle"))
        assert not [r for r in svg.iter(f"{SVG}rect") if r.get("class") is None]
        assert svg.find(f"{SVG}title") is not None


def test_labels_titles_and_names_are_escaped() -> None:
    evil = '<script>alert("x")</script>&'
    chart = bar_chart(
        'id"><x', evil, evil, [evil], [Series(evil, [1], css='s0" onload="x')], fmt=str
    )
    assert "<script>" not in chart.svg and 'onload="x"' not in chart.svg
    svg = parse(chart.svg)  # still well-formed
    assert child(svg, "title").text == evil
    assert evil in [t.text for t in svg.iter(f"{SVG}text")]


def test_bars_are_grouped_and_scaled_from_zero() -> None:
    chart = bar_chart(
        "rates",
        "t",
        "d",
        ["cosmetics", "toys"],
        [Series("Shop", [0.1, 0.3], "s0"), Series("Typical", [0.2, None], "s1")],
        fmt=percent,
        ceiling=1,
    )
    svg = parse(chart.svg)
    bars = [
        r
        for g in svg.iter(f"{SVG}g")
        if (g.get("class") or "").startswith("series")
        for r in g.iter(f"{SVG}rect")
    ]
    assert len(bars) == 3  # no bar for the unknown typical rate
    heights = [num(b, "height") for b in bars]
    shop_low, shop_high, typical = heights
    assert shop_high == pytest.approx(3 * shop_low, rel=0.01)
    assert typical == pytest.approx(2 * shop_low, rel=0.01)
    for b in bars:
        assert num(b, "y") + num(b, "height") == pytest.approx(HEIGHT - BOTTOM)
    assert chart.rows == [["cosmetics", "10 %", "20 %"], ["toys", "30 %", "-"]]


def test_many_weeks_keep_the_x_labels_apart() -> None:
    labels = [f"w{i}" for i in range(52)]
    chart = line_chart("c", "t", "d", labels, [Series("s", list(range(52)))])
    shown = re.findall(r">(w\d+)</text>", chart.svg)
    assert len(shown) <= charts.MAX_X_LABELS + 1
    assert shown[-1] == "w51"  # the current week is always labelled
    steps = {int(b[1:]) - int(a[1:]) for a, b in pairwise(shown)}
    assert len(steps) == 1  # evenly spaced, none crowding the last


def test_percent() -> None:
    assert percent(0.1) == "10 %"
    assert percent(0.125) == "12.5 %"
    assert percent(1 / 3) == "33.3 %"
