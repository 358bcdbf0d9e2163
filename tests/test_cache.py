"""The reply cache: keys, what is stored and what never is."""

from __future__ import annotations

from pathlib import Path

from summarize.batch.cache import ReplyCache, cache_key

BODY = {
    "model": "m",
    "messages": [{"role": "user", "content": "hi"}],
    "temperature": 0.0,
    "response_format": {"type": "json_schema", "json_schema": {"name": "S", "schema": {}}},
}


def test_the_key_changes_with_everything_that_shapes_the_reply() -> None:
    base = cache_key(url="http://h/v1/chat/completions", body=BODY, prompt_version="1")
    assert base == cache_key(
        url="http://h/v1/chat/completions", body=dict(reversed(BODY.items())), prompt_version="1"
    )
    variants = [
        cache_key(url="http://other/v1/chat/completions", body=BODY, prompt_version="1"),
        cache_key(url="http://h/v1/chat/completions", body=BODY, prompt_version="2"),
        cache_key(
            url="http://h/v1/chat/completions", body={**BODY, "model": "n"}, prompt_version="1"
        ),
        cache_key(
            url="http://h/v1/chat/completions",
            body={**BODY, "temperature": 0.5},
            prompt_version="1",
        ),
        cache_key(url="http://h/v1/chat/completions", body={**BODY, "seed": 1}, prompt_version="1"),
        cache_key(
            url="http://h/v1/chat/completions",
            body={**BODY, "messages": [{"role": "user", "content": "hi!"}]},
            prompt_version="1",
        ),
        cache_key(
            url="http://h/v1/chat/completions",
            body={**BODY, "response_format": {"type": "json_object"}},
            prompt_version="1",
        ),
    ]
    assert len({base, *variants}) == len(variants) + 1


def test_stored_replies_survive_reopening(tmp_path: Path) -> None:
    with ReplyCache(tmp_path / "c") as cache:
        assert cache.get("k") is None
        cache.put("k", b'{"ok": 1}', model="m", prompt_tokens=3, completion_tokens=4)
    with ReplyCache(tmp_path / "c") as cache:
        hit = cache.get("k")
        assert hit is not None and hit.body == b'{"ok": 1}' and hit.completion_tokens == 4
        assert len(cache) == 1
