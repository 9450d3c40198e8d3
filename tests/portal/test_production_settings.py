"""The production configuration (CONTRACT.md: only the environment set)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]


def _manage(*args, **env_overrides):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "portal.settings", **env_overrides}
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=120
    )


def _production_env(**extra):
    return {
        "DEBUG": "false",
        "SECRET_KEY": secrets.token_urlsafe(50)[:50],
        "ALLOWED_HOSTS": "portal.example.org",
        **extra,
    }


def test_check_deploy_reports_no_warnings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **_production_env())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_refuses_to_start_with_a_default_or_short_secret():
    for secret in ["", "too-short", "development-only-secret-never-use-in-production-0123456789"]:
        result = _manage("check", **_production_env(SECRET_KEY=secret))
        assert result.returncode != 0
        assert "SECRET_KEY must be set" in result.stderr


def test_production_settings_are_strict():
    script = (
        "from django.conf import settings as s;"
        "print(s.SECURE_HSTS_SECONDS, s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT,"
        " s.SESSION_COOKIE_AGE, s.PASSWORD_HASHERS[0].rsplit('.', 1)[1], s.PORTAL_REQUIRE_MFA,"
        " s.SECURE_REFERRER_POLICY)"
    )
    result = _manage("shell", "--no-imports", "-c", script, **_production_env())
    assert result.stdout.split() == [
        "31536000",
        "True",
        "True",
        "True",
        "1800",
        "Argon2PasswordHasher",
        "True",
        "same-origin",
    ], result.stderr
