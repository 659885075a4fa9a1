"""The filters every dashboard table shares: period, region and programme."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django import forms
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _

from sache.directory.regions import regions


@dataclass(frozen=True)
class InsightFilter:
    start: date | None = None
    end: date | None = None
    region: str = ""
    # A programme's id (None: every activity, whatever programme it belongs to, or none).
    programme: int | None = None

    @property
    def start_datetime(self) -> datetime | None:
        return timezone.make_aware(datetime.combine(self.start, time.min)) if self.start else None

    @property
    def end_datetime(self) -> datetime | None:
        # The end day is included in the period.
        return timezone.make_aware(datetime.combine(self.end, time.max)) if self.end else None

    def query_string(self) -> str:
        from urllib.parse import urlencode

        values = {
            "start": self.start.isoformat() if self.start else "", "end": self.end.isoformat() if self.end else "",
            "region": self.region, "programme": str(self.programme) if self.programme else "",
        }
        return urlencode({key: value for key, value in values.items() if value})


def _region_choices() -> list[tuple[str, str]]:
    choices = [("", _("All regions"))]
    for region in regions().values():
        if region.level in (0, 2):
            indent = "" if region.level == 0 else "— "
            choices.append((region.code, f"{indent}{region.name} ({region.code})"))
    return choices


def _programme_choices() -> list[tuple[str, str]]:
    from sache.programmes.models import Programme

    return [("", _("All programmes")), *((str(pk), f"{name} ({code})") for pk, name, code in Programme.objects.order_by("name").values_list("pk", "name", "code"))]


def programme_label(programme_id: int | None) -> str:
    """How exports and the report name the programme of a filter."""
    from sache.programmes.models import Programme

    if programme_id is None:
        return ""
    programme = Programme.objects.filter(pk=programme_id).first()
    return str(programme) if programme else str(programme_id)


class QuickSelect(forms.Select):
    """A select rendered in Python: the region list has hundreds of options, and Django's
    per-option templates made it the slowest part of every insight page."""

    def render(self, name: str, value: object, attrs: dict | None = None, renderer: object = None) -> SafeString:
        final = self.build_attrs(self.attrs, {**(attrs or {}), "name": name})
        chosen = "" if value is None else str(value[0] if isinstance(value, list | tuple) and value else value)
        options = [
            f'<option value="{escape(code)}"{" selected" if str(code) == chosen else ""}>{escape(label)}</option>'
            for code, label in self.choices
        ]
        attributes = "".join(f' {key}="{escape(val)}"' for key, val in final.items() if val is not False and val is not None)
        return mark_safe(f"<select{attributes}>{''.join(options)}</select>")


class InsightFilterForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    region = forms.ChoiceField(label=_("Region"), required=False, choices=_region_choices, widget=QuickSelect)
    programme = forms.TypedChoiceField(
        label=_("Programme"), required=False, coerce=int, empty_value=None, choices=_programme_choices,
        help_text=_("Activities of one programme; organisations count when they took part in it."),
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            self.add_error("end", _("The end of the period is before its start."))
        return cleaned

    def to_filter(self) -> InsightFilter:
        if not self.is_valid():
            return InsightFilter()
        return InsightFilter(
            start=self.cleaned_data.get("start"), end=self.cleaned_data.get("end"), region=self.cleaned_data.get("region") or "",
            programme=self.cleaned_data.get("programme"),
        )
