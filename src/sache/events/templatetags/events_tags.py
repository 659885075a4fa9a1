"""Presentation helpers for event templates."""

from django import template

register = template.Library()


@register.simple_tag
def partner_of(meeting, registration):
    """The other side of ``meeting`` as seen by ``registration``."""
    return meeting.other(registration.pk)


@register.filter
def percent(value):
    if value is None:
        return "–"
    return f"{value * 100:.1f} %"


@register.filter
def number(value):
    """A solver figure without a needless ".0"; a dash when unknown."""
    if value is None:
        return "–"
    return f"{value:g}" if isinstance(value, float) else str(value)
