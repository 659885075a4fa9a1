"""Reads of the directory, always filtered by what the viewer may see.

Anonymous visitors and ordinary users see published records of published
organisations; members also see every record of their own organisations;
operators see everything.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db.models import Model, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from sache.core.permissions import is_operator
from sache.directory import documents, facet_index, search, vocabularies
from sache.directory.enums import FacetKind, Publication
from sache.directory.facets import FacetRowFacet, FacetValue, FieldFacet, RegionFacet, facet_values
from sache.directory.models import DigitalProduct, HeritageAsset, Need, Offer, Organisation, Person

RECORD_MODELS: dict[str, type[Model]] = {
    "need": Need,
    "offer": Offer,
    "asset": HeritageAsset,
    "product": DigitalProduct,
}


def member_organisation_ids(user: Any) -> set[int]:
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(user.memberships.values_list("organisation_id", flat=True))


def organisations_visible_to(user: Any) -> QuerySet[Organisation]:
    """Published organisations, plus drafts of the viewer's own; operators see all."""
    queryset = Organisation.objects.all()
    if is_operator(user):
        return queryset
    own = member_organisation_ids(user)
    published = Q(publication=Publication.PUBLISHED)
    return queryset.filter(published | Q(id__in=own) if own else published)


def get_organisation_for(user: Any, slug: str) -> Organisation:
    organisation = organisations_visible_to(user).filter(slug=slug).first()
    if organisation is None:
        raise Http404
    return organisation


def records_visible_to(kind: str, user: Any) -> QuerySet:
    """Published records of published organisations, plus the viewer's own; operators see all."""
    queryset = RECORD_MODELS[kind].objects.select_related("organisation")
    if is_operator(user):
        return queryset
    own = member_organisation_ids(user)
    published = Q(publication=Publication.PUBLISHED, organisation__publication=Publication.PUBLISHED)
    return queryset.filter(published | Q(organisation_id__in=own) if own else published)


def get_record_for(kind: str, user: Any, pk: int) -> Model:
    record = records_visible_to(kind, user).filter(pk=pk).first()
    if record is None:
        raise Http404
    return record


def get_person_for(user: Any, pk: int) -> Person:
    person = (
        Person.objects.select_related("organisation")
        .filter(pk=pk, organisation__in=organisations_visible_to(user))
        .first()
    )
    if person is None:
        raise Http404
    return person


def organisation_page(organisation: Organisation, user: Any) -> dict[str, Any]:
    """Everything the organisation page shows, filtered for ``user``."""
    own = is_operator(user) or organisation.pk in member_organisation_ids(user)
    people = list(organisation.people.all())
    return {
        "organisation": organisation,
        "descriptions": list(organisation.descriptions.all()),
        "people": people,
        "show_all_contacts": own,
        "needs": list(records_visible_to("need", user).filter(organisation=organisation)),
        "offers": list(records_visible_to("offer", user).filter(organisation=organisation)),
        "assets": list(records_visible_to("asset", user).filter(organisation=organisation)),
        "products": list(records_visible_to("product", user).filter(organisation=organisation)),
    }


def people_of(organisation: Organisation) -> QuerySet[Person]:
    return organisation.people.all()


# --- Browsing -----------------------------------------------------------------


def _language_label(code: str, language: str) -> str:
    return str(dict(settings.CONTENT_LANGUAGES).get(code, code))


def _is_sector(code: str) -> bool:
    return code in vocabularies.vocabulary(vocabularies.HERITAGE_DOMAINS) or code in vocabularies.vocabulary(
        vocabularies.CREATIVE_DOMAINS
    )


def _record_language(param: str = "language") -> FieldFacet:
    return FieldFacet(param, _("Language"), "language", labels=_language_label)


def _record_region() -> RegionFacet:
    return RegionFacet("region", _("Region"), field="organisation__region")


@dataclass(frozen=True)
class BrowseSpec:
    model: type[Model]
    facets: tuple
    sorts: Mapping[str, tuple[Any, tuple[str, ...]]]
    default_sort: str
    # Facet counts from the in-memory bitmaps of ``facet_index`` instead of one SQL pass per facet.
    indexed: bool = False


