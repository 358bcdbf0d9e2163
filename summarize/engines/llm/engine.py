"""The ``llm`` compose engine: prompt templates + evidence bundle -> any
OpenAI-compatible endpoint through instructor -> a verified
:class:`~summarize.models.EventSummary`.

- The model is asked for :class:`~summarize.engines.llm.validation.SummaryReply`
  (the :class:`~summarize.models.SummaryBody` fields) in the configured
  instructor mode (``json`` = ``Mode.JSON_SCHEMA``, ``md_json``, ``tools``).
- Validation runs with the articles as context; a failing reply is sent back
  (instructor's re-ask) at most ``settings.max_retries`` times. Replies cut
  off at the length limit, empty replies and malformed JSON are retried within
  the same bound. Then :class:`~summarize.errors.ValidationExhaustedError`
  carries the last raw reply and its failures.
- Transport faults are retried by the openai client; what is left becomes a
  :class:`~summarize.errors.ModelError` that says what happened and what to do.
- Usage is summed over every attempt (:class:`~summarize.engines.llm.usage.AttemptLog`).

instructor renders message contents as Jinja whenever a validation context is
given. So no context is given: the articles reach the grounding validator
through :func:`~summarize.engines.llm.validation.grounding_articles`, and the
rendered messages go out as they are (``textwrap.dedent``-ed, as instructor's
template pass did, so requests and cache keys stay byte-identical). Jinja
never parses article text, and ``{%`` or ``{{`` in an article reaches the
model untouched; nor is a template compiled per request.
"""

from __future__ import annotations

import json
import logging
import weakref
from dataclasses import dataclass, replace
from textwrap import dedent
from typing import Any

import openai
from instructor.core import IncompleteOutputException, InstructorError
from pydantic import BaseModel, ValidationError
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt

from summarize.config import Settings
from summarize.engines.llm.budget import check_context, estimate_tokens, reply_budget
from summarize.engines.llm.client import build_instructor, build_openai_client, redact
from summarize.engines.llm.endpoints import Profile, detect, refuses_schema, response_format
from summarize.engines.llm.pointers import (
    Grounding,
    ground_reply,
    reask_message,
    structural_reask_message,
)
from summarize.engines.llm.prompting import ChatMessage, prompt_version, render_messages
from summarize.engines.llm.usage import AttemptLog
from summarize.engines.llm.validation import TRUNCATED, describe_failure
from summarize.engines.llm.wire import SummaryReply
from summarize.errors import ModelError, ValidationExhaustedError
from summarize.evidence.types import EvidenceBundle
from summarize.models import SCHEMA_VERSION, EventSummary, Provenance, TokenUsage
from summarize.strict_schema import strict_schema
from summarize.version import __version__

LOG = logging.getLogger("summarize")


def _shape(bundle: EvidenceBundle) -> int:
    """A cheap fingerprint of what a bundle holds (it is a mutable model)."""
    return hash(
        (
            tuple(id(a) for a in bundle.articles),
            len(bundle.sentences),
            len(bundle.attributions),
            len(bundle.duplicates),
        )
    )


def _is_reply_fault(exc: BaseException) -> bool:
    """A fault of the model's reply (worth asking again), not of the transport."""
    if isinstance(exc, openai.OpenAIError):
        return False
    return isinstance(exc, ValidationError | json.JSONDecodeError | IncompleteOutputException) or (
        isinstance(exc, InstructorError) and type(exc).__name__ == "ResponseParsingError"
    )


def validation_retrying(max_retries: int) -> AsyncRetrying:
    """instructor's retry policy: re-ask after a reply fault, at most ``max_retries``
    times; anything else (a transport error) stops at once."""
    return AsyncRetrying(
        stop=stop_after_attempt(max_retries + 1),
        retry=retry_if_exception(_is_reply_fault),
        reraise=True,
    )


