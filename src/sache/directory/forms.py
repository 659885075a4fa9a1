"""Forms of the directory: shape and validation only; services decide what is written.

The import (``exchange.py``) validates every row with these same forms, so a row
in a file gets the same messages as the web form.
"""

from __future__ import annotations

import re
from functools import cache

from django import forms
from django.conf import settings
from django.core.validators import URLValidator
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from sache.directory import vocabularies
from sache.directory.enums import Publication
from sache.directory.models import DigitalProduct, HeritageAsset, Need, Offer, Organisation, Person
from sache.directory.regions import region_choices
from sache.directory.validators import validate_rights_uri

CONTENT_LANGUAGE_CODES = [code for code, _name in settings.CONTENT_LANGUAGES]
_SEPARATORS = re.compile(r"[;,\n]")


def _language() -> str:
    return (get_language() or "en")[:2]


def split_list(value: str) -> list[str]:
    """Items of a comma-, semicolon- or line-separated text, stripped, without duplicates.

    >>> split_list("3D scanning; AR , ,AR")
    ['3D scanning', 'AR']
    """
    return list(dict.fromkeys(item.strip() for item in _SEPARATORS.split(value or "") if item.strip()))


class ListField(forms.CharField):
    """Free text items separated by commas, semicolons or new lines; cleans to a list."""

    def __init__(self, *, max_items: int = 30, max_length_item: int = 60, **kwargs):
        self.max_items, self.max_length_item = max_items, max_length_item
        kwargs.setdefault("required", False)
        super().__init__(**kwargs)

    def prepare_value(self, value):
        return ", ".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return split_list(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if len(value) > self.max_items:
            raise forms.ValidationError(_("Give at most %(count)d items."), params={"count": self.max_items})
        long = [item for item in value if len(item) > self.max_length_item]
        if long:
            raise forms.ValidationError(
                _("Each item may have at most %(length)d characters: %(item)s"),
                params={"length": self.max_length_item, "item": long[0]},
            )


class UrlListField(ListField):
    """One web address per line (or separated by semicolons)."""

    def __init__(self, **kwargs):
        super().__init__(max_length_item=500, widget=forms.Textarea(attrs={"rows": 3}), **kwargs)

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return list(dict.fromkeys(item.strip() for item in re.split(r"[;\n\s]+", value or "") if item.strip()))

    def validate(self, value):
        super().validate(value)
        check = URLValidator(schemes=["http", "https"])
        for item in value:
            try:
                check(item)
            except forms.ValidationError:
                raise forms.ValidationError(
                    _("%(item)s is not a web address (it must start with http:// or https://)."), params={"item": item}
                ) from None


def _localised(name: str):
    """Choices of a vocabulary in the language active when the form is rendered or validated.

    A callable keeps Django from copying and normalising hundreds of choices for
    every form instance (the import builds one form per row).
    """

    def _choices() -> list[tuple[str, str]]:
        return vocabularies.choices(name, _language())

    return _choices


def _region_choices() -> list[tuple[str, str]]:
    return _regions(_language())


@cache
def _regions(language: str) -> list[tuple[str, str]]:
    return [("", "—"), *region_choices(3, "en" if language == "en" else "pl")]


@cache
def _region_codes() -> frozenset[str]:
    return frozenset(code for code, _label in _regions("en") if code)


class CodeChoiceField(forms.ChoiceField):
    """A choice among many codes, validated by set membership instead of a scan of the choices."""

    def __init__(self, *, codes, **kwargs):
        self.codes = codes
        super().__init__(**kwargs)

    def valid_value(self, value) -> bool:
        return str(value) in self.codes()


class CodeMultipleChoiceField(forms.MultipleChoiceField):
    def __init__(self, *, codes, **kwargs):
        self.codes = codes
        super().__init__(**kwargs)

    def valid_value(self, value) -> bool:
        return str(value) in self.codes()


def _vocabulary_field(name: str, label, help_text="") -> forms.MultipleChoiceField:
    return CodeMultipleChoiceField(
        codes=lambda: vocabularies.vocabulary(name).keys(),
        label=label, required=False, help_text=help_text, choices=_localised(name),
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )


def _content_languages_field(label) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label, required=False, choices=settings.CONTENT_LANGUAGES, widget=forms.CheckboxSelectMultiple
    )


