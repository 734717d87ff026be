"""Horizontal bar charts drawn with block characters.

Each bar is a line: its label, a bar of blocks scaled to the widest count, and the count as
a number, so the chart reads at 80 columns, in a screen reader's line-by-line output and
with ``NO_COLOR`` (colour only repeats what the label already says).
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text

from scrutiny_tui.services.attention import Bar
from scrutiny_tui.ui.text import DIM, RAG_STYLES, literal

FULL = "█"
EIGHTHS = " ▏▎▍▌▋▊▉"  # a part block for the remainder, so 1 of 40 still shows


def bar_blocks(count: int, largest: int, width: int) -> str:
    """``count`` as blocks, ``largest`` filling ``width`` cells; any count above zero
    shows at least a sliver."""
    if count <= 0 or largest <= 0 or width <= 0:
        return ""
    eighths = max(1, round(count * width * 8 / largest))
    whole, part = divmod(eighths, 8)
    return FULL * whole + (EIGHTHS[part] if part else "")


def bar_chart(title: str, bars: Sequence[Bar], width: int) -> Text:
    """The chart as Text, ``width`` cells wide: a title line, then a line per bar."""
    chart = Text(title, style=Style(bold=True), end="")
    if not bars:
        return chart
    label_width = min(max(len(bar.label) for bar in bars), max(6, width // 2))
    count_width = len(str(max(bar.count for bar in bars)))
    bar_width = max(1, width - label_width - count_width - 2)
    largest = max(bar.count for bar in bars)
    for bar in bars:
        label = bar.label if len(bar.label) <= label_width else bar.label[: label_width - 1] + "…"
        style = next((s for rag, s in RAG_STYLES.items() if rag == bar.rag), Style())
        chart.append("\n")
        chart.append_text(literal(f"{label:<{label_width}} "))
        blocks = bar_blocks(bar.count, largest, bar_width)
        chart.append(f"{blocks:<{bar_width}}", style=style)
        chart.append(f" {bar.count:>{count_width}}", style=DIM if not bar.count else "")
    return chart
