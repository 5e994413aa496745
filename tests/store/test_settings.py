"""store.settings: defaults, round trip, migration from v1, corrupt files, invalid values, unknown keys."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from interpreter.errors import StorageError
from interpreter.store import settings as settings_mod
from interpreter.store.paths import config_dir
from interpreter.store.settings import (
    SCHEMA_VERSION,
    OutputRoute,
    PresentationSettings,
    Settings,
    load_settings,
    migrate,
    save_settings,
    settings_path,
)


def test_missing_file_gives_defaults_without_notices() -> None:
    loaded = load_settings()
    assert loaded.settings == Settings()
    assert loaded.notices == ()
    assert not settings_path().exists()  # loading never writes


def test_new_settings_take_the_newer_model_and_a_saved_choice_is_kept() -> None:
    assert load_settings().settings.model == "qwen3.5-livetranslate-flash-realtime"
    save_settings(dataclasses.replace(Settings(), model="qwen3-livetranslate-flash-realtime"))
    assert load_settings().settings.model == "qwen3-livetranslate-flash-realtime"


def test_round_trip_of_every_kind_of_field() -> None:
    custom = dataclasses.replace(
        Settings(),
        region="beijing",
        base_url="http://127.0.0.1:8765",
        source_language="de",
        target_language="zh",
        voices={"qwen3-livetranslate-flash-realtime": "Ethan"},
        voice_clone="once",
        glossary="Keynote",
        input_device="pulse:vmic",
        monitor=OutputRoute("Speakers", 0.4, True),
        audience=OutputRoute("Virtual cable", 0.9, True),
        presentation=PresentationSettings(screen="HDMI-1", font_size=72, mode="both", always_on_top=False),
        window_geometry=bytes(range(256)),
        theme="dark",
        ui_language="zh_CN",
        demo_mode=True,
        last_export_dir="/home/u/exports",
    )
    save_settings(custom)
    on_disk = json.loads(settings_path().read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == SCHEMA_VERSION
    assert isinstance(on_disk["window_geometry"], str)  # base64, JSON-safe
    loaded = load_settings()
    assert loaded.notices == ()
    assert loaded.settings == custom
    assert loaded.settings.voice_for("qwen3-livetranslate-flash-realtime") == "Ethan"


def test_migration_from_a_v1_dict() -> None:
    v1 = {
        "region": "cn",
        "api_base": "http://localhost:9000",
        "model": "qwen3.5-livetranslate-flash-realtime",
        "target_language": "ja",
        "voice": "Tina",
        "monitor_device": "hw:0",
        "monitor_volume": 80,
        "audience_device": "Loopback",
        "audience_volume": 50,
        "font_size": 18,
        "dark_mode": True,
        "plugin_setting": {"kept": True},
    }
    settings_path().write_text(json.dumps(v1), encoding="utf-8")
    loaded = load_settings()
    s = loaded.settings
    assert loaded.notices == ()
    assert (s.region, s.base_url, s.target_language) == ("beijing", "http://localhost:9000", "ja")
    assert s.voices == {"qwen3.5-livetranslate-flash-realtime": "Tina"}
    assert s.monitor == OutputRoute("hw:0", 0.8, True)
    assert s.audience == OutputRoute("Loopback", 0.5, True)
    assert (s.caption_font_size, s.theme) == (18, "dark")
    assert s.extra == {"plugin_setting": {"kept": True}}
    # Saving writes the current version and keeps the unknown key.
    save_settings(s)
    on_disk = json.loads(settings_path().read_text(encoding="utf-8"))
    assert on_disk["schema_version"] == SCHEMA_VERSION
    assert on_disk["plugin_setting"] == {"kept": True}
    assert "api_base" not in on_disk and "voice" not in on_disk


def test_migrations_cover_every_version_step() -> None:
    assert len(settings_mod.MIGRATIONS) == SCHEMA_VERSION - 1
    assert migrate({"schema_version": 1})["schema_version"] == SCHEMA_VERSION
    assert migrate({})["schema_version"] == SCHEMA_VERSION  # no version key means v1
    v1_without_audience = migrate({"schema_version": 1})
    assert v1_without_audience["audience"]["enabled"] is False


@pytest.mark.parametrize("content", [b"{not json", b"[1, 2, 3]", b"\xff\xfe\x00garbage", b""])
def test_corrupt_file_is_moved_aside_and_defaults_used(content: bytes) -> None:
    path = settings_path()
    path.write_bytes(content)
    loaded = load_settings()
    assert loaded.settings == Settings()
    assert len(loaded.notices) == 1 and "could not be read" in loaded.notices[0]
    assert not path.exists()
    kept = [p for p in config_dir().iterdir() if p.name.startswith("settings.json.corrupt-")]
    assert len(kept) == 1 and kept[0].read_bytes() == content
    assert kept[0].name in loaded.notices[0]


def test_invalid_values_fall_back_per_field_with_notices() -> None:
    raw = {
        "schema_version": SCHEMA_VERSION,
        "region": "mars",
        "caption_font_size": "big",
        "theme": "dark",
        "monitor": {"device": "hw:1", "volume": 7.5, "stray": 1},
        "jitter_target_ms": 99_999,
        "window_geometry": "!!not base64!!",
        "demo_mode": 1,
    }
    settings_path().write_text(json.dumps(raw), encoding="utf-8")
    loaded = load_settings()
    s = loaded.settings
    assert s.region == "singapore" and s.caption_font_size == Settings().caption_font_size
    assert s.theme == "dark"
    assert s.monitor == OutputRoute(device="hw:1")  # bad volume reset, stray key in a group dropped
    assert s.jitter_target_ms == Settings().jitter_target_ms
    assert s.window_geometry is None and s.demo_mode is False
    named = " ".join(loaded.notices)
    for field in ("region", "caption_font_size", "monitor.volume", "jitter_target_ms", "window_geometry", "demo_mode"):
        assert f"“{field}”" in named
    assert len(loaded.notices) == 6


def test_file_from_a_newer_version_is_read_and_backed_up_on_save() -> None:
    newer = {"schema_version": SCHEMA_VERSION + 3, "theme": "light", "hologram_mode": "on"}
    path = settings_path()
    path.write_text(json.dumps(newer), encoding="utf-8")
    loaded = load_settings()
    assert loaded.settings.theme == "light"
    assert any("newer version" in n for n in loaded.notices)
    save_settings(loaded.settings)
    backup = path.with_name(f"settings.json.v{SCHEMA_VERSION + 3}.bak")
    assert json.loads(backup.read_text(encoding="utf-8")) == newer
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert on_disk["hologram_mode"] == "on" and on_disk["schema_version"] == SCHEMA_VERSION
    assert "__newer_schema_version__" not in on_disk


def test_a_key_never_reaches_the_settings_file() -> None:
    leaky = dataclasses.replace(Settings(), glossary="sk-0123456789abcdef0123456789abcdef")
    with pytest.raises(StorageError) as info:
        save_settings(leaky)
    assert "keyring" in info.value.user_message
    assert not settings_path().exists()


def test_explicit_path_is_honoured(tmp_path: Path) -> None:
    path = tmp_path / "portable" / "settings.json"
    save_settings(dataclasses.replace(Settings(), demo_mode=True), path)
    assert load_settings(path).settings.demo_mode is True