_RECORD_SORTS = {
    "-created": (_("newest first"), ("-created_at", "-id")),
    "title": (pgettext_lazy("sort", "title"), ("title", "id")),
}

BROWSE: dict[str, BrowseSpec] = {
    "organisation": BrowseSpec(
        model=Organisation,
        facets=(
            FieldFacet("kind", _("Kind"), "kind"),
            FacetRowFacet(
                "sector",
                _("Sector"),
                (FacetKind.HERITAGE_DOMAIN.value, FacetKind.CREATIVE_DOMAIN.value),
                labels=vocabularies.label_any,
                known=_is_sector,
            ),
            RegionFacet("region", _("Region")),
            FacetRowFacet(
                "language",
                _("Working language"),
                (FacetKind.LANGUAGE.value,),
                labels=_language_label,
                known=lambda code: code in dict(settings.CONTENT_LANGUAGES),
            ),
        ),
        sorts={
            "name": (pgettext_lazy("sort", "name"), ("name", "id")),
            "-created": (_("newest first"), ("-created_at", "-id")),
            "-completeness": (_("most complete profile"), ("-completeness", "name", "id")),
        },
        default_sort="name",
        indexed=True,
    ),
    "need": BrowseSpec(
        model=Need,
        facets=(
            FieldFacet("status", _("Progress"), "status"),
            _record_language(),
            _record_region(),
            FieldFacet("budget", _("Budget"), "budget_band"),
        ),
        sorts=_RECORD_SORTS,
        default_sort="-created",
    ),
    "offer": BrowseSpec(
        model=Offer,
        facets=(_record_language(), _record_region(), FieldFacet("price", _("Price"), "price_band")),
        sorts=_RECORD_SORTS,
        default_sort="-created",
    ),
    "asset": BrowseSpec(
        model=HeritageAsset,
        facets=(FieldFacet("kind", _("Kind"), "kind"), _record_language(), _record_region()),
        sorts=_RECORD_SORTS,
        default_sort="-created",
    ),
    "product": BrowseSpec(
        model=DigitalProduct,
        facets=(
            FieldFacet("category", _("Category"), "category"),
            _record_language(),
            _record_region(),
            FieldFacet("price", _("Price"), "price_band"),
        ),
        sorts=_RECORD_SORTS,
        default_sort="-created",
    ),
}
MAX_VALUES_PER_FACET = 20
# Values shown per facet: the most frequent, plus any selected.
SHOWN_VALUES_PER_FACET = 15


@dataclass(frozen=True)
class FacetView:
    param: str
    title: str
    values: list[FacetValue]


@dataclass(frozen=True)
class Browse:
    results: QuerySet
    total: int
    query: str
    sort: str
    selected: dict[str, list[str]]
    facets: list[FacetView]
    # Indexed kinds: the same results in order, read a page at a time (for the list page);
    # ``results`` stays a lazy queryset for exports.
    ordered: Sequence[Model] | None = None


def visible_to(kind: str, user: Any) -> QuerySet:
    return organisations_visible_to(user) if kind == "organisation" else records_visible_to(kind, user)


def selected_facets(kind: str, params: Mapping[str, Sequence[str]]) -> dict[str, list[str]]:
    """The valid facet values in ``params`` (a QueryDict or a dict of lists); unknown values are dropped."""
    getlist = getattr(params, "getlist", None)
    selected = {}
    for facet in BROWSE[kind].facets:
        # A QueryDict's .get() gives only the last value (a string); getlist() gives them all.
        raw = getlist(facet.param) if getlist is not None else params.get(facet.param)
        if isinstance(raw, str):
            raw = [raw]
        values = [value for value in dict.fromkeys(raw or []) if facet.valid(value)]
        if values:
            selected[facet.param] = values[:MAX_VALUES_PER_FACET]
    return selected


def filtered(kind: str, user: Any, *, query: str, selected: Mapping[str, Sequence[str]], skip: str | None = None) -> QuerySet:
    """Records of ``kind`` visible to ``user`` matching ``query`` and the selected facets (but ``skip``)."""
    queryset = search.filter_by_query(visible_to(kind, user), query)
    for facet in BROWSE[kind].facets:
        if facet.param != skip and selected.get(facet.param):
            queryset = facet.apply(queryset, selected[facet.param])
    return queryset


