from django.urls import path

from sache.cocreation import views

app_name = "cocreation"

urlpatterns = [
    path("", views.workshop_list, name="workshop-list"),
    path("new/", views.workshop_create, name="workshop-create"),
    path("<slug:slug>/", views.workshop_detail, name="workshop-detail"),
    path("<slug:slug>/my-route/", views.my_route, name="my-route"),
    path("<slug:slug>/routes/<int:pk>/", views.route, name="route"),
    path("<slug:slug>/routes/<int:pk>.ics", views.route_ics, name="route-ics"),
    path("<slug:slug>/contribute/", views.contribute, name="contribute"),
    path("<slug:slug>/contributions/", views.contribution_list, name="contribution-list"),
    path("<slug:slug>/contributions/<int:pk>/vote/", views.vote, name="vote"),
    path("<slug:slug>/conclusions/", views.conclusions_page, name="conclusions"),
    path("<slug:slug>/conclusions.md", views.conclusions_markdown, name="conclusions-markdown"),
    path("<slug:slug>/conclusions.pdf", views.conclusions_pdf, name="conclusions-pdf"),
    path("<slug:slug>/manage/", views.manage, name="manage"),
    path("<slug:slug>/manage/areas/", views.area_add, name="area-add"),
    path("<slug:slug>/manage/tables/", views.table_add, name="table-add"),
    path("<slug:slug>/manage/participants/", views.participant_add, name="participant-add"),
    path("<slug:slug>/manage/participants/import/", views.participants_import, name="participants-import"),
    path("<slug:slug>/manage/<str:what>/<int:pk>/remove/", views.setup_remove, name="setup-remove"),
    path("<slug:slug>/manage/plan/", views.plan_start, name="plan-start"),
    path("<slug:slug>/manage/plan/status/", views.plan_status, name="plan-status"),
    path("<slug:slug>/manage/plan/round/<int:round_number>/", views.table_plan, name="table-plan"),
    path("<slug:slug>/manage/breakout-rooms.csv", views.breakout_csv, name="breakout-csv"),
    path("<slug:slug>/manage/live/", views.live, name="live"),
    path("<slug:slug>/manage/live/board/", views.live_board, name="live-board"),
    path("<slug:slug>/manage/themes/", views.themes, name="themes"),
    path("<slug:slug>/manage/themes/run/", views.themes_start, name="themes-start"),
    path("<slug:slug>/manage/conclusions/", views.conclusions_edit, name="conclusions-edit"),
    path("<slug:slug>/manage/surveys/", views.survey_manage, name="survey-manage"),
    path("<slug:slug>/manage/surveys/<int:pk>/questions/", views.survey_question_add, name="survey-question-add"),
    path("<slug:slug>/manage/surveys/<int:pk>/toggle/", views.survey_toggle, name="survey-toggle"),
    path("<slug:slug>/manage/surveys/<int:pk>/results/", views.survey_results, name="survey-results"),
    path("<slug:slug>/surveys/<int:pk>/", views.survey_answer, name="survey-answer"),
]
