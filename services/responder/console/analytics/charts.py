"""Charts as inline SVG, drawn on the server (pure functions, no I/O).

The console's Content-Security-Policy allows no inline style, so an SVG carries only geometry
and presentation attributes (`x`, `width`, `stroke-dasharray`, ...) and CSS classes; colours
come from static/analytics.css. Each chart scales with its `viewBox` (width 100 % of its
container, no horizontal scroll on a phone), is one image to a screen reader
(`role="img"`, `aria-labelledby` its `<title>` and `<desc>`), and comes with the same numbers
as a table (`Chart.headers`/`Chart.rows`) the page shows next to it.
"""

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from markupsafe import Markup, escape

WIDTH = 640
HEIGHT = 300
LEFT = 64  # room for the y-axis labels ("100 %" in the phone's larger text)
RIGHT = 12
TOP = 16
BOTTOM = 36  # room for the x-axis labels
MAX_X_LABELS = 7  # more would overlap on a phone
MAX_BAR = 56  # a bar no wider than this, however few there are

Number = float | int
Format = Callable[[Number], str]


@dataclass(frozen=True)
class Series:
    name: str
    values: Sequence[Number | None]
    # A CSS class of analytics.css (its colour and dash); the first series by default.
    css: str = "s0"


@dataclass(frozen=True)
class Reference:
    """A horizontal line across the plot: a threshold, an SLA, zero."""

    value: Number
    label: str
    css: str = "reference"


@dataclass(frozen=True)
class Chart:
    svg: Markup
    # The same numbers for screen readers and for copying: a column per series.
    headers: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)
    # (label, CSS classes) of each series and reference line, for the legend under the chart.
    legend: list[tuple[str, str]] = field(default_factory=list)


def nice_step(span: float, ticks: int = 5) -> float:
    """A round step (1, 2, 2.5 or 5 times a power of ten) that cuts `span` into at most about
    `ticks` parts."""
    if span <= 0:
        return 1.0
    raw = span / ticks
    power = 10.0 ** math.floor(math.log10(raw))
    for m in (1, 2, 2.5, 5, 10):
        if m * power >= raw:
            return m * power
    return 10 * power  # pragma: no cover - the loop always returns


def axis_range(
    values: Sequence[Number | None],
    *,
    floor: Number | None = 0,
    ceiling: Number | None = None,
    include: Sequence[Number] = (),
    fixed: bool = False,
    whole: bool = False,
) -> tuple[float, float, float]:
    """(low, high, step) of the y axis: round numbers around the data and every reference
    line, from `floor` (None: from the data) and at most `ceiling` (a share: 1); `fixed`: from
    `floor` to `ceiling` whatever the data (NPS: -100..100, so weeks compare by eye)."""
    if fixed and floor is not None and ceiling is not None:
        return float(floor), float(ceiling), nice_step(float(ceiling) - float(floor))
    seen = [float(v) for v in values if v is not None] + [float(v) for v in include]
    low = float(floor) if floor is not None else min(seen, default=0.0)
    high = max(seen, default=0.0)
    if ceiling is not None and floor is not None and not seen:
        high = float(ceiling)
    if high <= low:
        high = low + 1
    step = nice_step(high - low)
    if whole:
        # Counts: no tick at 0.5 reviews.
        step = max(step, 1.0)
    low = math.floor(low / step) * step if floor is None else float(floor)
    high = math.ceil(high / step) * step
    if ceiling is not None:
        high = min(high, float(ceiling))
    if high <= low:
        high = low + step
    return low, high, step


@dataclass(frozen=True)
class Frame:
    """Where values land in the viewBox."""

    low: float
    high: float
    bands: int

    @property
    def plot_width(self) -> float:
        return WIDTH - LEFT - RIGHT

    @property
    def plot_height(self) -> float:
        return HEIGHT - TOP - BOTTOM

    def y(self, value: Number) -> float:
        share = (float(value) - self.low) / (self.high - self.low)
        return round(HEIGHT - BOTTOM - share * self.plot_height, 2)

    def band(self) -> float:
        return self.plot_width / max(self.bands, 1)

    def x(self, index: int) -> float:
        """The middle of the index-th band."""
        return round(LEFT + (index + 0.5) * self.band(), 2)


def _open(chart_id: str, title: str, desc: str) -> list[str]:
    cid = escape(chart_id)
    return [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{cid}-title {cid}-desc" preserveAspectRatio="xMidYMid meet" '
        f'xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{cid}-title">{escape(title)}</title>',
        f'<desc id="{cid}-desc">{escape(desc)}</desc>',
    ]


def _axes(frame: Frame, step: float, labels: Sequence[str], fmt: Format) -> list[str]:
    out = ['<g class="axis" aria-hidden="true">']
    tick = frame.low
    while tick <= frame.high + step / 1000:
        y = frame.y(tick)
        out.append(f'<line class="grid" x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}"></line>')
        out.append(
            f'<text class="tick" x="{LEFT - 6}" y="{y}" text-anchor="end" '
            f'dominant-baseline="middle">{escape(fmt(tick))}</text>'
        )
        tick += step
    base = HEIGHT - BOTTOM
    out.append(
        f'<line class="baseline" x1="{LEFT}" y1="{base}" x2="{WIDTH - RIGHT}" y2="{base}"></line>'
    )
    every = max(1, math.ceil(len(labels) / MAX_X_LABELS))
    for i, label in enumerate(labels):
        # Counted back from the last label: the current week is always named.
        if (len(labels) - 1 - i) % every:
            continue
        out.append(
            f'<text class="tick" x="{frame.x(i)}" y="{base + 18}" text-anchor="middle">'
            f"{escape(label)}</text>"
        )
    out.append("</g>")
    return out


