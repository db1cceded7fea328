#!/usr/bin/env python3
"""Workspace symbol latency: a vault of generated notes (564 by default, as in the issue's
measurement) opened as the workspace of a release `notelint lsp`; `workspace/symbol` is asked
once cold (every note read) and then repeatedly with queries typed as people type them, with
nothing changed on disk and then after one note changed. Each time runs from the request to
the last byte of its response, before the client parses it. Prints medians and the slowest,
with the parse-only C baseline over the same files in the same run beside them.

    python3 bench/lsp_workspace.py [--notes 564] [--queries 50]
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
from run import ROOT, build_baseline, build_release, timed  # noqa: E402

sys.path.insert(0, str(ROOT / "Tests/lsp"))

QUERIES = ["", "rot", "rotary", "attention", "2104", "arxiv.org/abs/21", "the", "learning", "model", "zzz"]


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(fraction * (len(ordered) - 1))))]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--notes", type=int, default=564)
    parser.add_argument("--queries", type=int, default=50)
    args = parser.parse_args()

    os.environ["NOTELINT_BIN"] = str(build_release(static=True))
    from rawclient import RawServer  # noqa: E402  (reads NOTELINT_BIN)

    work = pathlib.Path(tempfile.mkdtemp(prefix="notelint-workspace-bench-"))
    vault = work / "vault"
    subprocess.run([sys.executable, str(ROOT / "bench/generate_corpus.py"), str(vault), "--notes", str(args.notes)], check=True,
                   stdout=subprocess.DEVNULL)
    files = sorted(str(path) for path in vault.rglob("*.md"))
    (work / "files.txt").write_text("\n".join(files) + "\n")
    baseline = build_baseline(work)
    timed([str(baseline), str(work / "files.txt")])
    parse = statistics.median(timed([str(baseline), str(work / "files.txt")])[0] for _ in range(5))

    server = RawServer()
    root = vault.as_uri()
    # As editors do: file watchers registered by the server, so it can remember the note list.
    capabilities = {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}}
    server.call("initialize", {"processId": None, "rootUri": root, "capabilities": capabilities,
                               "workspaceFolders": [{"uri": root, "name": "vault"}]})
    server.notify("initialized", {})
    # The server checks the whole workspace when it starts; queries are timed after that.
    published = set()
    deadline = time.time() + 600
    while len(published) < len(files) and time.time() < deadline:
        message = server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics", timeout=600)
        published.add(message["params"]["uri"])

    def ask(query):
        # The clock stops when the response's last byte arrives, before the client parses it.
        start = time.perf_counter()
        result = server.call("workspace/symbol", {"query": query}, timeout=300)
        return server.arrived_at.pop(id(result)) - start, len(result.get("result") or [])

    cold, cold_count = ask("no paper is called this")
    warm = [ask(QUERIES[index % len(QUERIES)]) for index in range(args.queries)]
    changed = pathlib.Path(files[len(files) // 2])
    changed.write_text(changed.read_text() + "\nTitle: Added later\nLink: https://arxiv.org/abs/2401.00001\n")
    after_change, _ = ask("added later")
    with open("/proc/%d/status" % server.process.pid) as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    server.call("shutdown")
    server.notify("exit")
    server.process.wait(10)

    warm_times = [seconds for seconds, _ in warm]
    print()
    print("vault: %d notes, %.1f MB" % (len(files), sum(os.path.getsize(path) for path in files) / 1e6))
    print("cmark-gfm parse of the vault (baseline, median of 5): %.0f ms" % (parse * 1000))
    print("workspace/symbol cold (every note read): %.0f ms, %d results (%.2fx the baseline parse)" % (
        cold * 1000, cold_count, cold / parse))
    print("warm queries: %s (an empty query stops at 2,000 results)" % ", ".join(repr(query) for query in QUERIES))
    print("workspace/symbol warm, %d queries: median %.1f ms, p99 %.1f ms, slowest %.1f ms   (target: 20 ms or less)" % (
        len(warm_times), statistics.median(warm_times) * 1000, percentile(warm_times, 0.99) * 1000, max(warm_times) * 1000))
    for query in QUERIES:
        times = [seconds for (seconds, _), index in zip(warm, range(len(warm))) if QUERIES[index % len(QUERIES)] == query]
        counts = [count for (_, count), index in zip(warm, range(len(warm))) if QUERIES[index % len(QUERIES)] == query]
        print("  %-20r %5d results, median %.1f ms" % (query, counts[0], statistics.median(times) * 1000))
    print("workspace/symbol after one note changed on disk: %.1f ms" % (after_change * 1000))
    print("server peak resident memory: %.0f MiB (the workspace check at start-up included)" % peak)


if __name__ == "__main__":
    main()
