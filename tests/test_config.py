"""Engine choice and settings from the standard environment variables."""

from __future__ import annotations

import pytest

from summarize.config import Settings
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
