from django.urls import path

from sache.events import views

app_name = "events"

urlpatterns = [
    path("", views.event_list, name="event-list"),
    path("new/", views.event_create, name="event-create"),
    path("feeds/<str:token>.ics", views.feed, name="feed"),
    path("<slug:slug>/", views.event_detail, name="event-detail"),
    path("<slug:slug>/register/", views.event_register, name="event-register"),
    path("<slug:slug>/participation/", views.participation_edit, name="participation-edit"),
    path("<slug:slug>/participants/", views.participant_list, name="participant-list"),
    path("<slug:slug>/meetings/", views.meeting_list, name="meeting-list"),
    path("<slug:slug>/meetings/request/<int:registration_id>/", views.meeting_request, name="meeting-request"),
    path("<slug:slug>/meetings/<int:pk>/respond/", views.meeting_respond, name="meeting-respond"),
    path("<slug:slug>/meetings/<int:pk>/cancel/", views.meeting_cancel, name="meeting-cancel"),
    path("<slug:slug>/meetings/<int:pk>/feedback/", views.meeting_feedback, name="meeting-feedback"),
    path("<slug:slug>/agenda/", views.agenda, name="agenda"),
    path("<slug:slug>/agenda.ics", views.agenda_ics, name="agenda-ics"),
    path("<slug:slug>/agenda/feed/", views.agenda_feed, name="agenda-feed"),
    path("<slug:slug>/edit/", views.event_edit, name="event-edit"),
    path("<slug:slug>/manage/", views.manage, name="manage"),
    path("<slug:slug>/manage/registrations/<int:pk>/", views.registration_decide, name="registration-decide"),
    path("<slug:slug>/manage/slots/", views.grid_setup, name="grid-setup"),
    path("<slug:slug>/manage/tables/", views.tables_setup, name="tables-setup"),
    path("<slug:slug>/manage/meetings/", views.manage_meetings, name="manage-meetings"),
    path("<slug:slug>/manage/meetings/<int:pk>/", views.meeting_manage_action, name="meeting-manage"),
    path("<slug:slug>/manage/schedule/", views.schedule_run, name="schedule-run"),
    path("<slug:slug>/manage/schedule/status/", views.schedule_status, name="schedule-status"),
    path("<slug:slug>/manage/schedule/publish/", views.schedule_publish, name="schedule-publish"),
    path("<slug:slug>/manage/remind/", views.remind, name="remind"),
    path("<slug:slug>/manage/grid/", views.grid, name="grid"),
]
