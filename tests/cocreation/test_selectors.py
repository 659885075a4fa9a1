import pytest

from sache.cocreation import selectors, services
from sache.events.enums import EventPublication
from sache.insights.filters import InsightFilter
from tests.factories.cocreation import make_workshop

pytestmark = [pytest.mark.integration, pytest.mark.django_db]


def _publish(workshop, title, body):
    conclusions = services.save_conclusions(workshop, actor=None, title=title, body=body, language="pl")
    return services.publish_conclusions(conclusions, actor=None)


def test_report_sections_only_from_published_conclusions_of_public_workshops_in_the_region():
    _publish(make_workshop(region="PL823"), "Rzeszów", "# Wnioski\n\n## Archiwa\n\n- skanować\n\nTekst *ważny*.")
    _publish(make_workshop(region="DE300"), "Berlin", "# Schluss\n\nText")
    _publish(make_workshop(region="PL823", publication=EventPublication.DRAFT), "Hidden", "# X\n\nY")
    services.save_conclusions(make_workshop(region="PL823"), actor=None, title="Draft", body="# D\n\nE", language="pl")
    assert selectors.published_conclusions_for_report(InsightFilter(region="PL82")) == [
        {"title": "Rzeszów", "paragraphs": ["Archiwa", "• skanować", "Tekst ważny."]}
    ]
