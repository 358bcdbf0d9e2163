"""A fake OpenAI-compatible chat-completions server for tests and benchmarks.

No model API is reachable where this project is developed, so the ``llm``
engine is exercised against this server on 127.0.0.1: it records every
request and answers from a script of :class:`Reply` specs, including faults
(HTTP errors with ``Retry-After``, delays past the client timeout, dropped
connections, truncated bodies, malformed content).

Usage::

    server = FakeOpenAI().start()
    server.script(Reply.error(429, retry_after=0.1), Reply.json({"a": 1}))
    client = openai.AsyncOpenAI(base_url=server.base_url, api_key="test")
    ...
    server.requests[-1].body["messages"]  # what the model was sent
    server.reset()  # between tests
    server.stop()

When the script is empty the server asks ``server.responder`` (a callable
taking the parsed request body and returning a :class:`Reply` or a content
string); :func:`auto_reply` builds a valid, grounded ``SummaryBody`` from the
documents in the prompt, which is what batch benchmarks want. With neither,
the server answers HTTP 400 ("no scripted reply"), which the openai client
does not retry, so a test that under-scripts fails fast and loudly.

Replies go out as ``message.content`` unless the request carries ``tools``,
in which case the content becomes the arguments of a tool call to the
requested function (how instructor's TOOLS mode reads them).
"""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

Responder = Callable[[dict[str, Any]], "Reply | str"]


@dataclass(frozen=True)
class Reply:
    """One scripted answer. Build with the class methods rather than directly.

    ``content`` is the assistant message text (or tool-call arguments);
    ``status``/``error_body``/``headers`` make an HTTP error; ``delay`` waits
    before answering; ``drop`` closes the connection without a response;
    ``truncate`` sends only part of the body then closes."""

    content: str | None = ""
    finish_reason: str = "stop"
    usage: dict[str, int] | None = None
    status: int = 200
    error_body: dict[str, Any] | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drop: bool = False
    truncate: bool = False
    raw_body: bytes | None = None

    @classmethod
    def text(
        cls,
        content: str | None,
        *,
        finish_reason: str = "stop",
        usage: dict[str, int] | None = None,
        delay: float = 0.0,
    ) -> Reply:
        """A normal reply whose message content is ``content`` (may be malformed)."""
        return cls(content=content, finish_reason=finish_reason, usage=usage, delay=delay)

    @classmethod
    def json(
        cls,
        obj: Any,
        *,
        finish_reason: str = "stop",
        usage: dict[str, int] | None = None,
        delay: float = 0.0,
    ) -> Reply:
        """A normal reply whose content is ``obj`` serialised as JSON."""
        return cls.text(json.dumps(obj), finish_reason=finish_reason, usage=usage, delay=delay)

    @classmethod
    def error(
        cls,
        status: int,
        *,
        retry_after: float | None = None,
        message: str | None = None,
        delay: float = 0.0,
    ) -> Reply:
        """An HTTP error (429, 500, ...) in the OpenAI error shape, with an
        optional ``Retry-After`` header (seconds)."""
        headers: dict[str, str] = {}
        if retry_after is not None:
            headers["Retry-After"] = f"{retry_after:g}"
        body = {
            "error": {
                "message": message or f"fake server: scripted HTTP {status}",
                "type": "server_error" if status >= 500 else "invalid_request_error",
                "code": None,
            }
        }
        return cls(content=None, status=status, error_body=body, headers=headers, delay=delay)

    @classmethod
    def hang(cls, seconds: float) -> Reply:
        """Wait ``seconds`` before answering (use a value past the client timeout)."""
        return cls.text('{"late": true}', delay=seconds)

    @classmethod
    def dropped(cls) -> Reply:
        """Close the connection without sending any response."""
        return cls(content=None, drop=True)

    @classmethod
    def truncated(cls) -> Reply:
        """Send the status line and headers, then half the body, then close."""
        return cls(content='{"truncated": "body"}', truncate=True)

    @classmethod
    def raw(cls, body: bytes, *, status: int = 200) -> Reply:
        """Send ``body`` verbatim as the HTTP response body (e.g. broken JSON)."""
        return cls(content=None, raw_body=body, status=status)


@dataclass(frozen=True)
class RecordedRequest:
    """One request the server received."""

    method: str
    path: str
    headers: dict[str, str]
    body: Any
    raw: bytes
    received_at: float


