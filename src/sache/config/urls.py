from django.conf import settings
from django.conf.urls.static import static
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog, set_language

from sache.api.v1.api import api as api_v1
from sache.core import views as core_views

urlpatterns = [
    path("healthz", core_views.healthz, name="healthz"),
    path("i18n/setlang/", set_language, name="set_language"),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("accounts/", include("sache.accounts.urls")),
    path("", include("sache.api.urls")),
    path("api/v1/", api_v1.urls),
    path("events/", include("sache.events.urls")),
    path("workshops/", include("sache.cocreation.urls")),
    path("", include("sache.directory.urls")),
    path("", include("sache.partnerships.urls")),
    path("insights/", include("sache.insights.urls")),
    path("matching/", include("sache.matching.urls")),
    path("calls/", include("sache.calls.urls")),
    path("programmes/", include("sache.programmes.urls")),
    path("", include("sache.core.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
