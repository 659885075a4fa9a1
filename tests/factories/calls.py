from __future__ import annotations

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from sache.calls import services
from sache.calls.enums import QuestionKind
from sache.calls.models import Application, Call, Criterion, ReviewAssignment
from tests.factories.directory import make_organisation


def make_call(*, title: str = "Pilotaże dziedzictwa 2026", budget: int = 100_000, open_now: bool = True, **fields) -> Call:
    now = timezone.now()
    fields.setdefault("opens_at", now - timedelta(days=10))
    fields.setdefault("closes_at", now + timedelta(days=10) if open_now else now - timedelta(days=1))
    call = Call.objects.create(title=title, budget=Decimal(budget), **fields)
    call.questions.create(label="Opis projektu", kind=QuestionKind.TEXT, max_length=500, required=True)
    Criterion.objects.create(call=call, name="Jakość", weight=2, scale_max=5)
    Criterion.objects.create(call=call, name="Wpływ", weight=1, scale_max=5)
    return call


def make_application(call: Call, *, lead=None, partners=(), title: str = "Gra o zamku", amount: int = 20_000) -> Application:
    lead = lead or make_organisation(name="Muzeum Zamkowe")
    application = Application.objects.create(call=call, lead=lead, title=title, requested_amount=Decimal(amount))
    for organisation in partners:
        services.invite_partner(application, organisation=organisation, actor=None, now=call.opens_at)
    application.partners.update(confirmed_at=timezone.now())
    question = call.questions.first()
    if question is not None:
        application.answers = {str(question.pk): "Gra miejska w rozszerzonej rzeczywistości."}
        application.save(update_fields=["answers"])
    return application


def make_submitted_application(call: Call, **fields) -> Application:
    fields.setdefault("partners", [make_organisation(name="Studio Pikseli", kind="creative_business")])
    application = make_application(call, **fields)
    return services.submit_application(application, actor=None, now=call.opens_at)


def make_assignment(application: Application, reviewer) -> ReviewAssignment:
    return ReviewAssignment.objects.create(application=application, reviewer=reviewer)
