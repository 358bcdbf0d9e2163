"""Engine choice and settings from the standard environment variables."""

from __future__ import annotations

import pytest

from summarize.config import EngineName, ModeName, Settings
from summarize.errors import ConfigError


@pytest.fixture(autouse=True)
def clean_env(monkeypatch: pytest.MonkeyPatch) -> None:
    for key in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZE_MODEL", "MY_KEY"):
        monkeypatch.delenv(key, raising=False)


def test_offline_is_the_default_with_nothing_configured() -> None:
    assert Settings.from_env().resolved_engine() == "offline"


def test_model_alone_is_not_enough_for_llm(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZE_MODEL", "gpt-x")
    assert Settings.from_env().resolved_engine() == "offline"


@pytest.mark.parametrize(
    "env", [{"OPENAI_API_KEY": "k"}, {"OPENAI_BASE_URL": "http://127.0.0.1:9/v1"}]
)
def test_model_plus_key_or_base_url_selects_llm(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str]
) -> None:
    monkeypatch.setenv("SUMMARIZE_MODEL", "gpt-x")
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    settings = Settings.from_env()
    assert settings.resolved_engine() == "llm"
    assert settings.model == "gpt-x"


def test_api_key_env_names_the_variable_and_the_key_is_not_stored(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MY_KEY", "sk-secret-value")
    settings = Settings.from_env(api_key_env="MY_KEY", model="m")
    assert settings.api_key() == "sk-secret-value"
    assert "sk-secret-value" not in repr(settings)
    assert settings.resolved_engine() == "llm"


def test_explicit_options_override_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUMMARIZE_MODEL", "env-model")
    assert Settings.from_env(model="flag-model").model == "flag-model"
    assert Settings.from_env(engine="offline", model="m").resolved_engine() == "offline"


@pytest.mark.parametrize(
    ("kwargs", "needle"),
    [
        ({"mode": "xml"}, "unknown mode"),
        ({"engine": "gpt"}, "unknown engine"),
        ({"engine": "llm"}, "--model"),
        ({"max_retries": -1}, "--max-retries"),
    ],
)
def test_bad_settings_are_config_errors(kwargs: dict[str, object], needle: str) -> None:
    with pytest.raises(ConfigError, match=needle):
        Settings.from_env(**kwargs).check()


def test_engine_and_mode_are_typed_members_and_plain_strings_still_work() -> None:
    settings = Settings(engine="offline", mode="tools")
    assert settings.engine is EngineName.OFFLINE and settings.mode is ModeName.TOOLS
    assert settings.engine == "offline" and f"{settings.mode}" == "tools"
    assert Settings().mode is ModeName.AUTO  # picked per endpoint (#14)
    assert Settings.from_env(engine="llm", model="m", base_url="http://x").resolved_engine() is (
        EngineName.LLM
    )


def test_every_mode_names_an_instructor_mode() -> None:
    import instructor

    from summarize.engines.llm.client import instructor_mode

    for mode in ModeName:
        if mode is ModeName.AUTO:  # resolved to one of the others per endpoint
            with pytest.raises(ConfigError, match="resolved per endpoint"):
                instructor_mode(mode.value)
            continue
        assert instructor_mode(mode.value) is instructor.Mode(mode.instructor_mode)
    assert instructor_mode("json") is instructor.Mode.JSON_SCHEMA
    assert instructor_mode("tools") is instructor.Mode.TOOLS
    with pytest.raises(ConfigError, match="choose from: auto, json, md_json, tools"):
        instructor_mode("xml")
