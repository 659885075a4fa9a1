from __future__ import annotations

from sache.partnerships import services
from sache.partnerships.models import Partnership
from tests.factories.directory import make_organisation


def make_partnership(*, title: str = "Przewodnik AR po zamku w Łańcucie", lead=None, partners=None, actor=None) -> Partnership:
    lead = lead or make_organisation(name="Muzeum-Zamek w Łańcucie")
    partners = partners or [make_organisation(name="Pixel Forge Studio", kind="creative_business")]
    return services.open_partnership(title=title, lead=lead, partners=partners, actor=actor)


def tick_required_items(partnership: Partnership, *, actor=None) -> None:
    for code in services.missing_required_items(partnership):
        services.set_checklist_item(partnership, code, done=True, actor=actor)
