#!/usr/bin/env python3
"""Language server latency: opens a large note in a release `notelint lsp`, applies
single-character incremental edits, each sent after the previous edit's diagnostics arrived,
and prints the p50, p95 and p99 time from `didChange` to the last byte of the matching
`publishDiagnostics` frame (before the client parses it), the server's peak resident memory,
and, in the same run, the time the parse-only C baseline (bench/baseline.c) takes to parse the
whole note.

    python3 bench/lsp_latency.py [--edits 500] [--findings | --adjacent]

Without `--findings`: a 1.36 MB note of 5,000 clean entries with footnotes, edits spread over
its comment lines. With `--findings`: a 0.9 MB note of 2,500 entries with two findings each
(an impossible date, a tab in a value): 5,000 diagnostics in every publish; the edits type
into a record in the middle of the note, and every 4th edit inserts a line break there and the
next one deletes it, so every later finding moves. With `--adjacent`: a 0.7 MB list of 5,000
records one blank line apart and nothing else, as many reading lists are, the edits typing
into their titles (each record's extent reaches the blank lines beside it, so a part of the
note widened from record to record was the whole list).
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


def make_note(findings=False, adjacent=False):
    """The clean note (5,000 entries with footnotes), the one with findings (2,500 entries,
    an impossible date and a tab in each) or the list of adjacent records."""
    if adjacent:
        return "\n".join(
            "Title: Paper number %d about rotary position embeddings\nLink: https://arxiv.org/abs/2104.%05d\n"
            "Date: 20 Apr 2021\nSubjects: Computation and Language (cs.CL)\n" % (index, index)
            for index in range(5000))
    entries = 2500 if findings else 5000
    title = "A reading list with findings" if findings else "A large reading list"
    parts = ["---\ntitle: %s\n---\n" % title]
    for index in range(entries):
        if findings:
            record = ("Title: Paper number %d on sparse attention for long documents and what it costs\n"
                      "Link: https://arxiv.org/abs/2104.%05d\nDate: 31 Apr 2021\n"
                      "Subjects:\tComputation and Language (cs.CL); Machine Learning (cs.LG)\n\n"
                      "A longer comment on paper %d, so that the note is as large as a year of reading: "
                      "what it measured, against which baselines, and what to try next.\n\n---\n" % (index, index, index))
        else:
            record = ("Title: Paper number %d about rotary position embeddings\n"
                      "Link: https://arxiv.org/abs/2104.%05d\nDate: 20 Apr 2021\n"
                      "Subjects: Computation and Language (cs.CL); Artificial Intelligence (cs.AI)\n\n"
                      "A short comment on paper %d.[^p%d]\n\n---\n" % (index, index, index, index))
        parts.append(record)
    if not findings:
        parts.append("\n")
        parts.extend("[^p%d]: https://example.org/%d\n" % (index, index) for index in range(entries))
    return "\n".join(parts)


def edits_with_findings(note, count):
    """(range, text) of each edit: typing at the end of a title in the middle of the note, and
    every 4th edit a line break inserted there, taken out again by the next edit."""
    lines = note.split("\n")
    line = [number for number, text in enumerate(lines) if text.startswith("Title: ")][len(lines) // 14]
    column = len(lines[line])
    edits = []
    while len(edits) < count:
        if len(edits) % 4 == 3:
            edits.append(((line, column, line, column), "\n"))
            edits.append(((line, column, line + 1, 0), ""))
        else:
            edits.append(((line, column, line, column), "x"))
            column += 1
    return edits[:count]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--edits", type=int, default=500)
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument("--findings", action="store_true", help="the note with 5,000 findings, line breaks inserted and deleted")
    shape.add_argument("--adjacent", action="store_true", help="5,000 records one blank line apart, typing into their titles")
    args = parser.parse_args()

    os.environ["NOTELINT_BIN"] = str(build_release(static=True))
    from rawclient import RawServer  # noqa: E402  (reads NOTELINT_BIN)

    work = pathlib.Path(tempfile.mkdtemp(prefix="notelint-lsp-bench-"))
    note = make_note(findings=args.findings, adjacent=args.adjacent)
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

    if args.findings:
        edits = edits_with_findings(note, args.edits)
    else:
        prefix, column = ("Title: ", len("Title: ")) if args.adjacent else ("A short comment", 0)
        lines = [number for number, text in enumerate(note.split("\n")) if text.startswith(prefix)]
        # Spread over the note.
        edits = [((line, column, line, column), "x") for line in (lines[(edit * 7919) % len(lines)] for edit in range(args.edits))]
    latencies = []
    published = 0
    for edit, ((start_line, start_column, end_line, end_column), text) in enumerate(edits):
        version = edit + 2
        change = {"range": {"start": {"line": start_line, "character": start_column},
                            "end": {"line": end_line, "character": end_column}}, "text": text}
        start = time.perf_counter()
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        message = server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version, timeout=60)
        latencies.append(server.arrived_at.pop(id(message)) - start)
        published = len(message["params"]["diagnostics"])
    with open("/proc/%d/status" % server.process.pid) as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    server.call("shutdown")
    server.notify("exit")
    server.process.wait(10)

    p50, p95, p99 = (percentile(latencies, f) * 1000 for f in (0.5, 0.95, 0.99))
    print()
    kind = (
        "typing in one record, every 4th edit a line break inserted then deleted" if args.findings
        else "one character each into a title, spread over the list" if args.adjacent
        else "one character each, spread over the note")
    print("note: %d bytes, %d lines; %d edits, %s; %d diagnostics in the last publish" % (len(note.encode()), note.count("\n"), len(edits), kind, published))
    print("didChange -> publishDiagnostics: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms" % (p50, p95, p99))
    print("cmark-gfm parse of the whole note (baseline, median of 20): %.1f ms" % (parse * 1000))
    target = "p99 10 ms or less" if args.findings else "p99 5 ms or less"
    print("p99 / baseline parse: %.1fx   (target: %s)" % (p99 / 1000 / parse, target))
    print("server peak resident memory: %.1f MiB   (target: 40 MiB or less)" % peak)


if __name__ == "__main__":
    main()
