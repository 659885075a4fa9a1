from django.urls import path

from sache.api import oai

app_name = "api"

urlpatterns = [
    path("oai", oai.oai_endpoint, name="oai"),
]
