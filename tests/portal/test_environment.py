"""Settings come from the environment in one place, and .env.example lists them all."""

import re
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parents[2]
_READ = re.compile(r"""env\.(?:str|bool|int|list|path|db_url|email_url)\(\s*"([A-Z_]+)\"""")


def _variables_in_settings():
    return set(_READ.findall((BASE_DIR / "portal" / "settings.py").read_text()))


def test_env_example_lists_every_variable_the_settings_read():
    listed = {
        line.split("=", 1)[0]
        for line in (BASE_DIR / ".env.example").read_text().splitlines()
        if line and not line.startswith("#")
    }
    read = _variables_in_settings()
    assert "SECRET_KEY" in read and "DATABASE_URL" in read
    assert read - listed == set()


def test_readme_documents_every_variable():
    readme = (BASE_DIR / "README.md").read_text()
    missing = {name for name in _variables_in_settings() if f"`{name}`" not in readme}
    assert missing == set()


def test_no_environment_reads_outside_settings():
    offenders = [
        path.relative_to(BASE_DIR).as_posix()
        for folder in ("portal", "signals", "consultations")
        for path in (BASE_DIR / folder).rglob("*.py")
        if path.name != "settings.py" and re.search(r"os\.getenv|os\.environ(\[|\.get\()", path.read_text())
    ]
    assert offenders == []
