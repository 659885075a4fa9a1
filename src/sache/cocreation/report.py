"""The Conclusions document: Markdown to safe HTML, to plain paragraphs, and to PDF.

Raw HTML in the Markdown is escaped, never rendered (the operator's text is shown
to the public), and link targets are limited to markdown-it's safe schemes.
"""

from __future__ import annotations

import io
import re
from typing import Any
from xml.sax.saxutils import escape

from django.conf import settings
from django.utils.safestring import SafeString, mark_safe
from markdown_it import MarkdownIt

_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
_INLINE = re.compile(r"(\*\*|__|\*|_|`)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")


def markdown_html(text: str) -> SafeString:
    """HTML of the Markdown ``text`` with any raw HTML escaped."""
    return mark_safe(_MARKDOWN.render(text or ""))  # noqa: S308 - markdown-it escapes raw HTML (html=False)


def _plain(line: str) -> str:
    return _INLINE.sub("", _LINK.sub(r"\1", line)).strip()


def markdown_blocks(text: str) -> list[tuple[str, str]]:
    """``(kind, plain text)`` blocks: kind is h1, h2, h3, item, quote or p; paragraphs joined."""
    blocks: list[tuple[str, str]] = []
    paragraph: list[str] = []

    def flush() -> None:
        if paragraph:
            blocks.append(("p", " ".join(paragraph)))
            paragraph.clear()

    for raw in (text or "").splitlines():
        line = raw.strip()
        heading = re.match(r"^(#{1,6})\s+(.*)$", line)
        item = re.match(r"^(?:[-*+]|\d+[.)])\s+(.*)$", line)
        if not line:
            flush()
        elif heading:
            flush()
            blocks.append((f"h{min(len(heading.group(1)), 3)}", _plain(heading.group(2))))
        elif item:
            flush()
            blocks.append(("item", _plain(item.group(1))))
        elif line.startswith(">"):
            flush()
            blocks.append(("quote", _plain(line.lstrip("> "))))
        else:
            paragraph.append(_plain(line))
    flush()
    return [(kind, value) for kind, value in blocks if value]


def markdown_paragraphs(text: str) -> list[str]:
    """Plain paragraphs of the text without its first heading (the title), list items as "• …"."""
    blocks = markdown_blocks(text)
    if blocks and blocks[0][0] == "h1":
        blocks = blocks[1:]
    return [f"• {value}" if kind == "item" else value for kind, value in blocks]


def conclusions_pdf(conclusions: Any) -> bytes:
    """Render the conclusions as an A4 PDF in DejaVu Sans (all the hub's letters)."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer

    from sache.insights.report import _register_fonts  # slow import: reportlab and matplotlib

    regular, bold = _register_fonts()
    styles = {
        "h1": ParagraphStyle("h1", fontName=bold, fontSize=18, leading=22, spaceAfter=8),
        "h2": ParagraphStyle("h2", fontName=bold, fontSize=13, leading=16, spaceBefore=10, spaceAfter=5, textColor=colors.HexColor("#7a2e1d")),
        "h3": ParagraphStyle("h3", fontName=bold, fontSize=11, leading=14, spaceBefore=6, spaceAfter=3),
        "p": ParagraphStyle("p", fontName=regular, fontSize=9.5, leading=13, spaceAfter=4),
        "item": ParagraphStyle("item", fontName=regular, fontSize=9.5, leading=13, leftIndent=12, bulletIndent=2),
        "quote": ParagraphStyle("quote", fontName=regular, fontSize=9.5, leading=13, leftIndent=12, textColor=colors.HexColor("#4a5360")),
        "small": ParagraphStyle("small", fontName=regular, fontSize=8, leading=10, textColor=colors.HexColor("#4a5360")),
    }
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer, pagesize=A4, leftMargin=2 * cm, rightMargin=2 * cm, topMargin=1.8 * cm, bottomMargin=1.8 * cm,
        title=conclusions.title, author=settings.SACHE_HUB_NAME, lang=conclusions.language,
    )
    story: list[Any] = []
    blocks = markdown_blocks(conclusions.body)
    if not blocks or blocks[0][0] != "h1":
        story.append(Paragraph(escape(conclusions.title), styles["h1"]))
    for kind, value in blocks:
        if kind == "item":
            story.append(Paragraph(escape(value), styles["item"], bulletText="•"))
        else:
            story.append(Paragraph(escape(value), styles[kind]))
    event = conclusions.workshop.event
    when = conclusions.published_at.strftime("%Y-%m-%d") if conclusions.published_at else ""
    story += [Spacer(1, 12), Paragraph(escape(f"{settings.SACHE_HUB_NAME} · {event.title} · {when}"), styles["small"])]
    document.build(story)
    return buffer.getvalue()
