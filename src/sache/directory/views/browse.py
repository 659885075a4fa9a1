"""Public browsing: list pages with search, facets, sort and pagination; detail pages."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_GET

from sache.directory import phrases, rules, selectors
from sache.directory.enums import CREATIVE_KINDS

PAGE_SIZE = 20


def browse_context(request: HttpRequest, kind: str) -> dict:
    """Run the browse selector for the request's query string (shared by the list and its export)."""
    params = {key: request.GET.getlist(key) for key in request.GET}
    result = selectors.browse(
        kind,
        request.user,
        query=request.GET.get("q", "").strip()[:200],
        params=params,
        sort=request.GET.get("sort", ""),
        language=(get_language() or "en")[:2],
    )
    keep = request.GET.copy()
    keep.pop("page", None)
    keep.pop("format", None)
    return {"browse": result, "querystring": keep.urlencode()}


def list_view(kind: str):
    template = "directory/organisation_list.html" if kind == "organisation" else "directory/record_list.html"
    spec = selectors.BROWSE[kind]

    @require_GET
    def view(request: HttpRequest) -> HttpResponse:
        context = browse_context(request, kind)
        browse = context["browse"]
        if browse.ordered is not None:
            paginator = Paginator(browse.ordered, PAGE_SIZE)  # fetches only the page's ids
        else:
            paginator = Paginator(browse.results, PAGE_SIZE)
            paginator.count = browse.total  # known from the facet counts
        context.update(
            kind=kind,
            page=paginator.get_page(request.GET.get("page")),
            verbose_name_plural=spec.model._meta.verbose_name_plural,
            sorts=[(key, label) for key, (label, _order) in spec.sorts.items()],
            card_template=f"directory/partials/_card_{kind}.html",
            is_operator=rules.is_operator(request.user),
        )
        return render(request, template, context)

    return view


@require_GET
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.get_organisation_for(request.user, slug)
    context = selectors.organisation_page(organisation, request.user)
    context["can_edit"] = rules.can_edit_organisation(request.user, organisation)
    context["is_operator"] = rules.is_operator(request.user)
    context["creative_kinds"] = [str(kind) for kind in CREATIVE_KINDS]
    if context["can_edit"]:
        context["missing"] = [phrases.PART_LABELS[part] for part in selectors.missing_profile_parts(organisation, context)]
    return render(request, "directory/organisation_detail.html", context)


def detail_view(kind: str):
    @require_GET
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        record = selectors.get_record_for(kind, request.user, pk)
        return render(
            request,
            "directory/record_detail.html",
            {
                "record": record,
                "kind": kind,
                "detail_template": f"directory/partials/_detail_{kind}.html",
                "can_edit": rules.can_edit_organisation(request.user, record.organisation),
                "is_operator": rules.is_operator(request.user),
            },
        )

    return view
