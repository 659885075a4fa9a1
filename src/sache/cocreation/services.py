"""Writes of co-creation workshops: setup, rotations, contributions, votes, synthesis, conclusions."""

from __future__ import annotations

import time
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from sache.cocreation import adapters
from sache.cocreation.enums import QuestionKind, RunStatus, sector_of_kind
from sache.cocreation.models import (
    Conclusions,
    Contribution,
    RotationPlan,
    Seat,
    Survey,
    SurveyQuestion,
    SurveyResponse,
    ThematicArea,
    ThemeRun,
    Vote,
    Workshop,
    WorkshopParticipant,
    WorkshopTable,
)
from sache.core.services import log_action
from sache.engine import rotations, themes
from sache.engine.embeddings import load_encoder
from sache.events.enums import EventKind, RegistrationStatus
from sache.events.models import Event


def _actor(actor: Any) -> Any:
    return actor if getattr(actor, "pk", None) else None


# --- Setup ---------------------------------------------------------------------------


def create_workshop(event: Event, *, actor: Any, **fields: Any) -> Workshop:
    """Attach a workshop to ``event`` and make the event a workshop.

    Raises ValidationError when the event already has one. Logs ``cocreation.workshop.created``.
    """
    if Workshop.objects.filter(event=event).exists():
        raise ValidationError(_("This event already has a workshop."))
    with transaction.atomic():
        if event.kind != EventKind.WORKSHOP:
            event.kind = EventKind.WORKSHOP
            event.save(update_fields=["kind"])
        workshop = Workshop.objects.create(event=event, **fields)
        log_action(workshop, "cocreation.workshop.created", actor=actor)
    return workshop


def set_workshop_programme(event: Event, programme: Any, *, actor: Any) -> None:
    """Put the workshop's event (and so the workshop) in ``programme`` (None: in none).

    Logs ``cocreation.workshop.programme`` with the programme's code.
    """
    event.programme = programme
    event.save(update_fields=["programme"])
    log_action(event, "cocreation.workshop.programme", actor=actor, data={"programme": programme.code if programme else None})


def update_workshop(workshop: Workshop, *, actor: Any, **fields: Any) -> Workshop:
    """Change the given fields. Logs ``cocreation.workshop.updated`` with the field names."""
    for name, value in fields.items():
        setattr(workshop, name, value)
    workshop.save(update_fields=list(fields))
    log_action(workshop, "cocreation.workshop.updated", actor=actor, data={"fields": sorted(fields)})
    return workshop


def add_thematic_area(workshop: Workshop, *, actor: Any, title: str, question: str = "", host: WorkshopParticipant | None = None) -> ThematicArea:
    """Add an area at the end. Logs ``cocreation.area.added``."""
    position = workshop.areas.count()
    area = ThematicArea.objects.create(workshop=workshop, title=title, question=question, host=host, position=position)
    log_action(area, "cocreation.area.added", actor=actor, data={"workshop": workshop.pk})
    return area


def remove_thematic_area(area: ThematicArea, *, actor: Any) -> None:
    """Delete an area; refused once it has contributions. Logs ``cocreation.area.removed``."""
    if area.contributions.exists():
        raise ValidationError(_("This area has contributions and cannot be removed."))
    log_action(area.workshop, "cocreation.area.removed", actor=actor, data={"title": area.title})
    area.delete()


def add_workshop_table(
    workshop: Workshop, *, actor: Any, name: str, capacity: int, area: ThematicArea | None = None, **fields: Any
) -> WorkshopTable:
    """Add a table or online breakout room. Logs ``cocreation.table.added``."""
    table = WorkshopTable.objects.create(workshop=workshop, name=name, capacity=capacity, area=area, **fields)
    log_action(table, "cocreation.table.added", actor=actor, data={"workshop": workshop.pk})
    return table


def remove_workshop_table(table: WorkshopTable, *, actor: Any) -> None:
    """Delete a table (seats of earlier plans go with it). Logs ``cocreation.table.removed``."""
    log_action(table.workshop, "cocreation.table.removed", actor=actor, data={"name": table.name})
    table.delete()


