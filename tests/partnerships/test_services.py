import pytest

from sache.core.models import ActivityLog
from sache.partnerships import services
from sache.partnerships.enums import Stage
from sache.partnerships.models import StageTransition
from tests.factories.directory import make_organisation
from tests.factories.partnerships import make_partnership, tick_required_items

pytestmark = [pytest.mark.unit, pytest.mark.django_db]


def test_open_partnership_starts_in_explore_with_the_whole_checklist_unticked():
    partnership = make_partnership()

    assert partnership.stage == Stage.EXPLORE
    assert partnership.checklist.filter(done=True).count() == 0
    assert partnership.checklist.count() == 12
    assert [m.is_lead for m in partnership.members.all()] == [True, False]
    assert list(StageTransition.objects.values_list("from_stage", "to_stage")) == [("", "explore")]


def test_open_partnership_needs_a_partner_besides_the_lead():
    lead = make_organisation()

    with pytest.raises(services.PartnershipError):
        services.open_partnership(title="Alone", lead=lead, partners=[lead], actor=None)


def test_stage_change_requires_the_required_checklist_items():
    partnership = make_partnership()
    services.set_checklist_item(partnership, "shared_goal", done=True, actor=None)

    with pytest.raises(services.PartnershipError) as error:
        services.advance_stage(partnership, actor=None)

    assert error.value.missing == ["contacts"]
    partnership.refresh_from_db()
    assert partnership.stage == Stage.EXPLORE


def test_stage_change_ignores_optional_items_and_records_the_transition():
    partnership = make_partnership()
    tick_required_items(partnership)

    services.advance_stage(partnership, actor=None)

    partnership.refresh_from_db()
    assert partnership.stage == Stage.ALIGN
    assert list(partnership.transitions.values_list("from_stage", "to_stage")) == [("", "explore"), ("explore", "align")]
    assert ActivityLog.objects.filter(action="partnerships.stage.changed").count() == 1


def test_partnership_walks_every_stage_to_sustain_and_stops_there():
    partnership = make_partnership()
    for _stage in range(4):
        tick_required_items(partnership)
        partnership = services.advance_stage(partnership, actor=None)

    assert partnership.stage == Stage.SUSTAIN
    with pytest.raises(services.PartnershipError):
        services.advance_stage(partnership, actor=None)


def test_end_partnership_from_any_stage_keeps_the_reason():
    partnership = make_partnership()

    services.end_partnership(partnership, reason="no_funding", actor=None)

    partnership.refresh_from_db()
    assert (partnership.stage, partnership.end_reason) == (Stage.ENDED, "no_funding")


def test_showcase_needs_the_consent_of_every_partner_and_loses_it_on_withdrawal():
    partnership = make_partnership()
    lead, partner = [member.organisation for member in partnership.members.all()]

    services.set_publication_consent(partnership, lead, agreed=True, actor=None)
    assert partnership.is_published is False

    services.set_publication_consent(partnership, partner, agreed=True, actor=None)
    assert partnership.is_published is True

    services.set_publication_consent(partnership, lead, agreed=False, actor=None)
    assert partnership.is_published is False


def test_add_document_needs_a_link_or_a_file():
    partnership = make_partnership()

    with pytest.raises(services.PartnershipError):
        services.add_document(partnership, title="Umowa", actor=None)
