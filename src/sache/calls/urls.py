from django.urls import path

from sache.calls import views

app_name = "calls"

urlpatterns = [
    path("", views.call_list, name="call-list"),
    path("new/", views.call_edit, name="call-create"),
    path("<int:pk>/", views.call_detail, name="call-detail"),
    path("<int:pk>/edit/", views.call_edit, name="call-edit"),
    path("<int:pk>/apply/", views.application_create, name="application-create"),
    path("<int:pk>/manage/", views.call_manage, name="call-manage"),
    path("<int:pk>/manage/questions/", views.question_add, name="question-add"),
    path("<int:pk>/manage/criteria/", views.criterion_add, name="criterion-add"),
    path("<int:pk>/manage/assign/", views.assignment_run, name="assignment-run"),
    path("<int:pk>/manage/assign/status/", views.assignment_status, name="assignment-status"),
    path("<int:pk>/manage/assign/manual/", views.assignment_add, name="assignment-add"),
    path("<int:pk>/manage/assign/<int:assignment_pk>/remove/", views.assignment_remove, name="assignment-remove"),
    path("<int:pk>/manage/remind/", views.reminders_send, name="reminders-send"),
    path("<int:pk>/manage/ranking/", views.ranking_view, name="ranking"),
    path("<int:pk>/manage/ranking.csv", views.ranking_csv, name="ranking-csv"),
    path("<int:pk>/manage/decide/", views.decisions_make, name="decide"),
    path("applications/", views.application_list, name="application-list"),
    path("applications/<int:pk>/", views.application_detail, name="application-detail"),
    path("applications/<int:pk>/invite/", views.partner_invite, name="partner-invite"),
    path("applications/<int:pk>/partners/<int:partner_pk>/confirm/", views.partner_confirm, name="partner-confirm"),
    path("applications/<int:pk>/partners/<int:partner_pk>/remove/", views.partner_remove, name="partner-remove"),
    path("applications/<int:pk>/submit/", views.application_submit, name="application-submit"),
    path("applications/<int:pk>/withdraw/", views.application_withdraw, name="application-withdraw"),
    path("reviews/", views.review_list, name="review-list"),
    path("reviews/<int:pk>/", views.review_detail, name="review-detail"),
    path("reviews/<int:pk>/conflict/", views.review_conflict, name="review-conflict"),
]

urlpatterns += [
    path("<int:pk>/manage/pitching/", views.pitch_session_create, name="pitch-session-create"),
    path("pitching/", views.pitch_session_list, name="pitch-session-list"),
    path("pitching/<int:pk>/", views.pitch_session_detail, name="pitch-session"),
    path("pitching/<int:pk>/pitches/<int:pitch_pk>/", views.pitch_score, name="pitch-score"),
    path("pitching/<int:pk>/close/", views.pitch_session_close, name="pitch-session-close"),
]
