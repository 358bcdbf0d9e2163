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
import weakref
from textwrap import dedent
from typing import Any

import openai
from instructor.core import IncompleteOutputException, InstructorError
from pydantic import ValidationError
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt

from summarize.config import Settings
from summarize.engines.llm.client import build_instructor, build_openai_client, redact
from summarize.engines.llm.prompting import ChatMessage, prompt_version, render_messages
from summarize.engines.llm.usage import AttemptLog
from summarize.engines.llm.validation import SummaryReply, grounding_articles
from summarize.errors import ModelError, ValidationExhaustedError
from summarize.evidence.types import EvidenceBundle
from summarize.models import SCHEMA_VERSION, EventSummary, Provenance
from summarize.version import __version__


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
        self._instructor = build_instructor(self.client, settings.mode)
        self.prompt_version = prompt_version()
        self._last: tuple[weakref.ref[EvidenceBundle], int, list[ChatMessage]] | None = None

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
        """The reply schema sent with each request."""
        return SummaryReply.model_json_schema()

    def request_options(self) -> dict[str, Any]:
        """The sampling options sent with every request."""
        options: dict[str, Any] = {
            "model": self.settings.model,
            "temperature": self.settings.temperature,
        }
        if self.settings.seed is not None:
            options["seed"] = self.settings.seed
        return options

    async def compose(self, bundle: EvidenceBundle) -> EventSummary:
        """Ask the model for a summary of ``bundle`` and return it with provenance."""
        messages = [
            {"role": m["role"], "content": dedent(m["content"])} for m in self.messages(bundle)
        ]
        log = AttemptLog()
        try:
            with grounding_articles(bundle.articles):
                reply = await self._instructor.create(
                    response_model=SummaryReply,
                    messages=messages,
                    max_retries=validation_retrying(self.settings.max_retries),
                    hooks=log.hooks(),
                    **self.request_options(),
                )
        except Exception as exc:
            raise self._translate(exc, log) from None
        body = reply.to_body() if isinstance(reply, SummaryReply) else reply
        return EventSummary(
            **body.model_dump(),
            provenance=Provenance(
                engine=self.name,
                model=self.settings.model,
                mode=self.settings.mode,
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


def transport_error(exc: openai.OpenAIError, settings: Settings) -> ModelError:
    """A :class:`ModelError` saying what the endpoint did and what to do about it."""
    where = settings.base_url or "https://api.openai.com/v1"
    key = settings.api_key()
    if isinstance(exc, openai.APITimeoutError):
        text = (
            f"the model endpoint {where} did not answer within {settings.timeout:g} s, "
            "even after retries; check the server's load or raise the timeout"
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


def _server_message(exc: openai.APIStatusError) -> str:
    body = exc.body
    if isinstance(body, dict):
        message = body.get("message") or (body.get("error") or {}).get("message")
        if message:
            return str(message)[:300]
    return str(exc.message)[:300]
