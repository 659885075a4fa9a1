"""The programme report for funders as a PDF: indicators, charts, pilots and conclusions.

Drawn with reportlab in the DejaVu Sans typeface (shipped inside matplotlib's
package data), which covers every letter of the hub's languages — Łańcut, Győr,
Přemyšl — without any font on the host.
"""

from __future__ import annotations

import io
from contextlib import nullcontext
from functools import cache
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from sache.insights import selectors
from sache.insights.filters import InsightFilter
from sache.insights.tables import Table
from sache.partnerships.enums import Stage
from sache.programmes.models import Programme

PALETTE = ["#7a2e1d", "#1d4f91", "#1e6b3a", "#8a5a00", "#5b3a8a", "#00636b"]


@cache
def _register_fonts() -> tuple[str, str]:
    import matplotlib
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    font_dir = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    pdfmetrics.registerFont(TTFont("DejaVuSans", str(font_dir / "DejaVuSans.ttf")))
    pdfmetrics.registerFont(TTFont("DejaVuSans-Bold", str(font_dir / "DejaVuSans-Bold.ttf")))
    return "DejaVuSans", "DejaVuSans-Bold"


def _bar_drawing(table: Table, width: float, regular: str):
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    rows = [row for row in table.rows if row.value][:12] or table.rows[:1]
    height = 18 * len(rows) + 30
    drawing = Drawing(width, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 170, 15, width - 200, height - 25
    chart.data = [[row.value for row in reversed(rows)]]
    chart.categoryAxis.categoryNames = [row.label[:32] for row in reversed(rows)]
    chart.categoryAxis.labels.fontName = regular
    chart.categoryAxis.labels.fontSize = 8
    chart.valueAxis.labels.fontName = regular
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.HexColor(PALETTE[0])
    chart.barLabelFormat = "%d"
    chart.barLabels.fontName = regular
    chart.barLabels.fontSize = 7
    chart.barLabels.dx = 8
    drawing.add(chart)
    return drawing


def programme_report_pdf(flt: InsightFilter, *, source: Any = selectors, state: Any = None) -> bytes:
    """Render the whole report for ``flt`` and return the PDF bytes.

    ``source`` gives the figures (:mod:`selectors` counts live, :mod:`aggregates` reads
    the refreshed tables); ``state`` is the refresh they come from, printed on the cover.
    """
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer
    from reportlab.platypus import Table as PdfTable

    regular, bold = _register_fonts()
    styles = {
        "title": ParagraphStyle("title", fontName=bold, fontSize=20, leading=24, spaceAfter=8),
        "h2": ParagraphStyle("h2", fontName=bold, fontSize=13, leading=16, spaceBefore=12, spaceAfter=6, textColor=colors.HexColor(PALETTE[0])),
        "body": ParagraphStyle("body", fontName=regular, fontSize=9.5, leading=13),
        "small": ParagraphStyle("small", fontName=regular, fontSize=8, leading=10, textColor=colors.HexColor("#4a5360")),
    }
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=1.8 * cm, bottomMargin=1.8 * cm,
        title=_("Programme report"), author=settings.SACHE_HUB_NAME,
    )
    width = A4[0] - 4 * cm
    period = _("whole programme")
    if flt.start or flt.end:
        period = f"{flt.start.isoformat() if flt.start else '…'} – {flt.end.isoformat() if flt.end else '…'}"
    programme = Programme.objects.filter(pk=flt.programme).first() if flt.programme is not None else None
    story = [
        Paragraph(_("Programme report"), styles["title"]),
        *([Paragraph(escape(f"{programme.name} ({programme.code})"), styles["h2"]),
           Paragraph(escape(" · ".join(part for part in [
               programme.funder,
               f"{programme.starts_on.isoformat() if programme.starts_on else '…'} – {programme.ends_on.isoformat() if programme.ends_on else '…'}",
           ] if part)), styles["small"])] if programme is not None else []),
        Paragraph(_("%(hub)s · period: %(period)s · region: %(region)s · generated %(date)s") % {
            "hub": settings.SACHE_HUB_NAME, "period": period, "region": flt.region or _("all"),
            "date": timezone.localtime().strftime("%Y-%m-%d %H:%M"),
        }, styles["small"]),
        *([Paragraph(_("Figures as of %(time)s.") % {
            "time": timezone.localtime(state.refreshed_at).strftime("%Y-%m-%d %H:%M")}, styles["small"])]
          if state is not None and state.refreshed_at else []),
        Spacer(1, 10),
        Paragraph(_("Key indicators"), styles["h2"]),
    ]
    from sache.insights import aggregates

    with aggregates.prefetched(flt) if source is aggregates else nullcontext():
        headline = source.headline(flt)
        tables = source.dashboard_tables(flt)
    indicator_table = PdfTable(
        [[Paragraph(row.label, styles["body"]), Paragraph(f"{row.value:,}".replace(",", " "), styles["body"])] for row in headline],
        colWidths=[width * 0.7, width * 0.3],
    )
    indicator_table.setStyle([("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#c9c2b8"))])
    story.append(indicator_table)
    for table in tables:
        block = [Paragraph(table.title, styles["h2"])]
        if table.is_empty:
            block.append(Paragraph(_("No data for this filter."), styles["body"]))
        else:
            block.append(_bar_drawing(table, width, regular))
        if table.note:
            block.append(Paragraph(table.note, styles["small"]))
        story.append(KeepTogether(block))
    story.append(Paragraph(_("Pilots and sustained collaborations"), styles["h2"]))
    pilots = selectors.filtered_partnerships(flt).filter(stage__in=[Stage.PILOT, Stage.SUSTAIN]).prefetch_related("members__organisation")[:200]
    rows = [[Paragraph(_("Partnership"), styles["body"]), Paragraph(_("Partners"), styles["body"]), Paragraph(_("Stage"), styles["body"])]]
    for partnership in pilots:
        partners = ", ".join(member.organisation.name for member in partnership.members.all())
        rows.append([Paragraph(partnership.title, styles["body"]), Paragraph(partners, styles["body"]), Paragraph(str(partnership.get_stage_display()), styles["body"])])
    if len(rows) == 1:
        story.append(Paragraph(_("No partnership has reached the pilot stage yet."), styles["body"]))
    else:
        pilot_table = PdfTable(rows, colWidths=[width * 0.4, width * 0.45, width * 0.15], repeatRows=1)
        pilot_table.setStyle([
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#f4f1ec")),
            ("LINEBELOW", (0, 0), (-1, -1), 0.3, colors.HexColor("#c9c2b8")),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ])
        story.append(pilot_table)
    for section in conclusion_sections(flt):
        story.append(Paragraph(section["title"], styles["h2"]))
        for paragraph in section["paragraphs"]:
            story.append(Paragraph(paragraph, styles["body"]))

    def footer(canvas, doc) -> None:
        canvas.saveState()
        canvas.setFont(regular, 8)
        canvas.drawRightString(A4[0] - 2 * cm, 1.1 * cm, _("page %(number)d") % {"number": doc.page})
        canvas.restoreState()

    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return buffer.getvalue()


def conclusion_sections(flt: InsightFilter) -> list[dict]:
    """Published workshop conclusions, when the co-creation app provides them."""
    try:
        from sache.cocreation.selectors import published_conclusions_for_report
    except ImportError:
        return []
    return published_conclusions_for_report(flt)
