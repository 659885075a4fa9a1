"""Production settings refuse unsafe configurations; check --deploy is clean."""

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.integration

STRONG_KEY = "k" * 20 + "-production-secret-key-for-checks-" + "z" * 20


def _run(args, **env_overrides):
    env = {key: value for key, value in os.environ.items() if key not in {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS"}}
    env.update(env_overrides)
    return subprocess.run(
        [sys.executable, "-m", "sache", *args], env=env, capture_output=True, text=True, timeout=120
    )


def test_production_settings_refuse_to_start_without_secret_key():
    result = _run(["check"], DJANGO_SETTINGS_MODULE="sache.config.settings.production", ALLOWED_HOSTS="hub.example.org")

    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_settings_refuse_the_development_key():
    result = _run(
        ["check"],
        DJANGO_SETTINGS_MODULE="sache.config.settings.production",
        ALLOWED_HOSTS="hub.example.org",
        SECRET_KEY="short",
    )

    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr


def test_check_deploy_has_no_warnings_under_production_settings():
    result = _run(
        ["check", "--deploy", "--fail-level", "WARNING"],
        DJANGO_SETTINGS_MODULE="sache.config.settings.production",
        ALLOWED_HOSTS="hub.example.org",
        SECRET_KEY=STRONG_KEY,
    )

    assert result.returncode == 0, result.stderr + result.stdout
    assert "System check identified no issues" in result.stdout


def test_development_settings_start_without_a_secret_key():
    result = _run(["check"], DJANGO_SETTINGS_MODULE="sache.config.settings.dev")

    assert result.returncode == 0, result.stderr
