from django.urls import path

from sache.api import calendar, oai, views

app_name = "api"

urlpatterns = [
    path("oai", oai.oai_endpoint, name="oai"),
    path("calendar.ics", calendar.events_calendar_feed, name="events-calendar"),
    path("accounts/tokens/", views.token_list, name="tokens"),
    path("accounts/tokens/<int:pk>/revoke/", views.token_revoke, name="token-revoke"),
]
