"""Accessible SVG charts drawn on the server: no script, no external asset.

Each chart carries a <title> and a <desc> that state what it shows and its
largest values; the page puts the full numbers in a table beside it.
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from sache.insights.tables import Table

PALETTE = ["#7a2e1d", "#1d4f91", "#1e6b3a", "#8a5a00", "#5b3a8a", "#00636b", "#8a1d5b", "#3d4a5c"]
INK = "#1b1f24"
MUTED = "#4a5360"
GRID = "#c9c2b8"


def _number(value: float) -> str:
    return f"{value:,.0f}".replace(",", "\u2009") if float(value).is_integer() else f"{value:,.1f}".replace(",", "\u2009")


def _description(table: Table) -> str:
    top = sorted(table.rows, key=lambda row: -row.value)[:3]
    parts = ", ".join(f"{row.label}: {_number(row.value)}" for row in top if row.value)
    return _("%(title)s. Largest: %(values)s.") % {"title": table.title, "values": parts or _("no data")}


def _frame(table: Table, width: int, height: int, body: str) -> SafeString:
    ident = f"chart-{escape(table.key)}"
    return mark_safe(
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{ident}-title {ident}-desc" focusable="false">'
        f'<title id="{ident}-title">{escape(table.title)}</title>'
        f'<desc id="{ident}-desc">{escape(_description(table))}</desc>{body}</svg>'
    )


def bar_chart(table: Table, *, width: int = 640, bar_height: int = 22, label_width: int = 230) -> SafeString:
    rows = table.rows
    maximum = max((row.value for row in rows), default=0) or 1
    plot_width = width - label_width - 70
    height = max(len(rows), 1) * (bar_height + 8) + 10
    parts = []
    for index, row in enumerate(rows):
        y = 5 + index * (bar_height + 8)
        length = plot_width * row.value / maximum
        label = row.label if len(row.label) <= 34 else row.label[:33] + "…"
        parts.append(
            f'<text x="{label_width - 8}" y="{y + bar_height * 0.7:.1f}" text-anchor="end" font-size="13" fill="{INK}">{escape(label)}</text>'
            f'<rect x="{label_width}" y="{y}" width="{length:.1f}" height="{bar_height}" fill="{PALETTE[index % len(PALETTE)]}"/>'
            f'<text x="{label_width + length + 6:.1f}" y="{y + bar_height * 0.7:.1f}" font-size="13" fill="{INK}">{_number(row.value)}</text>'
        )
    return _frame(table, width, height, "".join(parts))


def line_chart(table: Table, *, width: int = 640, height: int = 240) -> SafeString:
    rows = table.rows
    left, right, top, bottom = 50, 15, 15, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    maximum = max((row.value for row in rows), default=0) or 1
    parts = [f'<line x1="{left}" y1="{top + plot_h}" x2="{left + plot_w}" y2="{top + plot_h}" stroke="{GRID}"/>']
    for fraction in (0.5, 1.0):
        y = top + plot_h * (1 - fraction)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_w}" y2="{y:.1f}" stroke="{GRID}" stroke-dasharray="4 4"/>'
            f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" font-size="12" fill="{MUTED}">{_number(maximum * fraction)}</text>'
        )
    if rows:
        step = plot_w / max(len(rows) - 1, 1)
        points = " ".join(
            f"{left + index * step:.1f},{top + plot_h * (1 - row.value / maximum):.1f}" for index, row in enumerate(rows)
        )
        parts.append(f'<polyline points="{points}" fill="none" stroke="{PALETTE[1]}" stroke-width="2.5"/>')
        label_every = max(1, len(rows) // 6)
        for index, row in enumerate(rows):
            if index % label_every == 0 or index == len(rows) - 1:
                parts.append(
                    f'<text x="{left + index * step:.1f}" y="{height - 15}" text-anchor="middle" font-size="12" fill="{MUTED}">{escape(row.label)}</text>'
                )
    return _frame(table, width, height, "".join(parts))


def funnel_chart(table: Table, *, width: int = 640, step_height: int = 34) -> SafeString:
    rows = table.rows
    maximum = max((row.value for row in rows), default=0) or 1
    height = len(rows) * (step_height + 6) + 10
    parts = []
    for index, row in enumerate(rows):
        bar = (width - 20) * row.value / maximum
        x = (width - bar) / 2
        y = 5 + index * (step_height + 6)
        colour = PALETTE[index % len(PALETTE)]
        parts.append(
            f'<rect x="{x:.1f}" y="{y}" width="{max(bar, 2):.1f}" height="{step_height}" fill="{colour}" rx="3"/>'
            f'<text x="{width / 2:.1f}" y="{y + step_height * 0.65:.1f}" text-anchor="middle" font-size="13" '
            f'fill="#ffffff" stroke="{INK}" stroke-width="3" paint-order="stroke">{escape(row.label)}: {_number(row.value)}</text>'
        )
    return _frame(table, width, height, "".join(parts))


def chart_for(table: Table) -> SafeString:
    return {"line": line_chart, "funnel": funnel_chart}.get(table.chart, bar_chart)(table)
