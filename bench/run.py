#!/usr/bin/env python3
"""Benchmark: notelint against cmark-gfm itself, in one run on the same machine.

Generates the corpus, builds a release notelint and the parse-only C baseline, then times
`notelint check --format json` over the whole corpus against the baseline parsing the same
files on one thread, several runs each, and `notelint check` on one note. When rumdl (the
Markdown linter of the PyPI package `rumdl`, in the checkout's `.venv` or on PATH) is there,
`rumdl check --no-cache` over the same corpus is timed beside them (`.venv/bin/pip install rumdl`). Prints medians, files per
second, peak memory and the ratios. Absolute times drift on shared machines; the ratio,
measured in the same run, is the figure to compare.

    python3 bench/run.py [--notes 2000] [--runs 5]
"""
import argparse
import os
import pathlib
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def build_release(static=False):
    """Builds the release notelint; with `static`, as it ships (`--static-swift-stdlib`, not a PIE, in
    `.build-static`, so that the two builds do not replace each other). Returns its path."""
    scratch = ROOT / (".build-static" if static else ".build")
    command = ["swift", "build", "-c", "release", "--product", "notelint", "--scratch-path", str(scratch)]
    shipped = ["--static-swift-stdlib", "-Xlinker", "-no-pie"]  # as scripts/release.sh builds it
    subprocess.run(command + (shipped if static else []), cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    return scratch / "release/notelint"


def build_baseline(folder):
    """Compiles the parse-only C baseline (baseline.c) into `folder`; returns its path."""
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libcmark-gfm"], capture_output=True, text=True, check=True).stdout.split()
    baseline = pathlib.Path(folder) / "baseline"
    subprocess.run(["cc", "-O2", "-o", str(baseline), str(ROOT / "bench/baseline.c"), *flags, "-lcmark-gfm-extensions"], check=True)
    return baseline


def timed(command, cwd=None):
    """Runs a command; returns (seconds, peak resident set in MiB, exit status)."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=cwd)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def measure(name, command, runs):
    times, peaks = [], []
    for _ in range(runs):
        seconds, peak, status = timed(command)
        if status not in (0, 1):
            sys.exit(f"{name} failed with status {status}: {' '.join(map(str, command))}")
        times.append(seconds)
        peaks.append(peak)
    return statistics.median(times), max(peaks), times


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--keep", action="store_true", help="keep the corpus and binaries")
    args = parser.parse_args()

    work = pathlib.Path(tempfile.mkdtemp(prefix="notelint-bench-"))
    corpus = work / "corpus"
    subprocess.run([sys.executable, str(ROOT / "bench/generate_corpus.py"), str(corpus), "--notes", str(args.notes)], check=True)
    files = sorted(str(path) for path in corpus.rglob("*.md"))
    total_bytes = sum(os.path.getsize(path) for path in files)
    (work / "files.txt").write_text("\n".join(files) + "\n")

    print("building release notelint and the C baseline ...", flush=True)
    notelint = build_release(static=True)
    baseline = build_baseline(work)

    # Warm the page cache so both sides read from memory.
    timed([str(baseline), str(work / "files.txt")])
    base_time, base_peak, _ = measure("baseline", [str(baseline), str(work / "files.txt")], args.runs)
    lint_time, lint_peak, _ = measure("notelint", [str(notelint), "check", "--no-cache", "--format", "json", str(corpus)], args.runs)
    one_thread, _, _ = measure("notelint", ["taskset", "-c", "0", str(notelint), "check", "--no-cache", "--format", "json", str(corpus)], args.runs) \
        if shutil.which("taskset") else (float("nan"), 0, [])

    rumdl = shutil.which("rumdl", path=str(ROOT / ".venv/bin")) or shutil.which("rumdl")
    rumdl_time, rumdl_peak, _ = measure("rumdl", [rumdl, "check", "--no-cache", "--silent", str(corpus)], args.runs) if rumdl else (None, 0, [])

    single = ROOT / "fixtures/example-note.md"
    single_times = [timed([str(notelint), "check", "--no-cache", str(single)])[0] for _ in range(20)]

    megabytes = total_bytes / 1e6
    print()
    print(f"corpus: {len(files)} notes, {megabytes:.1f} MB; {args.runs} runs each; {os.cpu_count()} cores")
    print(f"{'':34}{'median s':>10}{'files/s':>10}{'MB/s':>8}{'peak MiB':>10}")
    print(f"{'cmark-gfm parse only, 1 thread':34}{base_time:>10.3f}{len(files) / base_time:>10.0f}{megabytes / base_time:>8.1f}{base_peak:>10.1f}")
    print(f"{'notelint check, all cores':34}{lint_time:>10.3f}{len(files) / lint_time:>10.0f}{megabytes / lint_time:>8.1f}{lint_peak:>10.1f}")
    if one_thread == one_thread:
        print(f"{'notelint check, 1 core (taskset)':34}{one_thread:>10.3f}{len(files) / one_thread:>10.0f}{megabytes / one_thread:>8.1f}")
    if rumdl_time is not None:
        print(f"{'rumdl check, all cores':34}{rumdl_time:>10.3f}{len(files) / rumdl_time:>10.0f}{megabytes / rumdl_time:>8.1f}{rumdl_peak:>10.1f}")
    print()
    print(f"ratio notelint / baseline (all cores): {lint_time / base_time:.2f}x   (target: 1.2x or less)")
    if rumdl_time is not None:
        print(f"ratio rumdl / baseline (all cores):    {rumdl_time / base_time:.2f}x")
    if one_thread == one_thread:
        print(f"ratio notelint / baseline (1 core):    {one_thread / base_time:.2f}x")
    print(f"single note ({single.name}, {os.path.getsize(single)} bytes): median {statistics.median(single_times) * 1000:.1f} ms of 20 runs   (target: under 50 ms)")

    if args.keep:
        print(f"kept {work}")
    else:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
