from django.urls import path

from sache.insights import views

app_name = "insights"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("network/", views.network_view, name="network"),
    path("map/", views.region_map, name="map"),
    path("report.pdf", views.programme_report, name="report"),
    path("export/<slug:key>.<str:file_format>", views.export_table, name="export"),
]
