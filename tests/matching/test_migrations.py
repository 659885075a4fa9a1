"""Verdicts given before every surface had them keep their rows and get the surface of their subject."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from tests.factories.accounts import make_user
from tests.factories.directory import make_need, make_organisation

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]

BEFORE = [("matching", "0002_suggestionimpressions")]
AFTER = [("matching", "0003_verdicts_on_every_surface")]


def test_existing_verdicts_are_kept_with_the_surface_of_their_subject():
    museum, studio = make_organisation(name="Muzeum"), make_organisation(name="Studio", kind="creative_business")
    need = make_need(museum)
    user = make_user()
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps.get_model("matching", "SuggestionFeedback")
    old.objects.create(user_id=user.pk, subject=f"organisation:{museum.pk}", suggested_id=studio.pk, useful=True, rank=1, score=0.5)
    old.objects.create(user_id=user.pk, subject=f"need:{need.pk}", suggested_id=studio.pk, useful=False, rank=2, score=0.4)

    executor = MigrationExecutor(connection)
    executor.migrate(AFTER)
    new = executor.loader.project_state(AFTER).apps.get_model("matching", "SuggestionFeedback")

    assert sorted(new.objects.values_list("subject", "suggested_id", "suggested_need_id", "surface", "useful", "rank")) == [
        (f"need:{need.pk}", studio.pk, None, "need", False, 2),
        (f"organisation:{museum.pk}", studio.pk, None, "organisation", True, 1),
    ]
