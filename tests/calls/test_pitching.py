import pytest
from django.urls import reverse

from sache.calls import services
from sache.core.models import ActivityLog
from tests.factories.accounts import make_operator, make_user
from tests.factories.calls import make_call, make_submitted_application

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


@pytest.fixture
def session():
    call = make_call()
    first = make_submitted_application(call, title="Gra o zamku")
    second = make_submitted_application(call, title="Archiwum pieśni")
    jurors = [make_user(is_reviewer=True), make_user(is_reviewer=True)]
    return services.create_pitch_session(call, title="Finał", jurors=jurors, applications=[first, second], actor=None)


def _post_scores(client, session, pitch, value):
    data = {f"c{c.pk}": value for c in session.call.criteria.all()}
    return client.post(reverse("calls:pitch-score", args=[session.pk, pitch.pk]), data)


def test_results_appear_only_when_the_jury_closes_the_session(client, session):
    first_juror, second_juror = session.jurors.order_by("pk")
    castle, songs = session.pitches.order_by("position")
    client.force_login(first_juror)
    _post_scores(client, session, castle, 5)
    _post_scores(client, session, songs, 2)
    client.force_login(second_juror)
    _post_scores(client, session, castle, 4)

    before = client.get(reverse("calls:pitch-session", args=[session.pk]))
    client.post(reverse("calls:pitch-session-close", args=[session.pk]))
    after = client.get(reverse("calls:pitch-session", args=[session.pk]))

    assert before.context["results"] == []
    assert [(r["pitch"].application.title, r["score"], r["jurors"]) for r in after.context["results"]] == [
        ("Gra o zamku", 90.0, 2),
        ("Archiwum pieśni", 40.0, 1),
    ]
    assert ActivityLog.objects.filter(action="calls.pitch.score_changed").count() == 6


def test_scores_cannot_change_after_closing(session):
    juror = session.jurors.first()
    pitch = session.pitches.first()
    services.close_pitch_session(session, actor=make_operator())

    with pytest.raises(services.CallError):
        services.score_pitch(pitch, juror=juror, scores={str(session.call.criteria.first().pk): 3}, actor=juror)


def test_someone_outside_the_jury_cannot_open_the_session(client, session):
    client.force_login(make_user(is_reviewer=True))

    response = client.get(reverse("calls:pitch-session", args=[session.pk]))

    assert response.status_code == 404
