"""/healthz: what a load balancer sees (CONTRACT.md)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_healthz_answers_ok_without_login(client, django_assert_max_num_queries):
    # One query: SELECT 1 against the database.
    with django_assert_max_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_503_when_the_database_does_not_answer():
    # A real process whose database is unreachable (nothing listens on port 1).
    env = {
        **os.environ,
        "DEBUG": "true",
        "DATABASE_URL": "postgres://postgres@127.0.0.1:1/nothing",
        "REDIS_URL": "",
        "DJANGO_SETTINGS_MODULE": "portal.settings",
    }
    script = (
        "import django; django.setup();"
        "from django.test import Client;"
        "r = Client().get('/healthz'); print(r.status_code, r.json()['status'])"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=BASE_DIR, env=env, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.split()[-2:] == ["503", "unavailable"], result.stderr[-2000:]
