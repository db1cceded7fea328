#!/usr/bin/env python3
"""Benchmark: hostile notes against a plain one, per megabyte.

Builds a release notelint (unless --binary is given), writes the shapes that make naive
Markdown parsers quadratic or recursive (the same shapes as Sources/NoteInvariants/
PathologicalNotes.swift, at benchmark sizes) and a plain note repeated to a similar size,
then times `notelint check --no-cache --format json` on each (median of --runs, less the
time of an empty note) and prints seconds per MB and the ratio to the plain note. The target is a ratio of at most 20.

    python3 bench/pathological.py [--runs 3] [--binary PATH]
"""
import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
ENTRY = "Title: A paper\nLink: https://arxiv.org/abs/2104.09864\nDate: 2021-04-20\nSubjects: Computation and Language (cs.CL)\n\n"

SHAPES = {
    "100,000 footnote references": lambda: "Text.[^a] " * 100_000 + "\n",
    "50,000 nested list levels": lambda: "- " * 50_000 + "Title: x\n",
    "50,000 nested block quotes": lambda: ">" * 50_000 + " Title: x\n",
    "10 MB single line": lambda: "Title: x [^a] `b` " * (10_000_000 // 18),
    "100,000 entries": lambda: ENTRY * 100_000,
    "only backticks (1 MB)": lambda: "`" * 1_000_000,
    "backtick runs of growing length": lambda: " ".join("`" * n for n in range(1, 1501)) + "\n",
    "unclosed anchors and ids": lambda: "[x](#x)\n" + "{#" * 100_000 + "\n" + "<a id=\"" * 50_000 + "\n",
    "dollars that open no math": lambda: "$5 " * 200_000 + "[^a]\n\n[^a]: x\n",
    "schemes glued in one link": lambda: "[a](https://x.org/" + "ahttp://" * 50_000 + ")\n",
}


def run_seconds(binary, path, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        status = subprocess.run([binary, "check", "--no-cache", "--format", "json", str(path)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        times.append(time.perf_counter() - start)
        if status not in (0, 1):
            sys.exit(f"notelint failed with status {status} on {path}")
    return statistics.median(times)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--binary", help="a notelint binary to time instead of building one")
    args = parser.parse_args()
    binary = args.binary
    if not binary:
        subprocess.run(["swift", "build", "-c", "release", "--product", "notelint"], cwd=ROOT, check=True)
        binary = str(ROOT / ".build/release/notelint")

    work = pathlib.Path(tempfile.mkdtemp(prefix="notelint-pathological-"))
    plain_text = (ROOT / "fixtures/example-note.md").read_text(encoding="utf-8")
    plain = work / "plain.md"
    plain.write_text(plain_text * max(1, 10_000_000 // len(plain_text.encode("utf-8"))), encoding="utf-8")
    # Process start-up and configuration lookup, taken off every time: the nested shapes are
    # small files, where start-up would otherwise dominate their time per MB.
    empty = work / "empty.md"
    empty.write_text("", encoding="utf-8")
    startup = run_seconds(binary, empty, max(args.runs, 5))
    print(f"start-up (an empty note): {startup:.3f} s, subtracted below")
    plain_mb = plain.stat().st_size / 1e6
    plain_rate = (run_seconds(binary, plain, args.runs) - startup) / plain_mb
    print(f"{'plain note (example-note.md repeated)':<36} {plain_mb:7.2f} MB {plain_rate:8.3f} s/MB   1.0x")
    worst = (0.0, "")
    for name, make in SHAPES.items():
        path = work / "shape.md"
        path.write_text(make(), encoding="utf-8")
        megabytes = path.stat().st_size / 1e6
        rate = max(run_seconds(binary, path, args.runs) - startup, 0.0) / megabytes
        ratio = rate / plain_rate
        worst = max(worst, (ratio, name))
        print(f"{name:<36} {megabytes:7.2f} MB {rate:8.3f} s/MB {ratio:6.1f}x")
    print(f"worst: {worst[1]} at {worst[0]:.1f}x the plain note's time per MB (target: at most 20x)")


if __name__ == "__main__":
    main()
