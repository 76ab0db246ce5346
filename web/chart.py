"""Line charts drawn on the server as SVG: no script, no library, and a data table beside each (WCAG 1.1.1).

A chart is for seeing a direction at a glance; the table beside it carries the same values for a screen
reader and for anyone who needs the exact figures. One line per series, each on its own scale, from its
first level at the bottom to its last at the top: nothing is added up or compared across series. Lines
are told apart by their dashes, not by colour. Used by the programme (motivation over time) and by
structured assessments (change per domain).
"""

from dataclasses import dataclass
from datetime import date

WIDTH, PAD = 320, 16
DASHES = ["", "6 4", "2 3", "8 3 2 3"]


@dataclass(frozen=True)
class Series:
    name: str
    levels: int
    values: list[tuple[date, int]]  # (day, level 1..levels), in time order


@dataclass(frozen=True)
class Line:
    name: str
    points: str  # "x,y x,y …"
    dots: list[tuple[int, int]]
    dash: str


@dataclass(frozen=True)
class Chart:
    lines: list[Line]
    grid: list[int]  # the y of each level's grid line, lowest level first
    height: int
    width: int = WIDTH


def line_chart(series: list[Series], *, height: int, fewest: int = 1) -> Chart | None:
    """None when no series has `fewest` values: an assessment's single point shows no change."""
    days = [day for one in series for day, _level in one.values]
    if not days or max(len(one.values) for one in series) < fewest:
        return None
    first, last = min(days), max(days)

    def x(day: date) -> int:
        if first == last:
            return WIDTH // 2
        return round(PAD + (day - first).days * (WIDTH - 2 * PAD) / (last - first).days)

    def y(level: int, levels: int) -> int:
        return round(height - PAD - (level - 1) * (height - 2 * PAD) / max(levels - 1, 1))

    lines = []
    for n, one in enumerate(series):
        dots = [(x(day), y(level, one.levels)) for day, level in one.values]
        points = " ".join(f"{dx},{dy}" for dx, dy in dots)
        lines.append(Line(name=one.name, points=points, dots=dots, dash=DASHES[n % len(DASHES)]))
    most = max(one.levels for one in series)
    return Chart(lines=lines, grid=[y(level, most) for level in range(1, most + 1)], height=height)