class LLMEngine:
    """Compose a summary with a model behind any OpenAI-compatible endpoint."""

    name = "llm"

    def __init__(
        self,
        settings: Settings,
        *,
        client: openai.AsyncOpenAI | None = None,
        http_client: Any = None,
    ) -> None:
        self.settings = settings
        self.client = client or build_openai_client(settings, http_client=http_client)
        self._instructors: dict[str, Any] = {}
        if settings.mode != "auto":
            self.instructor_for(settings.mode)  # an unknown mode fails here, not mid-run
        self._endpoint: Profile | None = None
        self.prompt_version = prompt_version()
        self._last: tuple[weakref.ref[EvidenceBundle], int, list[ChatMessage]] | None = None
        self.last_run: RunStats | None = None

    def instructor_for(self, mode: str) -> Any:
        """instructor's wrapper over the client in ``mode`` (one per mode, kept)."""
        if mode not in self._instructors:
            self._instructors[mode] = build_instructor(self.client, mode)
        return self._instructors[mode]

    async def endpoint(self) -> Profile:
        """What kind of server the endpoint is (asked once; see
        :mod:`~summarize.engines.llm.endpoints`)."""
        if self._endpoint is None:
            self._endpoint = await detect(self.client, self.settings.base_url)
        return self._endpoint

    def mode_for(self, profile: Profile) -> str:
        """The structured-output mode to use with ``profile``."""
        return profile.mode if self.settings.mode == "auto" else self.settings.mode

    def messages(self, bundle: EvidenceBundle) -> list[ChatMessage]:
        """The messages for ``bundle`` exactly as the endpoint receives them.

        The last bundle's messages are kept, so asking for them (a budget
        estimate, a benchmark) and then composing renders the prompt once; a
        bundle changed in between (new articles, sentences or relations) is
        rendered again."""
        shape = _shape(bundle)
        last = self._last
        if last is not None and last[0]() is bundle and last[1] == shape:
            return [ChatMessage(role=m["role"], content=m["content"]) for m in last[2]]
        rendered = render_messages(bundle)
        self._last = (weakref.ref(bundle), shape, rendered)
        return [ChatMessage(role=m["role"], content=m["content"]) for m in rendered]

    def prompt_chars(self, bundle: EvidenceBundle) -> int:
        """Characters of the messages for ``bundle``."""
        return sum(len(m["content"]) for m in self.messages(bundle))

    def response_schema(self) -> dict[str, Any]:
        """The reply schema sent with each request (the strict wire schema)."""
        return SummaryReply.model_json_schema()

    def request_options(
        self,
        *,
        mode: str | None = None,
        profile: Profile | None = None,
        response_model: type[BaseModel] = SummaryReply,
        max_tokens: int | None = None,
    ) -> dict[str, Any]:
        """The options sent with a request: sampling always; with a ``mode`` and
        ``profile``, the reply limit and the structured-output form the server takes
        (sent as ``extra_body``, which replaces what instructor put there)."""
        options: dict[str, Any] = {
            "model": self.settings.model,
            "temperature": self.settings.temperature,
        }
        if self.settings.seed is not None:
            options["seed"] = self.settings.seed
        if max_tokens is not None:
            options["max_tokens"] = max_tokens
        if profile is None:
            return options
        extra: dict[str, Any] = {}
        if mode == "json" and profile.schema_form != "json_schema":
            schema = strict_schema(response_model.model_json_schema())
            extra["response_format"] = response_format(
                profile.schema_form, response_model.__name__, schema
            )
        if mode == "tools":
            if profile.strict_tools:  # instructor's own ``strict=`` means strict parsing
                extra["tools"] = [strict_tool(response_model)]
            if profile.tool_choice == "required":
                extra["tool_choice"] = "required"
        if extra:
            options["extra_body"] = extra
        return options

    async def budget(self, messages: list[dict[str, str]]) -> tuple[Profile, int]:
        """The endpoint's profile and the reply's ``max_tokens``; raises
        :class:`~summarize.errors.PromptTooLongError` before sending a prompt the
        endpoint's context cannot hold."""
        profile = await self.endpoint()
        schema = json.dumps(SummaryReply.model_json_schema())
        prompt_tokens = sum(estimate_tokens(m["content"]) for m in messages)
        prompt_tokens += estimate_tokens(schema)
        context = self.settings.context_tokens or profile.context_tokens
        check_context(
            prompt_tokens,
            context,
            where=self.settings.base_url or "https://api.openai.com/v1",
            setting=profile.context_setting,
        )
        limit = self.settings.max_tokens or reply_budget(prompt_tokens, context_tokens=context)
        return profile, limit

    async def compose(self, bundle: EvidenceBundle) -> EventSummary:
        """Ask the model for a summary of ``bundle`` and return it with provenance.

        Each attempt sends the prompt alone, or the prompt, the last reply and a
        message naming what was wrong with it (never the growing conversation):
        after a reply that could not be read (not JSON, not the schema, cut at
        the length limit, empty), and after one that
        :func:`~summarize.engines.llm.pointers.ground_reply` says needs asking
        again. When the attempts run out, the best acceptable grounding (most
        claims kept) is the record; with none, :class:`ValidationExhaustedError`.

        In ``--mode auto`` a server that refuses the JSON schema (HTTP 400/422/500
        naming it) is asked again in md_json, once, with a warning."""
        prompt = [
            {"role": m["role"], "content": dedent(m["content"])} for m in self.messages(bundle)
        ]
        profile, max_tokens = await self.budget(prompt)
        mode = self.mode_for(profile)
        log = AttemptLog()
        messages = prompt
        best: Grounding | None = None
        attempts = self.settings.max_retries + 1
        attempt = 0
        while attempt < attempts:
            try:
                reply = await self.instructor_for(mode).create(
                    response_model=SummaryReply,
                    messages=messages,
                    max_retries=validation_retrying(0),
                    hooks=log.hooks(),
                    **self.request_options(mode=mode, profile=profile, max_tokens=max_tokens),
                )
            except Exception as exc:
                refused = _schema_refusal(exc)
                if refused is not None and self.settings.mode == "auto" and mode == "json":
                    LOG.warning(
                        "the endpoint refused the JSON schema (HTTP %s: %s); falling back to "
                        "--mode md_json, where the output is not constrained",
                        refused.status_code,
                        _server_message(refused),
                    )
                    mode = "md_json"
                    self._endpoint = replace(profile, mode="md_json", constrained=False)
                    continue
                if not _is_reply_fault_chain(exc):
                    raise self._translate(exc, log) from None
                attempt += 1
                failures = log.last_failures or describe_failure(exc)
                messages = _reask(prompt, log.last_reply, structural_reask_message(failures))
                continue
            attempt += 1
            grounding = ground_reply(reply, bundle)
            if grounding.fatal or grounding.failures:
                log.failures.append(grounding.fatal + grounding.failures)
            if grounding.acceptable and (
                best is None or len(grounding.body.claims) >= len(best.body.claims)
            ):
                best = grounding
            if not grounding.needs_reask:
                best = grounding
                break
            messages = _reask(prompt, log.last_reply, reask_message(grounding))
        self.last_run = RunStats(
            attempts=len(log.replies), grounding=best, usage=log.usage, mode=mode
        )
        if best is None:
            cut = TRUNCATED in log.last_failures
            raise ValidationExhaustedError(
                f"the model's reply failed validation on all {len(log.replies)} attempt(s) "
                f"(--max-retries {self.settings.max_retries}); the last reply is attached. "
                + (
                    f"It was cut at max_tokens {max_tokens}: raise --max-tokens"
                    if cut
                    else "Try a stronger model, --mode tools or md_json, or more --max-retries"
                ),
                last_reply=log.last_reply,
                failures=log.last_failures,
            )
        best.log()
        return EventSummary(
            **best.body.model_dump(),
            dropped=best.dropped,
            provenance=Provenance(
                engine=self.name,
                model=self.settings.model,
                mode=mode,
                prompt_version=self.prompt_version,
                schema_version=SCHEMA_VERSION,
                tool_version=__version__,
                usage=log.usage,
            ),
        )

    def _translate(self, exc: Exception, log: AttemptLog) -> Exception:
        """The package error for whatever instructor or openai raised."""
        cause: BaseException = exc
        while not isinstance(cause, openai.OpenAIError) and cause.__cause__ is not None:
            if _is_reply_fault(cause):
                break
            cause = cause.__cause__
        if isinstance(cause, openai.OpenAIError):
            return transport_error(cause, self.settings)
        if _is_reply_fault(cause) or log.failures:
            attempts = len(log.replies)
            return ValidationExhaustedError(
                f"the model's reply failed validation on all {attempts} attempt(s) "
                f"(--max-retries {self.settings.max_retries}); the last reply is attached. "
                "Try a stronger model, --mode tools or md_json, or more --max-retries",
                last_reply=log.last_reply,
                failures=log.last_failures,
            )
        return ModelError(
            redact(
                f"the model call failed: {type(cause).__name__}: {cause}", self.settings.api_key()
            )
        )


