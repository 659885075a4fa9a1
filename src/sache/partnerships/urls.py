from django.urls import path

from sache.partnerships import views

app_name = "partnerships"

urlpatterns = [
    path("partnerships/", views.partnership_list, name="list"),
    path("partnerships/new/", views.partnership_create, name="create"),
    path("partnerships/organisations/", views.organisation_search, name="organisation-search"),
    path("partnerships/<int:pk>/", views.partnership_detail, name="detail"),
    path("partnerships/<int:pk>/checklist/<slug:code>/", views.checklist_toggle, name="checklist-toggle"),
    path("partnerships/<int:pk>/advance/", views.stage_advance, name="advance"),
    path("partnerships/<int:pk>/end/", views.partnership_end, name="end"),
    path("partnerships/<int:pk>/milestones/", views.milestone_add, name="milestone-add"),
    path("partnerships/<int:pk>/milestones/<int:milestone_pk>/done/", views.milestone_done, name="milestone-done"),
    path("partnerships/<int:pk>/outcomes/", views.outcome_add, name="outcome-add"),
    path("partnerships/<int:pk>/documents/", views.document_add, name="document-add"),
    path("partnerships/<int:pk>/consent/<int:organisation_pk>/", views.consent, name="consent"),
    path("showcase/", views.showcase, name="showcase"),
    path("showcase/<int:pk>/", views.showcase_detail, name="showcase-detail"),
]
