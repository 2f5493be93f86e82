"""How fast and in how much memory ``readiness transcripts analyze`` measures a large WhatsApp export.

Usage:
    python benchmarks/transcripts_bench.py [--messages 1000000] [--runs 3] [--dir DIR] [--keep]

The export is generated first (not timed): an Android chat in English, month-first dates and a 12-hour clock,
MESSAGES messages over several years between a business and its customers' line (questions, answers, media,
multi-line messages, phone numbers and e-mail addresses to redact, switch and resolution phrases), about 80 bytes
a message: the 80 MB export of issue 16 at the default size. Each run is a fresh process running the command
line's own code path (``readiness.cli.main`` with ``transcripts analyze FILE --business NAME --json``), timed
from its start to its end, and reporting its own peak resident memory (ru_maxrss of itself, not of its parent).

Targets (issue 16, on the 2-core reference machine): <= 15 s and <= 500 MB peak for 1,000,000 messages, medians.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

BUSINESS = "Fernhill Dental"
CUSTOMER_LINES = (
    "Hi, do you have an appointment this week?",
    "Is the clinic open on Saturday?",
    "How much is a cleaning?\nI have insurance with Delta",
    "My number is +1 (555) 201-{:04d}, please call me back",
    "Still waiting for an answer",
    "Perfect, thanks",
    "<Media omitted>",
    "Can I pay with card?",
    "Hello, I would like to move my appointment from Tuesday to Friday afternoon if there is a free slot",
)
BUSINESS_LINES = (
    "Hello! Yes, we have openings on Thursday at 10 am.",
    "A cleaning is $120 without insurance.",
    "Please call us at (555) 201-3344 to book.",
    "Send us an email at front.desk{:d}@example.com with your details.",
    "<Media omitted>",
    "You're welcome, see you soon!",
    "Thanks for writing to us. Friday at 3 pm is free; shall we book it for you? Reply YES to confirm.",
)
TARGET_SECONDS, TARGET_MB = 15.0, 500.0

CHILD = r"""
import resource, sys, time
started = time.perf_counter()
from readiness.cli import main
code = main(["transcripts", "analyze", sys.argv[1], "--business", sys.argv[2], "--json"])
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
sys.stderr.write(f"BENCH {time.perf_counter() - started:.3f} {peak_kb / 1024:.1f} {code}\n")
"""


def say(text: str = "") -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


def generate(path: Path, messages: int, seed: int = 26) -> int:
    """Write the export; its size in bytes."""
    chance = random.Random(seed)  # noqa: S311 - a reproducible fixture, not a secret
    moment = dt.datetime(2023, 1, 2, 9, 0)
    with path.open("w", encoding="utf-8") as out:
        out.write(f"{_stamp(moment)} - Messages and calls are end-to-end encrypted. Tap to learn more.\n")
        written = 0
        while written < messages:
            moment += dt.timedelta(minutes=chance.choice((1, 2, 5, 30, 240, 1600, 3000)))
            customer = chance.random() < 0.55
            lines = CUSTOMER_LINES if customer else BUSINESS_LINES
            text = chance.choice(lines).format(chance.randrange(10_000))
            out.write(f"{_stamp(moment)} - {'Alex Doe' if customer else BUSINESS}: {text}\n")
            written += 1
    return path.stat().st_size


def _stamp(moment: dt.datetime) -> str:
    hour = moment.hour % 12 or 12
    half = "AM" if moment.hour < 12 else "PM"
    return f"{moment.month}/{moment.day}/{moment.year % 100:02d}, {hour}:{moment.minute:02d}\u202f{half}"


def run_once(export: Path) -> tuple[float, float, dict[str, object]]:
    done = subprocess.run(  # noqa: S603 - this interpreter, our own package
        [sys.executable, "-c", CHILD, str(export), BUSINESS], capture_output=True, text=True, check=False, timeout=600
    )
    marker = [line for line in done.stderr.splitlines() if line.startswith("BENCH ")]
    if not marker or marker[-1].split()[3] != "0":
        raise SystemExit(f"the analysis failed:\n{done.stderr}")
    _, seconds, peak, _code = marker[-1].split()
    return float(seconds), float(peak), json.loads(done.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--messages", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--dir", type=Path, help="generate the export in a new folder under DIR")
    parser.add_argument("--keep", action="store_true", help="keep the generated export")
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="readiness-transcripts-bench-", dir=args.dir))
    try:
        export = scratch / "WhatsApp Chat with Alex Doe.txt"
        size = generate(export, args.messages)
        say(f"Readiness transcript benchmark: Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, {args.runs} runs")
        say(f"export: {args.messages:,} messages, {size / 1024**2:.0f} MB ({export})")
        results = [run_once(export) for _ in range(args.runs)]
        seconds, peaks = [r[0] for r in results], [r[1] for r in results]
        found = results[-1][2]
        say(f"measured: {found['messages']:,} messages, {found['conversations']:,} conversations")
        say(f"{'measure':<32} {'median':>10} {'min':>10} {'max':>10}  target")
        for name, values, unit, target in (
            ("analyze, start to end", seconds, "s", TARGET_SECONDS),
            ("peak resident memory", peaks, "MB", TARGET_MB),
        ):
            median = statistics.median(values)
            verdict = "PASS" if median <= target else "FAIL"
            cells = " ".join(f"{v:>8.1f} {unit:<1}" for v in (median, min(values), max(values)))
            say(f"{name:<32} {cells}  <= {target:g} {unit} (issue 16)  {verdict}")
    finally:
        if args.keep:
            say(f"kept {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
