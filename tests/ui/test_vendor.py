"""The vendored NL Design System CSS: pinned, licensed, served by us, never from a CDN."""

import json
import re
from pathlib import Path

from django.conf import settings

VENDOR = Path(settings.BASE_DIR) / "static" / "vendor" / "nl-design-system"
TEMPLATES = Path(settings.BASE_DIR) / "templates"


def test_every_vendored_package_has_its_licence_and_version():
    folders = sorted(folder for folder in VENDOR.iterdir() if folder.is_dir())
    assert [folder.name for folder in folders] == ["component-library-css", "voorbeeld-design-tokens"]
    for folder in folders:
        licence = next(folder.glob("LICENSE*"))
        assert "EUROPEAN UNION PUBLIC LICENCE" in licence.read_text()
        assert (folder / "VERSION").read_text().strip()
        assert list(folder.glob("*.css"))


def test_versions_match_the_exact_pins_in_package_json():
    pins = json.loads((Path(settings.BASE_DIR) / "package.json").read_text())["dependencies"]
    lock = json.loads((Path(settings.BASE_DIR) / "package-lock.json").read_text())["packages"]
    for name, version in pins.items():
        assert re.fullmatch(r"\d+\.\d+\.\d+", version), f"{name} is not pinned exactly"
        assert lock[f"node_modules/{name}"]["version"] == version
        folder = VENDOR / name.split("/")[-1]
        assert (folder / "VERSION").read_text().splitlines()[0] == f"{name} {version}"


def test_theme_css_defines_the_class_the_base_template_uses():
    theme = (VENDOR / "voorbeeld-design-tokens" / "theme.css").read_text()
    assert ".voorbeeld-theme {" in theme
    assert 'class="voorbeeld-theme' in (TEMPLATES / "base.html").read_text()


def test_no_template_or_stylesheet_loads_anything_from_another_site():
    external = re.compile(r"""(?:href|src)\s*=\s*["']?(?:https?:)?//|@import\s+url\(\s*["']?(?:https?:)?//""")
    for path in list(TEMPLATES.rglob("*.html")) + [Path(settings.BASE_DIR) / "static" / "css" / "portal.css"]:
        assert not external.search(path.read_text()), path
    for css in VENDOR.rglob("*.css"):
        text = css.read_text()
        assert "@import" not in text, css
        # Only inline data: images; no fonts or images from elsewhere.
        for url in re.findall(r"url\(\s*[\"']?([^\"')]+)", text):
            assert url.startswith("data:"), (css, url)