def add_workshop_participant(
    workshop: Workshop, *, actor: Any, person: Any, sector: str = "", preferred_areas: Iterable[ThematicArea] = ()
) -> WorkshopParticipant:
    """Add a directory person; the sector defaults to their organisation's kind.

    Raises ValidationError when the person already takes part. Logs ``cocreation.participant.added``.
    """
    if WorkshopParticipant.objects.filter(workshop=workshop, person=person).exists():
        raise ValidationError(_("%(name)s already takes part in this workshop.") % {"name": person.full_name})
    participant = WorkshopParticipant.objects.create(
        workshop=workshop, person=person, sector=sector or sector_of_kind(person.organisation.kind)
    )
    participant.preferred_areas.set(list(preferred_areas))
    log_action(participant, "cocreation.participant.added", actor=actor, data={"workshop": workshop.pk})
    return participant


def import_participants_from_registrations(workshop: Workshop, *, actor: Any) -> int:
    """Add the representatives of the event's approved registrations who are not yet participants.

    Returns how many were added. Logs ``cocreation.participants.imported`` with the count.
    """
    existing = set(workshop.participants.values_list("person_id", flat=True))
    added = []
    registrations = (
        workshop.event.registrations.filter(status=RegistrationStatus.APPROVED)
        .select_related("organisation")
        .prefetch_related("representatives")
        .order_by("id")
    )
    for registration in registrations:
        for person in registration.representatives.all():
            if person.pk in existing:
                continue
            existing.add(person.pk)
            added.append(
                WorkshopParticipant(workshop=workshop, person=person, sector=sector_of_kind(registration.organisation.kind))
            )
    WorkshopParticipant.objects.bulk_create(added)
    log_action(workshop, "cocreation.participants.imported", actor=actor, data={"count": len(added)})
    return len(added)


def remove_workshop_participant(participant: WorkshopParticipant, *, actor: Any) -> None:
    """Delete a participant (and their seats in earlier plans). Logs ``cocreation.participant.removed``."""
    log_action(participant.workshop, "cocreation.participant.removed", actor=actor, data={"participant": participant.pk})
    participant.delete()


def set_area_preferences(participant: WorkshopParticipant, *, actor: Any, areas: Iterable[ThematicArea]) -> None:
    """Replace the participant's preferred areas. Logs ``cocreation.participant.preferences``."""
    participant.preferred_areas.set([area for area in areas if area.workshop_id == participant.workshop_id])
    log_action(participant, "cocreation.participant.preferences", actor=actor)


def set_current_round(workshop: Workshop, *, actor: Any, round_number: int) -> Workshop:
    """Move the live view to ``round_number`` (0: not started). Logs ``cocreation.workshop.updated``."""
    if not 0 <= round_number <= workshop.rounds:
        raise ValidationError(_("There is no such round."))
    return update_workshop(workshop, actor=actor, current_round=round_number)


# --- Rotations -----------------------------------------------------------------------


def check_rotation_input(workshop: Workshop) -> None:
    """Raise ValidationError when the workshop cannot be planned yet."""
    if not workshop.tables.exists():
        raise ValidationError(_("Add tables before planning the rotations."))
    participants = workshop.participants.count()
    if not participants:
        raise ValidationError(_("Add participants before planning the rotations."))
    seats = sum(workshop.tables.values_list("capacity", flat=True))
    if participants > seats:
        raise ValidationError(
            _("%(people)s participants do not fit at tables with %(seats)s seats.") % {"people": participants, "seats": seats}
        )


def start_rotation_plan(workshop: Workshop, *, actor: Any, seed: int = 0) -> RotationPlan:
    """Queue a rotation plan; the engine runs in the background.

    Refused while another plan is queued or running and when the input is incomplete.
    Enqueues ``task_compute_rotation_plan`` after commit. Logs ``cocreation.plan.requested``.
    """
    from sache.cocreation.tasks import task_compute_rotation_plan  # leaf: tasks import the services

    check_rotation_input(workshop)
    with transaction.atomic():
        if workshop.plans.filter(status__in=[RunStatus.QUEUED, RunStatus.RUNNING]).exists():
            raise ValidationError(_("The rotations are already being planned."))
        plan = RotationPlan.objects.create(workshop=workshop, seed=seed, requested_by=_actor(actor))
        log_action(plan, "cocreation.plan.requested", actor=actor)
        transaction.on_commit(lambda: task_compute_rotation_plan.enqueue(plan_id=plan.pk))
    return plan


