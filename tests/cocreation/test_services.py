from collections import Counter

import pytest
from django.core.exceptions import ValidationError

from sache.cocreation import services
from sache.cocreation.enums import RunStatus, Sector
from sache.cocreation.models import Conclusions, Seat, Vote
from sache.core.models import ActivityLog
from sache.engine.rotations import count_repeated_pairs
from sache.events.enums import EventKind, RegistrationStatus
from tests.factories.accounts import make_operator, make_user
from tests.factories.cocreation import (
    make_area,
    make_contribution,
    make_participant,
    make_table,
    make_workshop,
    make_world_cafe,
)
from tests.factories.directory import make_member, make_organisation
from tests.factories.events import make_event, make_registration

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _plan(workshop, *, seed=0):
    plan = services.start_rotation_plan(workshop, actor=make_operator(), seed=seed)
    plan.refresh_from_db()
    return plan


def test_create_workshop_makes_the_event_a_workshop(django_capture_on_commit_callbacks):
    event = make_event()
    workshop = services.create_workshop(event, actor=make_operator(), rounds=4)
    event.refresh_from_db()
    assert (event.kind, workshop.rounds) == (EventKind.WORKSHOP, 4)
    with pytest.raises(ValidationError):
        services.create_workshop(event, actor=None)


def test_plan_seats_everyone_once_per_round_within_capacity_and_hosts_stay(django_capture_on_commit_callbacks):
    workshop = make_world_cafe(areas=3, tables_per_area=1, capacity=5, people=13, rounds=3)
    with django_capture_on_commit_callbacks(execute=True):
        plan = services.start_rotation_plan(workshop, actor=make_operator())
    plan.refresh_from_db()
    assert plan.status == RunStatus.FINISHED
    seats = list(Seat.objects.filter(plan=plan).select_related("table"))
    per_round_person = Counter((seat.round_number, seat.participant_id) for seat in seats)
    assert set(per_round_person.values()) == {1}
    assert len(per_round_person) == 13 * 3
    per_table = Counter((seat.round_number, seat.table_id) for seat in seats)
    assert max(per_table.values()) <= 5
    hosts = {area.host_id: area for area in workshop.areas.all()}
    host_tables = {}
    for seat in seats:
        if seat.participant_id in hosts:
            host_tables.setdefault(seat.participant_id, set()).add(seat.table_id)
            assert seat.is_host is True
    assert {pid: len(tables) for pid, tables in host_tables.items()} == dict.fromkeys(hosts, 1)
    by_table: dict = {}
    for seat in seats:
        by_table.setdefault((seat.round_number, seat.table_id), []).append(seat.participant_id)
    rounds = [[people for (number, _), people in by_table.items() if number == r] for r in (1, 2, 3)]
    assert plan.repeated_pairs == count_repeated_pairs(rounds)


def test_plan_refused_without_tables_or_when_people_do_not_fit():
    workshop = make_workshop()
    make_participant(workshop)
    with pytest.raises(ValidationError, match="tables"):
        services.start_rotation_plan(workshop, actor=None)
    make_table(workshop, capacity=2)
    make_participant(workshop)
    make_participant(workshop)
    with pytest.raises(ValidationError, match="do not fit"):
        services.start_rotation_plan(workshop, actor=None)


def test_import_participants_takes_representatives_of_approved_registrations_once():
    workshop = make_workshop()
    museum = make_organisation()
    studio = make_organisation(kind="technology_provider")
    approved = make_registration(workshop.event, museum)
    pending = make_registration(workshop.event, studio, status=RegistrationStatus.PENDING)
    anna = make_member(museum, make_user())
    approved.representatives.set([anna])
    pending.representatives.set([make_member(studio, make_user())])
    assert services.import_participants_from_registrations(workshop, actor=None) == 1
    assert services.import_participants_from_registrations(workshop, actor=None) == 0
    assert [(p.person, p.sector) for p in workshop.participants.all()] == [(anna, Sector.HERITAGE)]


def test_add_contribution_copies_sector_and_checks_round_and_area():
    workshop = make_workshop(rounds=2)
    area = make_area(workshop)
    user = make_user()
    make_participant(workshop, sector=Sector.PUBLIC, user=user)
    contribution = services.add_contribution(
        workshop, actor=user, area=area, round_number=2, kind="need", language="pl", text="  Potrzebujemy skanera 3D  "
    )
    assert (contribution.text, contribution.sector, contribution.author) == ("Potrzebujemy skanera 3D", Sector.PUBLIC, user)
    with pytest.raises(ValidationError):
        services.add_contribution(workshop, actor=user, area=area, round_number=3, kind="idea", language="pl", text="x")
    other_area = make_area(make_workshop())
    with pytest.raises(ValidationError):
        services.add_contribution(workshop, actor=user, area=other_area, round_number=1, kind="idea", language="pl", text="x")


def test_toggle_vote_gives_one_dot_per_person_and_takes_it_back():
    workshop = make_workshop()
    contribution = make_contribution(workshop, make_area(workshop))
    participant = make_participant(workshop)
    assert services.toggle_vote(contribution, actor=None, participant=participant) is True
    assert Vote.objects.filter(contribution=contribution).count() == 1
    assert services.toggle_vote(contribution, actor=None, participant=participant) is False
    assert Vote.objects.filter(contribution=contribution).count() == 0
    with pytest.raises(ValidationError):
        services.toggle_vote(contribution, actor=None, participant=make_participant(make_workshop()))


def test_theme_synthesis_groups_contributions_and_drafts_conclusions(django_capture_on_commit_callbacks):
    workshop = make_workshop()
    area = make_area(workshop, title="Digital archives")
    texts = [
        ("en", "Digitise the photo archive with a 3D scanner"), ("pl", "Zdigitalizować archiwum zdjęć skanerem 3D"),
        ("en", "Scan the photo archive in 3D"), ("en", "Train museum staff in social media"),
        ("pl", "Szkolenia pracowników muzeum z mediów społecznościowych"), ("en", "Social media training for staff"),
    ]
    for language, text in texts:
        make_contribution(workshop, area, language=language, text=text)
    with django_capture_on_commit_callbacks(execute=True):
        run = services.start_theme_synthesis(workshop, actor=make_operator())
    run.refresh_from_db()
    assert run.status == RunStatus.FINISHED
    assert sorted(len(theme["contribution_ids"]) for theme in run.result["themes"]) == [3, 3]
    assert run.draft.splitlines()[0] == f"# Conclusions: {workshop.event.title}"
    assert "## Digital archives" in run.draft


def test_conclusions_publish_needs_text_and_logs():
    workshop = make_workshop()
    operator = make_operator()
    conclusions = services.save_conclusions(workshop, actor=operator, title="Wnioski", body="", language="pl")
    with pytest.raises(ValidationError):
        services.publish_conclusions(conclusions, actor=operator)
    conclusions = services.save_conclusions(workshop, actor=operator, title="Wnioski", body="# Wnioski\n\nTekst", language="pl")
    services.publish_conclusions(conclusions, actor=operator)
    assert Conclusions.objects.get(workshop=workshop).is_published is True
    assert list(ActivityLog.objects.filter(actor=operator).values_list("action", flat=True).order_by("id")) == [
        "cocreation.conclusions.saved",
        "cocreation.conclusions.saved",
        "cocreation.conclusions.published",
    ]
