"""Public browsing of the directory (first slice: lists and detail pages)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from sache.directory import selectors


def _list(request: HttpRequest, queryset, template: str, title: str) -> HttpResponse:
    page = Paginator(queryset, 20).get_page(request.GET.get("page"))
    return render(request, template, {"page": page, "title": title})


@require_GET
def organisation_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "directory/organisation_list.html",
        {"page": Paginator(selectors.organisations_visible_to(request.user), 20).get_page(request.GET.get("page"))},
    )


@require_GET
def organisation_detail(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.get_organisation_for(request.user, slug)
    return render(request, "directory/organisation_detail.html", selectors.organisation_page(organisation, request.user))


def _record_views(model_name: str):
    @require_GET
    def list_view(request: HttpRequest) -> HttpResponse:
        queryset = selectors.records_visible_to(model_name, request.user)
        page = Paginator(queryset, 20).get_page(request.GET.get("page"))
        return render(request, "directory/record_list.html", {"page": page, "model_name": model_name,
                                                             "verbose_name_plural": queryset.model._meta.verbose_name_plural})

    @require_GET
    def detail_view(request: HttpRequest, pk: int) -> HttpResponse:
        record = selectors.get_record_for(model_name, request.user, pk)
        return render(request, "directory/record_detail.html", {"record": record, "model_name": model_name})

    return list_view, detail_view


need_list, need_detail = _record_views("need")
offer_list, offer_detail = _record_views("offer")
asset_list, asset_detail = _record_views("asset")
product_list, product_detail = _record_views("product")
