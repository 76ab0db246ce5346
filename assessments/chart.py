"""Change per domain for one child, drawn on the server as SVG: one line per item of the domain, over the
assessments in time order, with the data table beside it (WCAG 1.1.1).

Like `programme.chart` (which stands above this app, so it is not imported), but with a line per item:
a domain of risk and protective factors has two. Each item is drawn on its own scale, from its first
value at the bottom to its last at the top; nothing is added up or compared across items or children.
"""

from dataclasses import dataclass
from datetime import date

WIDTH, HEIGHT, PAD = 320, 140, 16
DASHES = ["", "6 4", "2 3", "8 3 2 3"]  # told apart without colour


@dataclass(frozen=True)
class Line:
    name: str
    points: str  # "x,y x,y …"
    dots: list[tuple[int, int]]
    dash: str


@dataclass(frozen=True)
class Chart:
    lines: list[Line]
    grid: list[int]
    width: int = WIDTH
    height: int = HEIGHT


def _x(day: date, first: date, last: date) -> int:
    if first == last:
        return WIDTH // 2
    return round(PAD + (day - first).days * (WIDTH - 2 * PAD) / (last - first).days)


def _y(level: int, levels: int) -> int:
    return round(HEIGHT - PAD - (level - 1) * (HEIGHT - 2 * PAD) / max(levels - 1, 1))


def domain_chart(series: list[tuple[str, int, list[tuple[date, int]]]]) -> Chart | None:
    """`series`: (name, levels, [(day, level 1..levels)]) per item. None when no item has two values:
    a single point shows no change, and the table says it."""
    days = [day for _name, _levels, values in series for day, _level in values]
    if not days or max(len(values) for _name, _levels, values in series) < 2:
        return None
    first, last = min(days), max(days)
    lines = []
    for n, (name, levels, values) in enumerate(series):
        dots = [(_x(day, first, last), _y(level, levels)) for day, level in values]
        lines.append(
            Line(name=name, points=" ".join(f"{x},{y}" for x, y in dots), dots=dots, dash=DASHES[n % len(DASHES)])
        )
    most = max(levels for _name, levels, _values in series)
    return Chart(lines=lines, grid=[_y(level, most) for level in range(1, most + 1)])