def compute_rotation_plan(plan: RotationPlan, *, time_limit: float | None = None, iterations: int | None = None) -> RotationPlan:
    """Run the rotation engine for ``plan`` and store its seats and figures.

    Marks the plan running, then finished (with ``Seat`` rows for every round and table)
    or failed with the engine's reason. ``iterations`` bounds the engine's annealing so that
    a seed gives the same plan whatever the machine's speed. Logs ``cocreation.plan.finished|failed``.
    """
    plan.status = RunStatus.RUNNING
    plan.save(update_fields=["status"])
    workshop = plan.workshop
    started = time.perf_counter()
    limit = time_limit if time_limit is not None else getattr(settings, "SACHE_ROTATIONS_TIME_LIMIT", 20.0)
    try:
        result = rotations.plan_rotations(
            adapters.engine_workshop(workshop), seed=plan.seed, time_limit=limit, iterations=iterations
        )
    except rotations.WorkshopError as error:
        plan.status = RunStatus.FAILED
        plan.explanation = str(error)
        plan.finished_at = timezone.now()
        plan.save(update_fields=["status", "explanation", "finished_at"])
        log_action(plan, "cocreation.plan.failed", actor=None, data={"reason": str(error)})
        return plan
    hosts = {str(participant) for participant in adapters.table_hosts(workshop).values()}
    with transaction.atomic():
        Seat.objects.bulk_create(
            Seat(
                plan=plan,
                round_number=round_index + 1,
                table_id=int(result.tables[table_index]),
                participant_id=int(person),
                is_host=person in hosts,
            )
            for round_index, tables in enumerate(result.rounds)
            for table_index, people in enumerate(tables)
            for person in people
        )
        data = result.to_dict()
        metrics = data["metrics"]
        plan.status = RunStatus.FINISHED
        plan.repeated_pairs = result.repeated_pairs
        plan.min_people_met = metrics["min_people_met"]
        plan.mean_people_met = metrics["mean_people_met"]
        plan.sector_mix = result.sector_mix
        plan.tables_below_sector_target = result.tables_below_sector_target
        plan.area_repeats = result.area_repeats
        plan.preferences_met = result.preferences_met
        plan.preferences_wanted = result.preferences_wanted
        plan.result = {"tables": result.tables, "rounds": result.rounds, "repeated_pairs": result.repeated_pairs}
        plan.seconds = round(time.perf_counter() - started, 2)
        plan.finished_at = timezone.now()
        plan.save()
    log_action(plan, "cocreation.plan.finished", actor=None, data={"repeated_pairs": result.repeated_pairs})
    return plan


# --- Contributions and votes --------------------------------------------------------------


def add_contribution(
    workshop: Workshop, *, actor: Any, area: ThematicArea, round_number: int, kind: str, language: str, text: str
) -> Contribution:
    """Store a contribution written at ``area`` in ``round_number``; the author's sector is copied.

    Raises ValidationError for an area of another workshop, a round outside the workshop
    or an empty text. Logs ``cocreation.contribution.added``.
    """
    text = text.strip()
    if area.workshop_id != workshop.pk:
        raise ValidationError(_("This area belongs to another workshop."))
    if not 1 <= round_number <= workshop.rounds:
        raise ValidationError(_("There is no such round."))
    if not text:
        raise ValidationError(_("Write something first."))
    participant = WorkshopParticipant.objects.filter(workshop=workshop, person__user=_actor(actor)).first() if _actor(actor) else None
    contribution = Contribution.objects.create(
        workshop=workshop,
        area=area,
        round_number=round_number,
        kind=kind,
        language=language,
        text=text,
        author=_actor(actor),
        sector=participant.sector if participant else "",
    )
    log_action(contribution, "cocreation.contribution.added", actor=actor, data={"workshop": workshop.pk})
    return contribution