def _reference(frame: Frame, ref: Reference) -> list[str]:
    if not frame.low <= ref.value <= frame.high:
        return []
    y = frame.y(ref.value)
    return [
        f'<g class="{escape(ref.css)}" aria-hidden="true">'
        f'<line x1="{LEFT}" y1="{y}" x2="{WIDTH - RIGHT}" y2="{y}" stroke-dasharray="6 4">'
        "</line>"
        f'<text x="{WIDTH - RIGHT - 2}" y="{y - 5}" text-anchor="end">{escape(ref.label)}</text>'
        "</g>"
    ]


def _legend(series: Sequence[Series], refs: Sequence[Reference]) -> list[tuple[str, str]]:
    # Drawn in HTML beside the SVG (templates/analytics/legend.html): text in the page's font
    # size stays readable on a phone, where the SVG's own text is scaled down with it.
    return [(s.name, s.css) for s in series] + [(r.label, f"line {r.css}") for r in refs]


def _table(
    labels: Sequence[str], series: Sequence[Series], fmt: Format, label_header: str, blank: str
) -> tuple[list[str], list[list[str]]]:
    def cell(value: Number | None) -> str:
        return blank if value is None else fmt(value)

    headers = [label_header, *(s.name for s in series)]
    rows = [[label, *(cell(s.values[i]) for s in series)] for i, label in enumerate(labels)]
    return headers, rows


def line_chart(
    chart_id: str,
    title: str,
    desc: str,
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    fmt: Format = str,
    references: Sequence[Reference] = (),
    floor: Number | None = 0,
    ceiling: Number | None = None,
    highlight: Callable[[Number], bool] | None = None,
    fixed: bool = False,
    label_header: str = "",
    blank: str = "-",
) -> Chart:
    """A line per series over `labels` (weeks); a missing value (None) breaks its line. Points
    for which `highlight` is true get the class `hot` (e.g. weeks above the threshold)."""
    low, high, step = axis_range(
        [v for s in series for v in s.values],
        floor=floor,
        ceiling=ceiling,
        include=[r.value for r in references],
        fixed=fixed,
    )
    frame = Frame(low, high, len(labels))
    out = _open(chart_id, title, desc) + _axes(frame, step, labels, fmt)
    for ref in references:
        out += _reference(frame, ref)
    for s in series:
        segments: list[list[str]] = [[]]
        points: list[str] = []
        for i, v in enumerate(s.values):
            if v is None:
                segments.append([])
                continue
            x, y = frame.x(i), frame.y(v)
            segments[-1].append(f"{x},{y}")
            hot = " hot" if highlight is not None and highlight(v) else ""
            points.append(
                f'<circle class="point {escape(s.css)}{hot}" cx="{x}" cy="{y}" r="3.5"></circle>'
            )
        out.append(f'<g class="series {escape(s.css)}" aria-hidden="true">')
        for seg in segments:
            if len(seg) > 1:
                out.append(f'<polyline fill="none" points="{" ".join(seg)}"></polyline>')
        out += points
        out.append("</g>")
    out.append("</svg>")
    headers, rows = _table(labels, series, fmt, label_header, blank)
    return Chart(Markup("".join(out)), headers, rows, _legend(series, references))


def bar_chart(
    chart_id: str,
    title: str,
    desc: str,
    labels: Sequence[str],
    series: Sequence[Series],
    *,
    fmt: Format = str,
    references: Sequence[Reference] = (),
    ceiling: Number | None = None,
    whole: bool = False,
    label_header: str = "",
    blank: str = "-",
) -> Chart:
    """Grouped bars: for each label, a bar per series side by side (e.g. a category's rate
    next to its typical rate). A missing value draws no bar."""
    low, high, step = axis_range(
        [v for s in series for v in s.values],
        floor=0,
        ceiling=ceiling,
        include=[r.value for r in references],
        whole=whole,
    )
    frame = Frame(low, high, len(labels))
    out = _open(chart_id, title, desc) + _axes(frame, step, labels, fmt)
    width = min(frame.band() * 0.8 / max(len(series), 1), MAX_BAR)
    group = width * len(series)
    for k, s in enumerate(series):
        out.append(f'<g class="series {escape(s.css)}" aria-hidden="true">')
        for i, v in enumerate(s.values):
            if v is None:
                continue
            x = round(frame.x(i) - group / 2 + k * width, 2)
            y = frame.y(max(float(v), low))
            h = round(frame.y(low) - y, 2)
            out.append(
                f'<rect x="{x}" y="{y}" width="{round(width * 0.9, 2)}" height="{h}"></rect>'
            )
        out.append("</g>")
    for ref in references:
        out += _reference(frame, ref)
    out.append("</svg>")
    headers, rows = _table(labels, series, fmt, label_header, blank)
    return Chart(Markup("".join(out)), headers, rows, _legend(series, references))


def percent(value: Number) -> str:
    """0.125 → '12.5 %' (one decimal only where it matters)."""
    p = round(float(value) * 100, 1)
    return f"{p:g} %"
