"""Time the loader and the offline pipeline on the large bad-input cases.

    /work/venv/bin/python benchmarks/bad_input_scale.py [--files 2000]

Prints: seconds to load N small files, seconds for ``summarize run`` over
them with the offline engine, and seconds to refuse a 20 MB file."""

from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from typer.testing import CliRunner

from summarize.cli import app
from summarize.loader import load_folder, scan_folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=2000)
    args = parser.parse_args()
    for key in ("OPENAI_API_KEY", "OPENAI_BASE_URL", "SUMMARIZE_MODEL"):
        os.environ.pop(key, None)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "many"
        folder.mkdir()
        for i in range(args.files):
            (folder / f"a{i:05d}.txt").write_text(f"Officials said {i} boats were counted.\n")
        start = time.perf_counter()
        loaded = len(load_folder(folder))
        load_s = time.perf_counter() - start
        print(f"load_folder: {loaded} files in {load_s:.2f} s")

        out = Path(tmp) / "out.json"
        start = time.perf_counter()
        result = CliRunner().invoke(
            app, ["run", str(folder), "-o", str(out), "--engine", "offline"]
        )
        run_s = time.perf_counter() - start
        print(f"summarize run --engine offline: exit {result.exit_code}, {run_s:.2f} s")

        big = Path(tmp) / "big"
        big.mkdir()
        (big / "huge.txt").write_bytes(b"The mayor said the bridge is closed. " * 570_000)
        (big / "small.txt").write_text("Police said two people were hurt.\n")
        start = time.perf_counter()
        report = scan_folder(big)
        refuse_s = time.perf_counter() - start
        size = (big / "huge.txt").stat().st_size
        print(
            f"20 MB file ({size:,} bytes): {len(report.skipped)} refused, "
            f"{len(report.articles)} loaded, in {refuse_s * 1000:.1f} ms"
        )


if __name__ == "__main__":
    main()