def toggle_vote(contribution: Contribution, *, actor: Any, participant: WorkshopParticipant) -> bool:
    """Add ``participant``'s dot-vote, or take it back if given. Returns whether a vote now stands.

    Raises ValidationError for a participant of another workshop. Logs ``cocreation.vote.added|removed``.
    """
    if participant.workshop_id != contribution.workshop_id:
        raise ValidationError(_("Only participants of this workshop can vote."))
    existing = Vote.objects.filter(contribution=contribution, participant=participant)
    if existing.exists():
        existing.delete()
        log_action(contribution, "cocreation.vote.removed", actor=actor)
        return False
    Vote.objects.get_or_create(contribution=contribution, participant=participant)
    log_action(contribution, "cocreation.vote.added", actor=actor)
    return True


# --- Synthesis and conclusions ------------------------------------------------------------


def start_theme_synthesis(workshop: Workshop, *, actor: Any) -> ThemeRun:
    """Queue a synthesis of the contributions into themes; runs in the background.

    Refused without contributions or while a run is active. Enqueues
    ``task_compute_theme_synthesis`` after commit. Logs ``cocreation.themes.requested``.
    """
    from sache.cocreation.tasks import (
        task_compute_theme_synthesis,  # leaf: tasks import the services
    )

    if not workshop.contributions.exists():
        raise ValidationError(_("There are no contributions to synthesise yet."))
    with transaction.atomic():
        if workshop.theme_runs.filter(status__in=[RunStatus.QUEUED, RunStatus.RUNNING]).exists():
            raise ValidationError(_("The synthesis is already running."))
        run = ThemeRun.objects.create(workshop=workshop, requested_by=_actor(actor))
        log_action(run, "cocreation.themes.requested", actor=actor)
        transaction.on_commit(lambda: task_compute_theme_synthesis.enqueue(run_id=run.pk))
    return run


def theme_encoder() -> Any:
    return load_encoder(getattr(settings, "SACHE_THEMES_ENCODER", "auto"))


def compute_theme_synthesis(run: ThemeRun, *, encoder: Any = None) -> ThemeRun:
    """Group the workshop's contributions into themes per area and write a conclusions draft.

    Stores the engine's result and Markdown draft on ``run``; marks it finished or failed.
    Logs ``cocreation.themes.finished|failed``.
    """
    run.status = RunStatus.RUNNING
    run.save(update_fields=["status"])
    workshop = run.workshop
    started = time.perf_counter()
    records = adapters.engine_contributions(workshop)
    area_titles = {str(area.pk): area.title for area in workshop.areas.all()}
    try:
        synthesis = themes.synthesise_themes(
            records, encoder=encoder or theme_encoder(), preferred_languages=[workshop.event.language, "en"]
        )
        draft = themes.conclusions_markdown(
            synthesis, records, title=_("Conclusions: %(title)s") % {"title": workshop.event.title}, area_titles=area_titles
        )
    except (ValueError, RuntimeError) as error:
        run.status = RunStatus.FAILED
        run.explanation = str(error)
        run.finished_at = timezone.now()
        run.save(update_fields=["status", "explanation", "finished_at"])
        log_action(run, "cocreation.themes.failed", actor=None, data={"reason": str(error)})
        return run
    run.status = RunStatus.FINISHED
    run.encoder = synthesis.encoder
    run.result = synthesis.to_dict()
    run.draft = draft
    run.seconds = round(time.perf_counter() - started, 2)
    run.finished_at = timezone.now()
    run.save()
    log_action(run, "cocreation.themes.finished", actor=None, data={"themes": len(synthesis.themes)})
    return run