def browse(
    kind: str, user: Any, *, query: str = "", params: Mapping[str, Sequence[str]] | None = None, sort: str = "", language: str = "en"
) -> Browse:
    """The list page of ``kind``: filtered, sorted results and facet counts.

    Facet counts are disjunctive (see :mod:`sache.directory.facets`): one query per facet,
    or, for indexed kinds (organisations), in memory from :mod:`sache.directory.facet_index`.
    """
    spec = BROWSE[kind]
    selected = selected_facets(kind, params or {})
    sort = sort if sort in spec.sorts else spec.default_sort
    order = spec.sorts[sort][1]
    results = filtered(kind, user, query=query, selected=selected).order_by(*order)
    ordered = None
    if spec.indexed:
        ordered, counts, total = _indexed_browse(kind, user, query=query, selected=selected, order=order)
    else:
        counts = {
            facet.param: facet.counts(filtered(kind, user, query=query, selected=selected, skip=facet.param))
            for facet in spec.facets
        }
        # A single-valued facet's counts are taken over everything but its own filter, so the
        # filtered total is the sum over its selected values (or all values): no COUNT query.
        anchor = next(facet for facet in spec.facets if facet.single_valued)
        chosen = selected.get(anchor.param)
        total = sum(n for value, n in counts[anchor.param].items() if chosen is None or value in chosen)
    facets = [
        FacetView(
            param=facet.param,
            title=str(facet.title),
            values=facet_values(
                facet,
                counts[facet.param],
                selected.get(facet.param, []),
                language=language,
                model=spec.model,
                limit=SHOWN_VALUES_PER_FACET,
            ),
        )
        for facet in spec.facets
    ]
    return Browse(
        results=results, total=total, query=query, sort=sort, selected=selected, facets=facets, ordered=ordered
    )


class OrderedRecords(Sequence):
    """Records of ``model`` with the given ids, in that order, fetched one slice at a time.

    The object list of a paginator: a page costs one primary-key lookup of its 20 ids,
    however many records the list has.
    """

    def __init__(self, model: type[Model], ids: Sequence[int]) -> None:
        self.model = model
        self.ids = ids

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self.model._default_manager.get(pk=int(self.ids[item]))
        wanted = [int(pk) for pk in self.ids[item]]
        records = self.model._default_manager.in_bulk(wanted)
        return [records[pk] for pk in wanted if pk in records]


def _indexed_browse(
    kind: str, user: Any, *, query: str, selected: Mapping[str, Sequence[str]], order: tuple[str, ...]
) -> tuple[OrderedRecords, dict[str, dict[str, int]], int]:
    """Ordered results, disjunctive facet counts and total of an indexed kind, from ``facet_index``.

    Same sets as :func:`filtered`: visible to ``user``, matching ``query`` and, for each
    facet's counts, every selected facet but its own.
    """
    spec = BROWSE[kind]
    index = facet_index.index_for(spec.model, spec.facets, orders=[fields for _label, fields in spec.sorts.values()])
    operator = is_operator(user)
    base = index.visible(everything=operator, own_ids=() if operator else member_organisation_ids(user))
    matching = index.matching(query)
    if matching is not None:
        base &= matching
    chosen = {param: index.union(param, values) for param, values in selected.items()}
    counts = {}
    for facet in spec.facets:
        subset = base
        for param, bits in chosen.items():
            if param != facet.param:
                subset &= bits
        counts[facet.param] = index.counts(facet.param, subset)
    hits = base
    for bits in chosen.values():
        hits &= bits
    return OrderedRecords(spec.model, index.ordered(order, hits)), counts, hits.bit_count()


def missing_profile_parts(organisation: Organisation, page: Mapping[str, Any]) -> list[str]:
    """What the profile lacks (``documents.missing_parts``), from the already loaded organisation page."""
    return documents.missing_parts(
        descriptions=[description.text for description in page["descriptions"]],
        heritage_domains=organisation.heritage_domains,
        creative_domains=organisation.creative_domains,
        competences=organisation.competences,
        languages=organisation.languages,
        website=organisation.website,
        city=organisation.city,
        size_band=organisation.size_band,
        people_count=len(page["people"]),
    )