@dataclass
class RunStats:
    """What the last :meth:`LLMEngine.compose` took: attempts, the grounding kept
    (dropped and repaired items), and tokens. For benchmarks and reports."""

    attempts: int
    grounding: Grounding | None
    usage: TokenUsage
    mode: str


def _reask(
    prompt: list[dict[str, str]], last_reply: str | None, message: str
) -> list[dict[str, str]]:
    """The prompt, the last reply and what was wrong with it: nothing older."""
    return [
        *prompt,
        {"role": "assistant", "content": last_reply or ""},
        {"role": "user", "content": message},
    ]


def strict_tool(model: type[BaseModel]) -> dict[str, Any]:
    """The function definition of tools mode with OpenAI's ``strict: true``."""
    function = dict(
        name=model.__name__,
        description=(model.__doc__ or "").strip(),
        parameters=strict_schema(model.model_json_schema()),
        strict=True,
    )
    return {"type": "function", "function": function}


def _schema_refusal(exc: BaseException) -> openai.APIStatusError | None:
    """The HTTP error in ``exc``'s chain when it is the server refusing the schema."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, openai.APIStatusError):
            return seen if refuses_schema(seen) else None
        seen = seen.__cause__ or seen.__context__
    return None


def _is_reply_fault_chain(exc: BaseException) -> bool:
    """True when ``exc`` (or what caused it) is a fault of the reply, not of the transport."""
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, openai.OpenAIError):
            return False
        if _is_reply_fault(seen):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def transport_error(exc: openai.OpenAIError, settings: Settings) -> ModelError:
    """A :class:`ModelError` saying what the endpoint did and what to do about it."""
    where = settings.base_url or "https://api.openai.com/v1"
    key = settings.api_key()
    if isinstance(exc, openai.APITimeoutError):
        text = (
            f"the model endpoint {where} did not answer within {settings.timeout:g} s, "
            "even after retries; check the server's load or raise the timeout"
        )
    elif isinstance(exc, openai.APIConnectionError) and _cut_short(exc):
        text = (
            f"the model endpoint {where} closed the connection in the middle of its reply "
            f"({_root_message(exc)}), even after retries; the server may have crashed or run "
            "out of memory, or a proxy cut the response: check the server's log"
        )
    elif isinstance(exc, openai.APIConnectionError):
        text = (
            f"could not reach the model endpoint {where} (connection failed or was dropped, "
            "even after retries); check that the server is running and --base-url is right"
        )
    elif isinstance(exc, openai.AuthenticationError | openai.PermissionDeniedError):
        text = (
            f"the model endpoint {where} refused the API key (HTTP {exc.status_code}); "
            f"set {settings.api_key_env} to a valid key"
        )
    elif isinstance(exc, openai.NotFoundError):
        text = (
            f"the model endpoint {where} answered HTTP 404 for model '{settings.model}'; "
            "check --model and --base-url (it usually ends in /v1)"
        )
    elif isinstance(exc, openai.RateLimitError):
        text = (
            f"the model endpoint {where} kept answering HTTP 429 (rate limited) after "
            "retries; wait, lower the concurrency, or raise your rate limit"
        )
    elif isinstance(exc, openai.APIStatusError) and refuses_schema(exc):
        text = (
            f"the model endpoint {where} refused the JSON schema of --mode {settings.mode} "
            f"(HTTP {exc.status_code}: {_server_message(exc)}); it does not take the "
            "response_format sent: use --mode auto (the default picks the form each known "
            "server takes), or --mode md_json"
        )
    elif isinstance(exc, openai.InternalServerError):
        text = (
            f"the model endpoint {where} kept failing with HTTP {exc.status_code} after "
            "retries; try again later or check the server's logs"
        )
    elif isinstance(exc, openai.APIStatusError):
        text = (
            f"the model endpoint {where} rejected the request (HTTP {exc.status_code}: "
            f"{_server_message(exc)}); if it does not support structured outputs, "
            "try --mode md_json or --mode tools"
        )
    else:
        text = f"the model call failed: {type(exc).__name__}: {exc}"
    return ModelError(redact(text, key))


_CUT_SHORT = ("incomplete", "complete message body", "peer closed")


def _root_message(exc: BaseException) -> str:
    """The message of the innermost cause (the HTTP library's own words)."""
    while exc.__cause__ is not None:
        exc = exc.__cause__
    return str(exc)[:200]


def _cut_short(exc: BaseException) -> bool:
    """True when a connection error is a response body that stopped part way
    (``Content-Length`` not reached), not a server that could not be reached."""
    seen: BaseException | None = exc
    while seen is not None:
        if any(marker in str(seen).lower() for marker in _CUT_SHORT):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _server_message(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict):
        message = body.get("message") or (body.get("error") or {}).get("message")
        if message:
            return str(message)[:300]
    return str(exc.message)[:300]