def save_conclusions(workshop: Workshop, *, actor: Any, title: str, body: str, language: str) -> Conclusions:
    """Create or update the workshop's conclusions (published ones stay published).

    Logs ``cocreation.conclusions.saved``.
    """
    conclusions, _created = Conclusions.objects.update_or_create(
        workshop=workshop,
        defaults={"title": title, "body": body, "language": language, "updated_at": timezone.now(), "updated_by": _actor(actor)},
    )
    log_action(conclusions, "cocreation.conclusions.saved", actor=actor)
    return conclusions


def publish_conclusions(conclusions: Conclusions, *, actor: Any, publish: bool = True) -> Conclusions:
    """Publish (or withdraw) the conclusions; refused for an empty text.

    Logs ``cocreation.conclusions.published|withdrawn``.
    """
    if publish and not conclusions.body.strip():
        raise ValidationError(_("Write the conclusions before publishing them."))
    conclusions.is_published = publish
    conclusions.published_at = timezone.now() if publish else None
    conclusions.save(update_fields=["is_published", "published_at"])
    log_action(conclusions, f"cocreation.conclusions.{'published' if publish else 'withdrawn'}", actor=actor)
    return conclusions


# --- Surveys ----------------------------------------------------------------------------


def create_survey(workshop: Workshop, *, actor: Any, phase: str, title: str) -> Survey:
    """Add a survey (open for answers). Logs ``cocreation.survey.created``."""
    survey = Survey.objects.create(workshop=workshop, phase=phase, title=title)
    log_action(survey, "cocreation.survey.created", actor=actor)
    return survey


def add_survey_question(survey: Survey, *, actor: Any, text: str, kind: str, choices: list[str] = ()) -> SurveyQuestion:
    """Add a question at the end; choice questions need at least two options.

    Refused once the survey has answers (they would not fit). Logs ``cocreation.survey.question_added``.
    """
    options = [option.strip() for option in choices if option.strip()]
    if kind in {QuestionKind.SINGLE, QuestionKind.MULTIPLE} and len(options) < 2:
        raise ValidationError(_("A choice question needs at least two options, one per line."))
    if survey.responses.exists():
        raise ValidationError(_("The survey already has answers; questions can no longer be added."))
    question = SurveyQuestion.objects.create(
        survey=survey, text=text, kind=kind, choices=options if kind in {QuestionKind.SINGLE, QuestionKind.MULTIPLE} else [],
        position=survey.questions.count(),
    )
    log_action(survey, "cocreation.survey.question_added", actor=actor, data={"question": question.pk})
    return question


def set_survey_open(survey: Survey, *, actor: Any, is_open: bool) -> Survey:
    """Open or close a survey for answers. Logs ``cocreation.survey.opened|closed``."""
    survey.is_open = is_open
    survey.save(update_fields=["is_open"])
    log_action(survey, f"cocreation.survey.{'opened' if is_open else 'closed'}", actor=actor)
    return survey


def submit_survey_response(survey: Survey, *, actor: Any, answers: dict[int, Any]) -> SurveyResponse:
    """Store (or replace) the actor's answers; empty answers are left out.

    Raises ValidationError when the survey is closed or an answer is not one of the
    options. Logs ``cocreation.survey.answered``.
    """
    if not survey.is_open:
        raise ValidationError(_("This survey is closed."))
    clean: dict[str, Any] = {}
    for question in survey.questions.all():
        value = answers.get(question.pk)
        if value in (None, "", []):
            continue
        if question.kind == QuestionKind.SINGLE and value not in question.choices:
            raise ValidationError(_("Choose one of the options."))
        if question.kind == QuestionKind.MULTIPLE and not set(value) <= set(question.choices):
            raise ValidationError(_("Choose one of the options."))
        if question.kind == QuestionKind.SCALE and int(value) not in range(1, 6):
            raise ValidationError(_("Choose a value from 1 to 5."))
        clean[str(question.pk)] = int(value) if question.kind == QuestionKind.SCALE else value
    response, _created = SurveyResponse.objects.update_or_create(
        survey=survey, respondent=_actor(actor), defaults={"answers": clean, "created_at": timezone.now()}
    )
    log_action(survey, "cocreation.survey.answered", actor=actor)
    return response
