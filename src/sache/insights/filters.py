"""The filters every dashboard table shares: period, region and programme."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from sache.directory.regions import regions


@dataclass(frozen=True)
class InsightFilter:
    start: date | None = None
    end: date | None = None
    region: str = ""

    @property
    def start_datetime(self) -> datetime | None:
        return timezone.make_aware(datetime.combine(self.start, time.min)) if self.start else None

    @property
    def end_datetime(self) -> datetime | None:
        # The end day is included in the period.
        return timezone.make_aware(datetime.combine(self.end, time.max)) if self.end else None

    def query_string(self) -> str:
        from urllib.parse import urlencode

        values = {"start": self.start.isoformat() if self.start else "", "end": self.end.isoformat() if self.end else "", "region": self.region}
        return urlencode({key: value for key, value in values.items() if value})


def _region_choices() -> list[tuple[str, str]]:
    choices = [("", _("All regions"))]
    for region in regions().values():
        if region.level in (0, 2):
            indent = "" if region.level == 0 else "— "
            choices.append((region.code, f"{indent}{region.name} ({region.code})"))
    return choices


class InsightFilterForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("To"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    region = forms.ChoiceField(label=_("Region"), required=False, choices=_region_choices)

    def clean(self) -> dict:
        cleaned = super().clean()
        if cleaned.get("start") and cleaned.get("end") and cleaned["start"] > cleaned["end"]:
            self.add_error("end", _("The end of the period is before its start."))
        return cleaned

    def to_filter(self) -> InsightFilter:
        if not self.is_valid():
            return InsightFilter()
        return InsightFilter(
            start=self.cleaned_data.get("start"), end=self.cleaned_data.get("end"), region=self.cleaned_data.get("region") or ""
        )
