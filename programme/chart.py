"""A small line chart drawn on the server as SVG: no script, no library, and a data table beside it.

A chart is for seeing a direction at a glance; the table beside it carries the same values for a
screen reader and for anyone who needs the exact figures (WCAG 1.1.1).
"""

from dataclasses import dataclass
from datetime import date

WIDTH, HEIGHT, PAD = 320, 160, 16


@dataclass(frozen=True)
class Dot:
    x: int
    y: int


@dataclass(frozen=True)
class LineChart:
    dots: list[Dot]
    levels: list[int]  # the y of each level's grid line, lowest level first
    width: int = WIDTH
    height: int = HEIGHT

    @property
    def points(self) -> str:
        return " ".join(f"{dot.x},{dot.y}" for dot in self.dots)


def _y(level: int, levels: int) -> int:
    span = HEIGHT - 2 * PAD
    return round(HEIGHT - PAD - (level - 1) * span / max(levels - 1, 1))


def line_chart(values: list[tuple[date, int]], *, levels: int) -> LineChart | None:
    """Values (day, level 1..levels) in time order, spaced by time; None when there is nothing to draw."""
    if not values:
        return None
    first, last = values[0][0], values[-1][0]
    days = max((last - first).days, 1)
    span = WIDTH - 2 * PAD
    dots = [
        Dot(x=round(PAD + (day - first).days * span / days) if last != first else WIDTH // 2, y=_y(level, levels))
        for day, level in values
    ]
    return LineChart(dots=dots, levels=[_y(level, levels) for level in range(1, levels + 1)])
