"""Settings for the test suite: fast hashing, in-memory email, inline tasks."""

import os

os.environ.setdefault("DEBUG", "0")
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-" + "x" * 40)
os.environ.setdefault("TASKS_BACKEND", "immediate")
os.environ.setdefault("LOG_LEVEL", "WARNING")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")

from .base import *  # noqa: E402,F403

# Argon2 stays the configured hasher in every other environment; tests hash
# thousands of passwords and need a fast one (a dedicated test checks Argon2).
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", "django.contrib.auth.hashers.Argon2PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LANGUAGE_CODE = "en"

# A file, not memory, so that a real worker process in the task-queue test can
# open the same test database.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"]["TEST"] = {"NAME": str(VAR_DIR / "test-sache.sqlite3")}  # noqa: F405

# Schemathesis sends hundreds of requests; the throttle itself has a test of its own.
SACHE_API_ANON_RATE = "100000/m"
SACHE_API_AUTH_RATE = "100000/m"

# The bundled language model encodes ~20 texts/s; tests use the fast character n-gram encoder.
SACHE_MATCHING_ENCODER = "hashing"
SACHE_MATCHING_VECTOR_CACHE = VAR_DIR / "test-matching-vectors.npz"  # noqa: F405
