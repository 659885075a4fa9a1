"""Published events."""


from django.db.models import QuerySet
from django.http import HttpRequest
from ninja import Router
from ninja.pagination import paginate

from sache.api.v1.auth import caller
from sache.api.v1.errors import READ_ERRORS
from sache.api.v1.pagination import BoundedLimitOffset
from sache.api.v1.schemas import EventOut
from sache.events import selectors
from sache.events.models import Event

router = Router(tags=["events"])


@router.get("", response={200: list[EventOut], **READ_ERRORS}, summary="Events")
@paginate(BoundedLimitOffset)
def list_events(request: HttpRequest) -> QuerySet[Event]:
    return selectors.events_visible_to(caller(request)).select_related("programme")


@router.get("/{slug}", response={200: EventOut, **READ_ERRORS}, summary="One event")
def get_event(request: HttpRequest, slug: str) -> Event:
    return selectors.get_event_for(caller(request), slug)