def estimate_tokens(text: str) -> int:
    """A stable, crude token count (4 characters a token) for scripted usage."""
    return max(1, len(text) // 4)


def _completion(request: dict[str, Any], reply: Reply, created: int, n: int) -> dict[str, Any]:
    """The chat.completion JSON body for ``reply`` to ``request``."""
    content = reply.content
    message: dict[str, Any] = {"role": "assistant", "content": content}
    tools = request.get("tools") or []
    if tools and content is not None:
        name = tools[0].get("function", {}).get("name", "tool")
        choice = request.get("tool_choice")
        if isinstance(choice, dict):
            name = choice.get("function", {}).get("name", name)
        message = {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": f"call_{n}",
                    "type": "function",
                    "function": {"name": name, "arguments": content},
                }
            ],
        }
    if reply.usage is not None:
        usage = dict(reply.usage)
        usage.setdefault(
            "total_tokens", usage.get("prompt_tokens", 0) + usage.get("completion_tokens", 0)
        )
    else:
        prompt = sum(
            estimate_tokens(str(m.get("content") or "")) for m in request.get("messages", [])
        )
        completion = estimate_tokens(content or "")
        usage = {
            "prompt_tokens": prompt,
            "completion_tokens": completion,
            "total_tokens": prompt + completion,
        }
    return {
        "id": f"chatcmpl-fake-{n}",
        "object": "chat.completion",
        "created": created,
        "model": request.get("model", "fake"),
        "choices": [
            {
                "index": 0,
                "message": message,
                "finish_reason": (
                    "tool_calls"
                    if message.get("tool_calls") and reply.finish_reason == "stop"
                    else reply.finish_reason
                ),
                "logprobs": None,
            }
        ],
        "usage": usage,
    }


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:  # silence stderr
        return

    def do_GET(self) -> None:
        if self.path.rstrip("/").endswith("/models"):
            model: dict[str, Any] = {"id": "fake", "object": "model"}
            model.update(self.server.fake.model_card)
            self._send_json(200, {"object": "list", "data": [model]})
        else:
            self._send_json(404, {"error": {"message": f"no route {self.path}"}})

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        try:
            body: Any = json.loads(raw) if raw else None
        except json.JSONDecodeError:
            body = None
        fake = self.server.fake
        fake._record(
            RecordedRequest(
                method="POST",
                path=self.path,
                headers={k.lower(): v for k, v in self.headers.items()},
                body=body,
                raw=raw,
                received_at=time.monotonic(),
            )
        )
        if not self.path.rstrip("/").endswith("/chat/completions"):
            self._send_json(404, {"error": {"message": f"no route {self.path}"}})
            return
        request = body if isinstance(body, dict) else {}
        refused = fake.refusal(request)
        reply, generation = (refused, fake._generation) if refused else fake._next_reply(request)
        wait = fake.latency + (reply.delay if reply else 0.0)
        if wait > 0 and generation.wait(wait):
            # the server was reset or stopped while this request waited
            self.close_connection = True
            return
        if reply is None:
            self._send_json(
                400,
                {"error": {"message": "fake server: no scripted reply left", "type": "test"}},
            )
            return
        self._send_reply(request, fake.imitate(request, reply), fake._count())

    def _send_reply(self, request: dict[str, Any], reply: Reply, n: int) -> None:
        if reply.drop:
            self.close_connection = True
            return
        if reply.raw_body is not None:
            self._send_bytes(reply.status, reply.raw_body, reply.headers)
            return
        if reply.status != 200:
            self._send_json(reply.status, reply.error_body or {}, reply.headers)
            return
        data = json.dumps(_completion(request, reply, int(time.time()), n)).encode()
        if reply.truncate:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: len(data) // 2])
            self.wfile.flush()
            self.close_connection = True
            return
        self._send_bytes(200, data, reply.headers)

    def _send_json(self, status: int, obj: Any, headers: dict[str, str] | None = None) -> None:
        self._send_bytes(status, json.dumps(obj).encode(), headers or {})

    def _send_bytes(self, status: int, data: bytes, headers: dict[str, str]) -> None:
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            for key, value in headers.items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(data)
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):  # client gave up (timeout)
            self.close_connection = True


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256

    def __init__(self, fake: FakeOpenAI, address: tuple[str, int]) -> None:
        self.fake = fake
        super().__init__(address, _Handler)


LLAMA_CPP_PYTHON_SCHEMA_ERROR = (
    "1 validation error for CreateChatCompletionRequest\nresponse_format.type\n"
    "  Input should be 'text' or 'json_object' [type=literal_error, "
    "input_value='json_schema', input_type=str]"
)


@dataclass
class Imitation:
    """Behaviours of real servers the fake can put on (all off by default):

    - ``refuse_json_schema``: answer ``response_format: {"type": "json_schema"}``
      with HTTP 500 and the pydantic message llama-cpp-python's server sends
      (its ``ResponseFormat`` takes only ``text`` and ``json_object``, with an
      optional ``schema``);
    - ``fences``: wrap the content in a ```json fence (Anthropic's compatibility
      layer, which ignores ``response_format``);
    - ``leading_prose``: put a sentence before the JSON (small local models);
    - ``max_tokens``: cut the content at the request's ``max_tokens`` (4
      characters a token) and report ``finish_reason: length``."""

    refuse_json_schema: bool = False
    fences: bool = False
    leading_prose: bool = False
    max_tokens: bool = False


