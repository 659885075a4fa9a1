from django.urls import path

from sache.matching import views

app_name = "matching"

urlpatterns = [
    path("organisations/<slug:slug>/suggestions/", views.organisation_suggestions, name="organisation-suggestions"),
    path("organisations/<slug:slug>/needs/", views.needs_to_answer, name="needs-to-answer"),
    path("needs/<int:pk>/suggestions/", views.need_suggestions, name="need-suggestions"),
    path("feedback/", views.feedback, name="feedback"),
]
