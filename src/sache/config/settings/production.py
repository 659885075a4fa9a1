"""Production settings: DEBUG off, a real secret key, HTTPS-only cookies.

Refuses to start without ``SECRET_KEY`` (see base.py) and without ``ALLOWED_HOSTS``.
"""

import os

from django.core.exceptions import ImproperlyConfigured

os.environ["DEBUG"] = "0"

from .base import *  # noqa: E402,F403
from .base import ALLOWED_HOSTS, DEVELOPMENT_SECRET_KEY, SECRET_KEY, env_bool  # noqa: E402

if SECRET_KEY == DEVELOPMENT_SECRET_KEY or len(SECRET_KEY) < 50:
    raise ImproperlyConfigured("SECRET_KEY must be a random string of at least 50 characters in production.")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must name the host names this hub is served on.")

# The reverse proxy terminates TLS and tells us so.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