class FakeOpenAI:
    """The server. Thread-safe: requests are served concurrently (one thread each).

    ``latency`` (seconds) is added to every reply; ``responder`` answers when
    the script is empty; ``imitation`` (an :class:`Imitation`) puts on a real
    server's behaviours; ``model_card`` adds fields to the one model ``GET
    /models`` lists (``{"owned_by": "me"}`` is how llama-cpp-python's server
    names itself, ``{"owned_by": "vllm", "max_model_len": N}`` vLLM)."""

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        latency: float = 0.0,
        responder: Responder | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self.latency = latency
        self.responder = responder
        self.imitation = Imitation()
        self.model_card: dict[str, Any] = {}
        self._lock = threading.Lock()
        self._script: list[Reply] = []
        self._requests: list[RecordedRequest] = []
        self._served = 0
        self._generation = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None

    # lifecycle -----------------------------------------------------------------
    def start(self) -> FakeOpenAI:
        """Bind (a free port unless one was given) and serve in a daemon thread."""
        if self._server is not None:
            return self
        self._server = _Server(self, (self.host, self.port))
        self.port = int(self._server.server_address[1])
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name=f"fake-openai-{self.port}",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        """Stop serving; requests that are still waiting are released."""
        self._generation.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> FakeOpenAI:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        """The OpenAI-style base URL, e.g. ``http://127.0.0.1:PORT/v1``."""
        return f"http://{self.host}:{self.port}/v1"

    # script and records -------------------------------------------------------
    def script(self, *replies: Reply | str | dict[str, Any]) -> FakeOpenAI:
        """Queue replies, answered in order. A ``str`` is message content; a ``dict``
        is serialised as JSON content."""
        queued = [
            r if isinstance(r, Reply) else Reply.text(r) if isinstance(r, str) else Reply.json(r)
            for r in replies
        ]
        with self._lock:
            self._script.extend(queued)
        return self

    @property
    def pending(self) -> int:
        """How many scripted replies are not used yet."""
        with self._lock:
            return len(self._script)

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every request received since the last reset, in arrival order."""
        with self._lock:
            return list(self._requests)

    @property
    def chat_requests(self) -> list[dict[str, Any]]:
        """The parsed bodies of the chat-completion requests."""
        return [
            r.body
            for r in self.requests
            if r.path.rstrip("/").endswith("/chat/completions") and isinstance(r.body, dict)
        ]

    def reset(self) -> None:
        """Forget the script, the recorded requests, the latency and the responder;
        release any request still waiting on a delay."""
        with self._lock:
            self._script.clear()
            self._requests.clear()
            self._served = 0
            old, self._generation = self._generation, threading.Event()
        old.set()
        self.latency = 0.0
        self.responder = None
        self.imitation = Imitation()
        self.model_card = {}

    def refusal(self, request: dict[str, Any]) -> Reply | None:
        """The error the imitated server answers ``request`` with before any model
        runs (a request form it does not take), or None."""
        response_format = request.get("response_format") or {}
        if self.imitation.refuse_json_schema and response_format.get("type") == "json_schema":
            return Reply.error(500, message=LLAMA_CPP_PYTHON_SCHEMA_ERROR)
        return None

    def imitate(self, request: dict[str, Any], reply: Reply) -> Reply:
        """``reply`` as the imitated server would send it for ``request``."""
        like = self.imitation
        if reply.status != 200 or reply.content is None or reply.raw_body is not None:
            return reply
        content = reply.content
        if like.fences:
            content = "```json\n" + content + "\n```"
        if like.leading_prose:
            content = "Here is the summary you asked for:\n" + content
        finish = reply.finish_reason
        limit = request.get("max_tokens") or request.get("max_completion_tokens")
        if like.max_tokens and isinstance(limit, int) and estimate_tokens(content) > limit:
            content, finish = content[: limit * 4], "length"
        if content == reply.content and finish == reply.finish_reason:
            return reply
        return replace(reply, content=content, finish_reason=finish)

    # used by the handler ------------------------------------------------------
    def _record(self, request: RecordedRequest) -> None:
        with self._lock:
            self._requests.append(request)

    def _count(self) -> int:
        with self._lock:
            self._served += 1
            return self._served

    def _next_reply(self, body: dict[str, Any]) -> tuple[Reply | None, threading.Event]:
        with self._lock:
            generation = self._generation
            if self._script:
                return self._script.pop(0), generation
            responder = self.responder
        if responder is None:
            return None, generation
        made = responder(body)
        return (made if isinstance(made, Reply) else Reply.text(made)), generation


# an automatic, grounded reply ------------------------------------------------------
_DOC_RE = re.compile(r'<document id="([^"]+)"[^>]*>\n(.*?)\n</document>', re.S)
_SENTENCE_RE = re.compile(r"[^.!?\n]{25,300}[.!?]")
_NUMBERED_RE = re.compile(r"^((?:\[[^\]\s]+\] )+)(.+)$", re.M)
_ID_RE = re.compile(r"\[([^\]\s]+)\]")
_CUE_RE = re.compile(r"\b(said|says|told|stated|according to|announced|denied|claimed)\b", re.I)


def prompt_documents(body: dict[str, Any]) -> list[tuple[str, str]]:
    """The ``(id, text)`` of every ``<document id="...">`` block in the request's
    messages (the fencing the project's prompt templates use)."""
    found: list[tuple[str, str]] = []
    for message in body.get("messages", []):
        content = message.get("content")
        if isinstance(content, str):
            found.extend((m.group(1), m.group(2)) for m in _DOC_RE.finditer(content))
    return found


def numbered_sentences(text: str) -> list[tuple[list[str], str]]:
    """The ``(sentence ids, text)`` lines of a prompt document (``[d2.s14] text``;
    an excerpt over several sentences carries each id: ``[d2.s3] [d2.s4] text``)."""
    return [(_ID_RE.findall(m.group(1)), m.group(2).strip()) for m in _NUMBERED_RE.finditer(text)]


def _picks(text: str, per_document: int) -> list[tuple[list[str] | None, str]]:
    """Sentences a careful model would cite: attributed ones first, then the opening."""
    numbered: list[tuple[list[str] | None, str]] = list(numbered_sentences(text))
    if not numbered:
        numbered = [(None, s.strip()) for s in _SENTENCE_RE.findall(text)]
    usable = [(i, s) for i, s in numbered if "<" not in s and ">" not in s and len(s) >= 25]
    cued = [p for p in usable if _CUE_RE.search(p[1])]
    chosen = (cued + [p for p in usable if p not in cued])[:per_document]
    return sorted(chosen, key=usable.index)


def auto_reply(
    body: dict[str, Any], *, style: str = "pointers", claims_per_document: int = 1
) -> Reply:
    """A valid summary grounded in the request's own documents: per document up to
    ``claims_per_document`` claims (sentences with an attribution cue first), each
    attributed to the document itself (the verifier accepts a document as its own
    source), its statement the sentence restated.

    ``style="pointers"`` cites the sentence ids the prompt shows (the wire format);
    ``style="quotes"`` copies each sentence as a quote with its document id (the
    replies the engine got before sentence ids). A prompt without sentence ids is
    answered with quotes. Numbers in a statement always come from its evidence."""
    docs = prompt_documents(body)
    claims: list[dict[str, Any]] = []
    documents: list[dict[str, Any]] = []
    n = 0
    for doc_id, text in docs:
        documents.append({"id": doc_id, "on_event": True, "reason": "reports the event"})
        for sentence_ids, sentence in _picks(text, claims_per_document):
            n += 1
            if style == "pointers" and sentence_ids:
                evidence: dict[str, Any] = {"sentence_ids": sentence_ids, "quote": None}
            else:
                evidence = {"document": doc_id, "quote": sentence}
            claims.append(
                {
                    "id": f"c{n}",
                    "statement": f"The report states: {sentence}",
                    "speaker": {
                        "name": f"the author of document {doc_id}",
                        "role": None,
                        "affiliation": None,
                    },
                    "quote": None,
                    "evidence": [evidence],
                    "reported_by": [doc_id],
                }
            )
    summary = {
        "event": {"title": "Reported event", "date": None, "location": None},
        "summary": f"{len(docs)} documents report the event; their claims are attributed below.",
        "claims": claims,
        "disputes": [],
        "documents": documents,
    }
    return Reply.json(summary)


def main(argv: list[str] | None = None) -> None:
    """Serve until interrupted: ``python tests/fake_openai.py --port 8765 [--latency 0.5]``.

    Every request is answered by :func:`auto_reply` (a grounded summary of the
    request's own documents), so ``summarize run`` can be tried with no model."""
    import argparse

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("--port", type=int, default=0, help="port (default: a free one)")
    parser.add_argument("--latency", type=float, default=0.0, help="seconds per reply")
    args = parser.parse_args(argv)
    server = FakeOpenAI(port=args.port, latency=args.latency, responder=auto_reply).start()
    print(f"fake OpenAI server on {server.base_url} (Ctrl-C to stop)", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
