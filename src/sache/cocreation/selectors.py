"""Reads of co-creation workshops, always filtered by what the viewer may see."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, F, OuterRef, Prefetch, QuerySet
from django.db.models.functions import Coalesce
from django.http import Http404

from sache.cocreation import rules
from sache.cocreation.enums import QuestionKind, RunStatus
from sache.cocreation.models import (
    Conclusions,
    Contribution,
    RotationPlan,
    Seat,
    Survey,
    ThematicArea,
    ThemeRun,
    Vote,
    Workshop,
    WorkshopParticipant,
    WorkshopTable,
)
from sache.cocreation.report import markdown_paragraphs
from sache.core.permissions import is_operator
from sache.events.enums import EventPublication


def workshops_visible_to(user: Any) -> QuerySet[Workshop]:
    """Workshops of published events; operators also see drafts."""
    queryset = Workshop.objects.select_related("event").order_by("-created_at", "-id")
    if is_operator(user):
        return queryset
    return queryset.filter(event__publication=EventPublication.PUBLISHED)


def get_workshop_for(user: Any, slug: str) -> Workshop:
    workshop = workshops_visible_to(user).filter(event__slug=slug).first()
    if workshop is None:
        raise Http404
    return workshop


def current_plan(workshop: Workshop) -> RotationPlan | None:
    """The latest finished rotation plan."""
    return workshop.plans.filter(status="finished").order_by("-created_at", "-id").first()


def latest_plan(workshop: Workshop) -> RotationPlan | None:
    return workshop.plans.order_by("-created_at", "-id").first()


def latest_theme_run(workshop: Workshop) -> ThemeRun | None:
    return workshop.theme_runs.order_by("-created_at", "-id").first()


def latest_finished_theme_run(workshop: Workshop) -> ThemeRun | None:
    return workshop.theme_runs.filter(status="finished").order_by("-created_at", "-id").first()


@dataclass
class TableRound:
    table: WorkshopTable
    seats: list[Seat] = field(default_factory=list)


def table_plan(plan: RotationPlan | None, round_number: int) -> list[TableRound]:
    """Every table of the round with its seats (host first), tables in their order."""
    if plan is None:
        return []
    tables = {table.pk: TableRound(table) for table in plan.workshop.tables.select_related("area").order_by("id")}
    seats = (
        plan.seats.filter(round_number=round_number)
        .select_related("participant__person__organisation")
        .order_by("table_id", "-is_host", "participant__person__last_name", "id")
    )
    for seat in seats:
        tables[seat.table_id].seats.append(seat)
    return list(tables.values())


def route_of(plan: RotationPlan | None, participant: WorkshopParticipant) -> list[Seat]:
    """The participant's seat in every round, in round order."""
    if plan is None:
        return []
    return list(
        plan.seats.filter(participant=participant).select_related("table__area", "table__area__host__person").order_by("round_number")
    )


def get_participant_for(user: Any, workshop: Workshop, pk: int) -> WorkshopParticipant:
    participant = (
        WorkshopParticipant.objects.filter(workshop=workshop, pk=pk).select_related("person__organisation").first()
    )
    if participant is None or not rules.can_view_route(user, participant):
        raise Http404
    return participant


def participants_for_desk(workshop: Workshop) -> QuerySet[WorkshopParticipant]:
    return workshop.participants.select_related("person__organisation").prefetch_related("preferred_areas")


def contributions_visible_to(user: Any, workshop: Workshop) -> QuerySet[Contribution]:
    """Contributions with their vote count and whether ``user`` voted; participants and operators only."""
    if not rules.can_contribute(user, workshop):
        return Contribution.objects.none()
    mine = Vote.objects.filter(contribution=OuterRef("pk"), participant__person__user_id=user.pk)
    return (
        Contribution.objects.filter(workshop=workshop)
        .select_related("area")
        .annotate(
            vote_count=Count("votes"),
            voted=Exists(mine),
        )
        .order_by("area__position", "area_id", "round_number", "created_at", "id")
    )


def get_contribution_for(user: Any, workshop: Workshop, pk: int) -> Contribution:
    contribution = contributions_visible_to(user, workshop).filter(pk=pk).first()
    if contribution is None:
        raise Http404
    return contribution


def get_conclusions_for(user: Any, workshop: Workshop) -> Conclusions:
    conclusions = Conclusions.objects.filter(workshop=workshop).select_related("workshop__event").first()
    if conclusions is None or not rules.can_view_conclusions(user, conclusions):
        raise Http404
    return conclusions


def themes_for_display(run: ThemeRun | None, workshop: Workshop) -> list[dict[str, Any]]:
    """Areas with their themes; each theme carries its representative contributions."""
    if run is None or not run.result:
        return []
    contributions = Contribution.objects.filter(workshop=workshop).in_bulk()
    areas = []
    by_area: dict[str, list[dict[str, Any]]] = {}
    for theme in run.result.get("themes", []):
        representatives = [contributions[int(cid)] for cid in theme["representative_ids"] if int(cid) in contributions]
        by_area.setdefault(theme["area"], []).append({**theme, "representatives": representatives})
    for area in workshop.areas.all():
        if str(area.pk) in by_area:
            areas.append({"area": area, "themes": by_area[str(area.pk)]})
    return areas


