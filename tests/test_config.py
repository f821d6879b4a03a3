"""config.toml as a service manager edits it: it loads, and every key is explained."""

import tomllib

import pytest

from kiosk import create_app
from kiosk.app.factory import DEFAULTS, PROJECT_ROOT

CONFIG_TOML = PROJECT_ROOT / "config.toml"


@pytest.fixture
def settings() -> dict:
    with CONFIG_TOML.open("rb") as file:
        return tomllib.load(file)


@pytest.fixture
def from_project_config(tmp_path, monkeypatch):
    """create_app() as `make run` calls it, but on a database in tmp_path."""
    monkeypatch.setenv("KIOSK_CONFIG", str(CONFIG_TOML))
    monkeypatch.setenv("KIOSK_DATABASE", str(tmp_path / "kiosk.db"))
    # Otherwise a secret would be written to the real instance/.
    monkeypatch.setenv("KIOSK_SECRET_KEY", "config-test")
    return create_app


def test_the_project_config_loads_every_key(from_project_config, settings, tmp_path):
    app = from_project_config()
    assert settings == {key: app.config[key] for key in settings}
    assert str(tmp_path / "kiosk.db") == app.config["DATABASE"]


def test_every_key_in_config_toml_is_uppercase(settings):
    # Flask's from_file drops a lowercase key without a word.
    assert [] == [key for key in settings if key != key.upper()]


def test_an_environment_variable_overrides_the_file(from_project_config, monkeypatch):
    monkeypatch.setenv("KIOSK_KIOSK_IDLE_SECONDS", "90")
    assert 90 == from_project_config().config["KIOSK_IDLE_SECONDS"]


def test_a_default_site_that_is_not_a_site_stops_the_start(from_project_config, monkeypatch):
    monkeypatch.setenv("KIOSK_DEFAULT_SITE", "nowhere")
    with pytest.raises(ValueError, match="DEFAULT_SITE 'nowhere' is not one of SITES"):
        from_project_config()


@pytest.mark.parametrize("setting", ["DRAWING_WIDTH", "DRAWING_HEIGHT"])
@pytest.mark.parametrize("pixels", ["0", "1201", "20000"])
def test_a_drawing_pad_too_big_to_decode_safely_stops_the_start(
    from_project_config, monkeypatch, setting, pixels
):
    monkeypatch.setenv(f"KIOSK_{setting}", pixels)
    with pytest.raises(ValueError, match=f"{setting} must be from 1 to 1200 pixels"):
        from_project_config()


def test_every_config_key_is_described_in_the_readme(settings):
    readme = PROJECT_ROOT / "README.md"
    text = readme.read_text() if readme.exists() else ""
    keys = sorted(set(DEFAULTS) | set(settings))
    assert [] == [key for key in keys if f"`{key}`" not in text]
