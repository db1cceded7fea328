#!/usr/bin/env python3
"""Language server latency: opens a 1 MB note (5,000 entries with footnotes) in a release
`notelint lsp`, applies 500 single-character incremental edits, each sent after the previous
edit's diagnostics arrived, and prints the p50, p95 and p99 time from `didChange` to
`publishDiagnostics`, the server's peak resident memory, and, in the same run, the time the
parse-only C baseline (bench/baseline.c) takes to parse the whole note.

    python3 bench/lsp_latency.py [--edits 500]
"""
import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from run import ROOT, build_release  # noqa: E402

sys.path.insert(0, str(ROOT / "Tests/lsp"))


def make_note(entries=5000):
    parts = ["---\ntitle: A large reading list\n---\n"]
    for index in range(entries):
        parts.append(
            "Title: Paper number %d about rotary position embeddings\n"
            "Link: https://arxiv.org/abs/2104.%05d\nDate: 20 Apr 2021\n"
            "Subjects: Computation and Language (cs.CL); Artificial Intelligence (cs.AI)\n\n"
            "A short comment on paper %d.[^p%d]\n\n---\n" % (index, index, index, index))
    parts.append("\n")
    parts.extend("[^p%d]: https://example.org/%d\n" % (index, index) for index in range(entries))
    return "\n".join(parts)


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=500)
    args = parser.parse_args()

    os.environ["NOTELINT_BIN"] = str(build_release())
    from rawclient import RawServer  # noqa: E402  (reads NOTELINT_BIN)

    work = pathlib.Path(tempfile.mkdtemp(prefix="notelint-lsp-bench-"))
    note = make_note()
    path = work / "big.md"
    path.write_text(note)
    (work / "list.txt").write_text(str(path) + "\n")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libcmark-gfm"], capture_output=True, text=True, check=True).stdout.split()
    baseline = work / "baseline"
    subprocess.run(["cc", "-O2", "-o", str(baseline), str(ROOT / "bench/baseline.c"), *flags, "-lcmark-gfm-extensions"], check=True)
    parse_times = []
    for _ in range(20):
        start = time.perf_counter()
        subprocess.run([str(baseline), str(work / "list.txt")], check=True, stdout=subprocess.DEVNULL)
        parse_times.append(time.perf_counter() - start)
    # The process start is part of those times; subtract an empty run's.
    (work / "empty.txt").write_text("")
    empty = statistics.median(
        [(lambda s: (subprocess.run([str(baseline), str(work / "empty.txt")], stdout=subprocess.DEVNULL), time.perf_counter() - s)[1])(time.perf_counter()) for _ in range(20)])
    parse = max(statistics.median(parse_times) - empty, 1e-6)

    server = RawServer()
    server.initialize()
    uri = path.as_uri()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": note}})
    server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == 1, timeout=120)

    comment_lines = [number for number, text in enumerate(note.split("\n")) if text.startswith("A short comment")]
    latencies = []
    for edit in range(args.edits):
        version = edit + 2
        line = comment_lines[(edit * 7919) % len(comment_lines)]  # spread over the note
        change = {"range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 0}}, "text": "x"}
        start = time.perf_counter()
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version, timeout=60)
        latencies.append(time.perf_counter() - start)
    with open("/proc/%d/status" % server.process.pid) as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    server.call("shutdown")
    server.notify("exit")
    server.process.wait(10)

    p50, p95, p99 = (percentile(latencies, f) * 1000 for f in (0.5, 0.95, 0.99))
    print()
    print("note: %d bytes, %d lines; %d edits, one character each" % (len(note.encode()), note.count("\n"), args.edits))
    print("didChange -> publishDiagnostics: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms" % (p50, p95, p99))
    print("cmark-gfm parse of the whole note (baseline, median of 20): %.1f ms" % (parse * 1000))
    print("p99 / baseline parse: %.1fx   (target: 1.5x or less; goal beyond: p99 under 5 ms)" % (p99 / 1000 / parse))
    print("server peak resident memory: %.1f MiB   (target: under 50 MiB)" % peak)


if __name__ == "__main__":
    main()