def published_conclusions_for_report(flt: Any) -> list[dict[str, Any]]:
    """Published conclusions of public workshops in the period and region, for the programme PDF.

    A workshop counts in the period by its first round (or, without one, by the publication
    time); in a region when its NUTS code starts with the filter's code; in a programme when
    its event belongs to it.
    """
    queryset = Conclusions.objects.filter(
        is_published=True, workshop__event__publication=EventPublication.PUBLISHED
    ).select_related("workshop__event").order_by("published_at", "id")
    if getattr(flt, "programme", None) is not None:
        queryset = queryset.filter(workshop__event__programme=flt.programme)
    sections = []
    for conclusions in queryset:
        workshop = conclusions.workshop
        moment = workshop.starts_at or conclusions.published_at
        if flt.start_datetime and moment and moment < flt.start_datetime:
            continue
        if flt.end_datetime and moment and moment > flt.end_datetime:
            continue
        if flt.region and not workshop.region.startswith(flt.region):
            continue
        sections.append({"title": conclusions.title, "paragraphs": markdown_paragraphs(conclusions.body)})
    return sections


def get_survey_for(user: Any, workshop: Workshop, pk: int) -> Survey:
    """A survey of the workshop for someone who may answer it (participants, operators)."""
    survey = Survey.objects.filter(workshop=workshop, pk=pk).first()
    if survey is None or not rules.can_contribute(user, workshop):
        raise Http404
    return survey


def open_surveys_for(user: Any, workshop: Workshop) -> QuerySet[Survey]:
    if not rules.can_contribute(user, workshop):
        return Survey.objects.none()
    return workshop.surveys.filter(is_open=True)


def survey_results(survey: Survey) -> list[dict[str, Any]]:
    """Per question: option counts with shares (choices, scale) or the texts (free text)."""
    responses = [response.answers for response in survey.responses.all()]
    results = []
    for question in survey.questions.all():
        values = [answers[str(question.pk)] for answers in responses if str(question.pk) in answers]
        entry: dict[str, Any] = {"question": question, "answered": len(values), "rows": [], "texts": [], "mean": None}
        if question.kind == QuestionKind.TEXT:
            entry["texts"] = values
        else:
            options = [str(n) for n in range(1, 6)] if question.kind == QuestionKind.SCALE else question.choices
            picked = [str(v) for value in values for v in (value if isinstance(value, list) else [value])]
            entry["rows"] = [
                {"label": option, "count": picked.count(option), "share": round(100 * picked.count(option) / len(values)) if values else 0}
                for option in options
            ]
            if question.kind == QuestionKind.SCALE and values:
                entry["mean"] = sum(int(v) for v in values) / len(values)
        results.append(entry)
    return results


def published_conclusions(
    *, workshop: str = "", language: str = "", region: str = "", held_from: Any = None, held_to: Any = None
) -> QuerySet[Conclusions]:
    """Published conclusions of published workshops, for everyone (the public API); newest workshop first.

    Operators get no more here than anybody else: a public list never shows a draft. A
    workshop's date is its first round or, without one, the publication time (as in the
    programme report); ``held_from``/``held_to`` are dates, both ends included; ``region``
    matches a NUTS code and every code below it.
    """
    queryset = (
        Conclusions.objects.filter(is_published=True, workshop__event__publication=EventPublication.PUBLISHED)
        .select_related("workshop__event")
        .annotate(held_at=Coalesce("workshop__starts_at", "published_at"))
        .prefetch_related(
            Prefetch("workshop__areas", queryset=ThematicArea.objects.order_by("position", "id")),
            # Only the newest finished synthesis is shown; prefetching the finished ones keeps the list at a fixed
            # number of queries, and the newest is picked in Python.
            Prefetch(
                "workshop__theme_runs",
                queryset=ThemeRun.objects.filter(status=RunStatus.FINISHED).order_by("-created_at", "-id"),
                to_attr="finished_theme_runs",
            ),
        )
        .order_by(F("held_at").desc(nulls_last=True), "-id")
    )
    if workshop:
        queryset = queryset.filter(workshop__event__slug=workshop)
    if language:
        queryset = queryset.filter(language=language)
    if region:
        queryset = queryset.filter(workshop__region__startswith=region)
    if held_from is not None:
        queryset = queryset.filter(held_at__date__gte=held_from)
    if held_to is not None:
        queryset = queryset.filter(held_at__date__lte=held_to)
    return queryset


def get_published_conclusions(slug: str) -> Conclusions:
    """The published conclusions of the published workshop ``slug``; Http404 for anything else."""
    conclusions = published_conclusions(workshop=slug).first()
    if conclusions is None:
        raise Http404
    return conclusions


def published_themes(conclusions: Conclusions) -> list[dict[str, Any]]:
    """Labels of the newest finished synthesis, by area: key phrases and counts, never a contribution's text.

    Contributions stay with participants and operators; the public sees what the published
    conclusions were written from. Works with and without the prefetch of ``published_conclusions``.
    """
    workshop = conclusions.workshop
    runs = getattr(workshop, "finished_theme_runs", None)
    if runs is None:
        runs = list(workshop.theme_runs.filter(status=RunStatus.FINISHED).order_by("-created_at", "-id")[:1])
    if not runs or not runs[0].result:
        return []
    titles = {str(area.pk): area.title for area in workshop.areas.all()}
    return [
        {
            "area": titles[theme["area"]],
            "key_phrases": [{"text": phrase["text"], "language": phrase["language"]} for phrase in theme.get("key_phrases", [])],
            "contributions": len(theme.get("contribution_ids", [])),
            "votes": int(theme.get("votes", 0)),
        }
        for theme in runs[0].result.get("themes", [])
        if theme.get("area") in titles
    ]