class OrganisationForm(forms.ModelForm):
    region = CodeChoiceField(codes=_region_codes, choices=_region_choices, label=_("Region (NUTS 3)"), help_text=_("The NUTS 2021 region the organisation is based in."))
    heritage_domains = _vocabulary_field(vocabularies.HERITAGE_DOMAINS, _("Heritage domains"))
    creative_domains = _vocabulary_field(vocabularies.CREATIVE_DOMAINS, _("Creative domains"))
    competences = _vocabulary_field(vocabularies.COMPETENCES, _("Competences"))
    languages = _content_languages_field(_("Working languages"))
    website = forms.URLField(label=_("Website"), required=False, max_length=200, assume_scheme="https")
    tags = ListField(label=_("Free tags"), help_text=_("Separate tags with commas."), max_items=20, max_length_item=50)
    main_language = forms.ChoiceField(
        label=_("Main description language"), required=False, choices=[("", "—"), *settings.CONTENT_LANGUAGES]
    )

    # One text per content language, each marked with its language for screen readers and spell checkers.
    for _code, _name in settings.CONTENT_LANGUAGES:
        locals()[f"description_{_code}"] = forms.CharField(
            label=format_lazy(_("Description in {language}"), language=_name),
            required=False,
            max_length=5000,
            widget=forms.Textarea(attrs={"rows": 4, "lang": _code}),
        )
    del _code, _name

    class Meta:
        model = Organisation
        fields = [
            "name", "kind", "region", "city", "latitude", "longitude", "size_band", "founded", "website", "logo",
            "heritage_domains", "creative_domains", "competences", "tags", "languages",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stored = list(self.instance.descriptions.all()) if self.instance.pk else []
        for description in stored:
            self.initial.setdefault(f"description_{description.language}", description.text)
            if description.is_primary:
                self.initial.setdefault("main_language", description.language)
        self.fields["latitude"].widget.attrs.update(step="any", min="-90", max="90")
        self.fields["longitude"].widget.attrs.update(step="any", min="-180", max="180")

    def clean_latitude(self):
        value = self.cleaned_data.get("latitude")
        if value is not None and not -90 <= value <= 90:
            raise forms.ValidationError(_("Latitude is between -90 and 90."))
        return value

    def clean_longitude(self):
        value = self.cleaned_data.get("longitude")
        if value is not None and not -180 <= value <= 180:
            raise forms.ValidationError(_("Longitude is between -180 and 180."))
        return value

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("latitude") is None) != (cleaned.get("longitude") is None) and not self.has_error("latitude") and not self.has_error("longitude"):
            self.add_error("longitude", _("Give both latitude and longitude, or neither."))
        main = cleaned.get("main_language")
        if main and not cleaned.get(f"description_{main}"):
            self.add_error("main_language", _("There is no description in the main language."))
        return cleaned

    def profile_fields(self) -> dict:
        fields = {name: self.cleaned_data[name] for name in self.Meta.fields if name != "logo"}
        logo = self.cleaned_data.get("logo")
        if logo is False:
            fields["logo"] = ""
        elif "logo" in self.files:
            fields["logo"] = logo
        return fields

    def descriptions(self) -> dict[str, str]:
        return {code: self.cleaned_data.get(f"description_{code}", "") for code in CONTENT_LANGUAGE_CODES}


class PersonForm(forms.ModelForm):
    skills = ListField(label=_("Skills"), help_text=_("Separate skills with commas."), max_items=20)
    languages = _content_languages_field(_("Languages"))

    class Meta:
        model = Person
        fields = ["first_name", "last_name", "role", "email", "phone", "skills", "languages", "consent_contact"]


class RecordForm(forms.ModelForm):
    """Common part of the need, offer, asset and product forms."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].help_text = _("The language this text is written in.")
        self.fields["publication"].help_text = _("Drafts are visible only to your organisation and the operators.")

    def record_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


_RECORD_TEXT = ["language", "title", "description"]


class NeedForm(RecordForm):
    competences = _vocabulary_field(vocabularies.COMPETENCES, _("Competences sought"))

    class Meta:
        model = Need
        fields = [*_RECORD_TEXT, "competences", "budget_band", "timeframe", "status", "asset", "publication"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "asset" in self.fields:
            organisation = self.instance.organisation
            self.fields["asset"].queryset = HeritageAsset.objects.filter(organisation=organisation).order_by("title")


class OfferForm(RecordForm):
    competences = _vocabulary_field(vocabularies.COMPETENCES, _("Competences"))
    portfolio_links = UrlListField(label=_("Portfolio links"), help_text=_("One web address per line."), max_items=10)

    class Meta:
        model = Offer
        fields = [*_RECORD_TEXT, "competences", "portfolio_links", "price_band", "publication"]


class AssetForm(RecordForm):
    rights_uri = forms.CharField(
        label=_("Rights statement"),
        max_length=200,
        validators=[validate_rights_uri],
        help_text=_("A rightsstatements.org or Creative Commons URI, e.g. http://creativecommons.org/publicdomain/mark/1.0/"),
    )
    image = forms.ImageField(label=_("Add an image"), required=False)
    image_caption = forms.CharField(
        label=_("Image description"), required=False, max_length=300,
        help_text=_("Describe the image for people who cannot see it."),
    )

    class Meta:
        model = HeritageAsset
        fields = [*_RECORD_TEXT, "kind", "period", "place", "rights_uri", "reuse_conditions", "publication"]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("image") and not cleaned.get("image_caption"):
            self.add_error("image_caption", _("Describe the image: the description is its text alternative."))
        return cleaned

    def images(self) -> list[tuple]:
        image = self.cleaned_data.get("image")
        return [(image, self.cleaned_data.get("image_caption", ""))] if image else []


class ProductForm(RecordForm):
    references = UrlListField(label=_("References"), help_text=_("Web addresses of institutions using it, one per line."), max_items=10)

    class Meta:
        model = DigitalProduct
        fields = [*_RECORD_TEXT, "category", "audience", "price_band", "references", "publication"]


RECORD_FORMS = {"need": NeedForm, "offer": OfferForm, "asset": AssetForm, "product": ProductForm}


class PublicationForm(forms.Form):
    publication = forms.ChoiceField(choices=Publication.choices)


class MergeForm(forms.Form):
    duplicate = forms.CharField(
        label=_("Address of the duplicate organisation"),
        help_text=_("The last part of the duplicate's page address, e.g. muzeum-zamek-w-lancucie-2."),
        max_length=120,
    )

    def __init__(self, *args, kept: Organisation, **kwargs):
        super().__init__(*args, **kwargs)
        self.kept = kept

    def clean_duplicate(self):
        slug = self.cleaned_data["duplicate"].strip().strip("/").rsplit("/", 1)[-1]
        duplicate = Organisation.objects.filter(slug=slug).first()
        if duplicate is None:
            raise forms.ValidationError(_("No organisation has the address %(slug)s."), params={"slug": slug})
        if duplicate.pk == self.kept.pk:
            raise forms.ValidationError(_("An organisation cannot be merged into itself."))
        return duplicate
