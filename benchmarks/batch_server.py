"""The loopback fake OpenAI server in its own process, so its work does not share
the benchmarked process's interpreter lock.

    python benchmarks/batch_server.py --latency 0.5 --responder auto|faulty:0.2|mapreduce
"""

from __future__ import annotations

import argparse
import contextlib
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))


@contextlib.contextmanager
def server_process(
    latency: float, responder: str = "auto", timeout_hang: float = 2.0
) -> Iterator[str]:
    """Start the server in a subprocess; yield its base URL; stop it."""
    proc = subprocess.Popen(
        [
            sys.executable,
            __file__,
            "--latency",
            str(latency),
            "--responder",
            responder,
            "--hang",
            str(timeout_hang),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        line = proc.stdout.readline().strip()
        if not line.startswith("http"):
            raise RuntimeError(f"fake server did not start: {line!r}")
        yield line
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def main() -> None:
    from batch_fakes import faulty, mapreduce_reply
    from fake_openai import FakeOpenAI, auto_reply

    parser = argparse.ArgumentParser()
    parser.add_argument("--latency", type=float, default=0.0)
    parser.add_argument("--responder", default="auto")
    parser.add_argument("--hang", type=float, default=2.0)
    args = parser.parse_args()
    if args.responder.startswith("faulty:"):
        responder = faulty(float(args.responder.split(":", 1)[1]), hang=args.hang)
    elif args.responder == "mapreduce":
        responder = mapreduce_reply
    else:
        responder = auto_reply
    server = FakeOpenAI(latency=args.latency, responder=responder).start()
    print(server.base_url, flush=True)
    while True:
        time.sleep(3600)


if __name__ == "__main__":
    main()
