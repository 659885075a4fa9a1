"""Creating, editing, deleting and moderating directory records.

Every view fetches its object through a ``selectors.get_*_for`` (404 when the user
may not see it), asks a ``rules`` predicate (403 when they may not change it),
validates with a form and calls one service.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from sache.core.permissions import operator_required
from sache.directory import rules, selectors, services
from sache.directory.forms import (
    RECORD_FORMS,
    MergeForm,
    OrganisationForm,
    PersonForm,
    PublicationForm,
)
from sache.directory.models import Person


def _editable_organisation(request: HttpRequest, slug: str):
    organisation = selectors.get_organisation_for(request.user, slug)
    if not rules.can_edit_organisation(request.user, organisation):
        raise PermissionDenied
    return organisation


def _copy(instance):
    return type(instance).objects.get(pk=instance.pk)


def _form_page(request, form, *, title: str, cancel_url: str, organisation=None, multipart=False) -> HttpResponse:
    return render(
        request,
        "directory/form.html",
        {"form": form, "title": title, "cancel_url": cancel_url, "organisation": organisation, "multipart": multipart},
        status=400 if form.is_bound and form.errors else 200,
    )


# --- Organisations -----------------------------------------------------------------


@login_required
def organisation_create(request: HttpRequest) -> HttpResponse:
    if not rules.can_create_organisation(request.user):
        raise PermissionDenied
    form = OrganisationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        organisation = services.create_organisation(
            actor=request.user,
            fields=form.profile_fields(),
            descriptions=form.descriptions(),
            main_language=form.cleaned_data["main_language"],
        )
        messages.success(request, _("The organisation was created as a draft. An operator publishes it."))
        return redirect(organisation)
    return _form_page(request, form, title=_("Add an organisation"), cancel_url="/organisations/", multipart=True)


@login_required
def organisation_edit(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _editable_organisation(request, slug)
    # The form validates its own copy, so the service still sees the stored values to compare with.
    form = OrganisationForm(request.POST or None, request.FILES or None, instance=_copy(organisation))
    if request.method == "POST" and form.is_valid():
        organisation = services.update_organisation(
            organisation,
            actor=request.user,
            fields=form.profile_fields(),
            descriptions=form.descriptions(),
            main_language=form.cleaned_data["main_language"],
        )
        messages.success(request, _("The profile was saved."))
        return redirect(organisation)
    return _form_page(
        request, form, title=_("Edit %(name)s") % {"name": organisation.name},
        cancel_url=organisation.get_absolute_url(), organisation=organisation, multipart=True,
    )


@login_required
def organisation_delete(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.get_organisation_for(request.user, slug)
    if not rules.can_delete_organisation(request.user, organisation):
        raise PermissionDenied
    if request.method == "POST":
        services.delete_organisation(organisation, actor=request.user)
        messages.success(request, _("%(name)s was deleted.") % {"name": organisation.name})
        return redirect("directory:organisation-list")
    return render(
        request,
        "directory/confirm_delete.html",
        {"object_name": organisation.name, "cancel_url": organisation.get_absolute_url(),
         "warning": _("Its people, needs, offers, heritage assets and products are deleted with it.")},
    )


@operator_required
@require_POST
def organisation_publication(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = selectors.get_organisation_for(request.user, slug)
    form = PublicationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose published or draft."))
        return redirect(organisation)
    services.set_organisation_publication(organisation, publication=form.cleaned_data["publication"], actor=request.user)
    messages.success(request, _("Status changed to: %(status)s.") % {"status": organisation.get_publication_display()})
    return redirect(organisation)


@operator_required
def organisation_merge(request: HttpRequest, slug: str) -> HttpResponse:
    kept = selectors.get_organisation_for(request.user, slug)
    form = MergeForm(request.POST or None, kept=kept)
    if request.method == "POST" and form.is_valid():
        duplicate = form.cleaned_data["duplicate"]
        name = duplicate.name
        services.merge_organisations(kept, duplicate=duplicate, actor=request.user)
        messages.success(request, _("%(duplicate)s was merged into %(kept)s.") % {"duplicate": name, "kept": kept.name})
        return redirect(kept)
    return _form_page(
        request, form, title=_("Merge a duplicate into %(name)s") % {"name": kept.name},
        cancel_url=kept.get_absolute_url(), organisation=kept,
    )


# --- People ------------------------------------------------------------------------


def _editable_person(request: HttpRequest, pk: int) -> Person:
    person = selectors.get_person_for(request.user, pk)
    if not rules.can_edit_organisation(request.user, person.organisation):
        raise PermissionDenied
    return person


@login_required
def person_create(request: HttpRequest, slug: str) -> HttpResponse:
    organisation = _editable_organisation(request, slug)
    form = PersonForm(request.POST or None, instance=Person(organisation=organisation))
    if request.method == "POST" and form.is_valid():
        services.save_person(Person(organisation=organisation), actor=request.user, fields=form.cleaned_data)
        messages.success(request, _("The person was added."))
        return redirect(organisation)
    return _form_page(
        request, form, title=_("Add a person to %(name)s") % {"name": organisation.name},
        cancel_url=organisation.get_absolute_url(), organisation=organisation,
    )


@login_required
def person_edit(request: HttpRequest, pk: int) -> HttpResponse:
    person = _editable_person(request, pk)
    form = PersonForm(request.POST or None, instance=_copy(person))
    if request.method == "POST" and form.is_valid():
        services.save_person(person, actor=request.user, fields=form.cleaned_data)
        messages.success(request, _("The person was saved."))
        return redirect(person.organisation)
    return _form_page(
        request, form, title=_("Edit %(name)s") % {"name": person.full_name},
        cancel_url=person.organisation.get_absolute_url(), organisation=person.organisation,
    )


@login_required
def person_delete(request: HttpRequest, pk: int) -> HttpResponse:
    person = _editable_person(request, pk)
    organisation = person.organisation
    if request.method == "POST":
        services.delete_person(person, actor=request.user)
        messages.success(request, _("%(name)s was removed.") % {"name": person.full_name})
        return redirect(organisation)
    return render(
        request,
        "directory/confirm_delete.html",
        {"object_name": person.full_name, "cancel_url": organisation.get_absolute_url(),
         "warning": _("If this person has an account, they will no longer be able to edit the organisation.")},
    )


# --- Needs, offers, heritage assets, digital products ---------------------------------


def _form_class(kind: str):
    if kind not in RECORD_FORMS:
        raise Http404
    return RECORD_FORMS[kind]


def _editable_record(request: HttpRequest, kind: str, pk: int):
    _form_class(kind)
    record = selectors.get_record_for(kind, request.user, pk)
    if not rules.can_edit_organisation(request.user, record.organisation):
        raise PermissionDenied
    return record


@login_required
def record_create(request: HttpRequest, slug: str, kind: str) -> HttpResponse:
    form_class = _form_class(kind)
    organisation = _editable_organisation(request, slug)
    model = form_class._meta.model
    form = form_class(request.POST or None, request.FILES or None, instance=model(organisation=organisation))
    if request.method == "POST" and form.is_valid():
        record = services.save_record(
            model(organisation=organisation), actor=request.user, fields=form.record_fields(),
            images=form.images() if hasattr(form, "images") else (),
        )
        messages.success(request, _("Saved."))
        return redirect(record)
    return _form_page(
        request, form, title=_("Add: %(what)s") % {"what": model._meta.verbose_name},
        cancel_url=organisation.get_absolute_url(), organisation=organisation, multipart=True,
    )


@login_required
def record_edit(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    record = _editable_record(request, kind, pk)
    form_class = _form_class(kind)
    form = form_class(request.POST or None, request.FILES or None, instance=_copy(record))
    if request.method == "POST" and form.is_valid():
        record = services.save_record(
            record, actor=request.user, fields=form.record_fields(),
            images=form.images() if hasattr(form, "images") else (),
        )
        messages.success(request, _("Saved."))
        return redirect(record)
    return _form_page(
        request, form, title=_("Edit %(name)s") % {"name": record.title},
        cancel_url=record.get_absolute_url(), organisation=record.organisation, multipart=True,
    )


@login_required
def record_delete(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    record = _editable_record(request, kind, pk)
    organisation = record.organisation
    if request.method == "POST":
        services.delete_record(record, actor=request.user)
        messages.success(request, _("%(name)s was deleted.") % {"name": record.title})
        return redirect(organisation)
    return render(
        request,
        "directory/confirm_delete.html",
        {"object_name": record.title, "cancel_url": record.get_absolute_url(), "warning": ""},
    )


@operator_required
@require_POST
def record_publication(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    _form_class(kind)
    record = selectors.get_record_for(kind, request.user, pk)
    form = PublicationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose published or draft."))
        return redirect(record)
    services.set_record_publication(record, publication=form.cleaned_data["publication"], actor=request.user)
    messages.success(request, _("Status changed to: %(status)s.") % {"status": record.get_publication_display()})
    return redirect(record)
