from django.urls import path

from sache.programmes import views

app_name = "programmes"

urlpatterns = [
    path("", views.programme_list, name="programme-list"),
    path("new/", views.programme_edit, name="programme-create"),
    path("export/", views.programme_export, name="programme-export"),
    path("<str:code>/", views.programme_detail, name="programme-detail"),
    path("<str:code>/edit/", views.programme_edit, name="programme-edit"),
    path("<str:code>/delete/", views.programme_delete, name="programme-delete"),
]
