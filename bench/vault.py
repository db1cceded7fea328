#!/usr/bin/env python3
"""Large-vault benchmark: a 10,000-note vault (about 100 MB) in a git repository, linted cold
(empty result cache), warm (cache filled), and after touching 1% of the notes, each against
the parse-only C baseline over the same files in the same run; plus `notelint check` on one
note (the pre-commit hook's own cost). Prints times, notes per second, peak memory, ratios.

    python3 bench/vault.py [--notes 10000] [--runs 3] [--shapes paragraph|mixed] [--dynamic]

notelint is built as it ships, with the Swift runtime linked statically (in `.build-static`):
start-up is a tenth of a warm run, and the dynamically linked development build spends four
times as long loading its libraries. `--dynamic` measures that build instead.
`--shapes mixed` writes the records in the shapes public reading lists use (see
generate_corpus.py); the default writes the same vault as before, so timings compare.
"""
import argparse
import os
import pathlib
import random
import shutil
import statistics
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from run import ROOT, build_baseline, build_release, timed  # noqa: E402


def write_vault(folder, notes, shapes="paragraph", stdout=None):
    """Writes the vault's notes into `folder`: generate_corpus.py's notes of 10 to 50 records each."""
    command = [sys.executable, str(ROOT / "bench/generate_corpus.py"), str(folder), "--notes", str(notes), "--max-entries", "50", "--shapes", shapes]
    subprocess.run(command, check=True, stdout=stdout)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=10000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--shapes", choices=["paragraph", "mixed"], default="paragraph")
    parser.add_argument("--dynamic", action="store_true", help="measure the development build, linked dynamically, not the static one that ships")
    args = parser.parse_args()

    work = pathlib.Path(tempfile.mkdtemp(prefix="notelint-vault-"))
    vault = work / "vault"
    write_vault(vault, args.notes, args.shapes)
    subprocess.run(["git", "init", "-q", str(vault)], check=True)
    files = sorted(str(path) for path in vault.rglob("*.md"))
    megabytes = sum(os.path.getsize(path) for path in files) / 1e6
    (work / "files.txt").write_text("\n".join(files) + "\n")

    notelint = str(build_release(static=not args.dynamic))
    baseline = str(build_baseline(work))

    cache = str(work / "cache")
    check = [notelint, "check", "--format", "json", "--cache-dir", cache, "."]

    def run_in_vault(command):
        return timed(command, cwd=vault)

    timed([baseline, str(work / "files.txt")])  # warm the page cache
    base = statistics.median(timed([baseline, str(work / "files.txt")])[0] for _ in range(args.runs))

    cold_times, cold_peak = [], 0
    for _ in range(args.runs):
        shutil.rmtree(cache, ignore_errors=True)
        seconds, peak, _ = run_in_vault(check)
        cold_times.append(seconds)
        cold_peak = max(cold_peak, peak)
    warm_times, warm_peak = [], 0
    for _ in range(args.runs):
        seconds, peak, _ = run_in_vault(check)
        warm_times.append(seconds)
        warm_peak = max(warm_peak, peak)
    rng = random.Random(1)
    touched_times = []
    for _ in range(args.runs):
        for path in rng.sample(files, max(1, len(files) // 100)):
            with open(path, "a") as note:
                note.write("\nOne more line.\n")
        touched_times.append(run_in_vault(check)[0])

    single = [timed([notelint, "check", "--no-cache", str(ROOT / "fixtures/example-note.md")])[0] for _ in range(20)]

    cold, warm, touched = (statistics.median(t) for t in (cold_times, warm_times, touched_times))
    print()
    print("vault: %d notes (%s records), %.1f MB; medians of %d runs; %d cores" % (len(files), args.shapes, megabytes, args.runs, os.cpu_count()))
    print("%-40s %9s %9s %10s" % ("", "seconds", "notes/s", "peak MiB"))
    print("%-40s %9.3f %9.0f %10s" % ("cmark-gfm parse only, 1 thread", base, len(files) / base, ""))
    print("%-40s %9.3f %9.0f %10.1f" % ("notelint check, cold (empty cache)", cold, len(files) / cold, cold_peak))
    print("%-40s %9.3f %9.0f %10.1f" % ("notelint check, warm (cache filled)", warm, len(files) / warm, warm_peak))
    print("%-40s %9.3f %9.0f %10s" % ("notelint check, 1% of the notes touched", touched, len(files) / touched, ""))
    print()
    print("cold / baseline: %.2fx   (target: 1.2x or less)" % (cold / base))
    print("warm / cold: %.1f%%   (target: under 10%%)" % (100 * warm / cold))
    print("1%% touched / cold: %.1f%%" % (100 * touched / cold))
    print("single note (%s): median %.1f ms of 20 runs   (target: under 50 ms)" % ("example-note.md", statistics.median(single) * 1000))
    shutil.rmtree(work)


if __name__ == "__main__":
    main()
