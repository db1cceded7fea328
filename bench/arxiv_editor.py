#!/usr/bin/env python3
"""Times what reads the local arXiv index while notes are written: `notelint fill --offline`
of a 500-record note, `check` of that note with and without the index, and title completion
in the language server over 1,000 titles typed as people type them.

Needs an index: make one with `bench/arxiv_index.py --records 2700000 --keep PATH` (the
issue's figures are for 2.7 million papers), then

    bench/arxiv_editor.py --db PATH

Each figure is printed beside issue 17's target. The completion clock starts when the request
is written and stops when the last byte of the response arrives; the note's own lint after
each keystroke is waited for first, so it is not counted.
"""

import argparse
import os
import pathlib
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from arxiv_index import percentile, typed_query  # noqa: E402
from run import ROOT, build_release  # noqa: E402

sys.path.insert(0, str(ROOT / "Tests/lsp"))


def sample_papers(database, count, rng):
    """`count` papers at random rowids (ORDER BY random() would sort the whole table)."""
    connection = sqlite3.connect(database)
    highest = connection.execute("SELECT max(rowid) FROM papers").fetchone()[0]
    papers = []
    while len(papers) < count:
        row = connection.execute("SELECT id, title FROM papers WHERE rowid = ?", (rng.randint(1, highest),)).fetchone()
        if row:
            papers.append(row)
    connection.close()
    return papers


def timed_runs(command, environment, cwd, runs, prepare=None):
    times = []
    for _ in range(runs):
        if prepare:
            prepare()
        start = time.perf_counter()
        completed = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if completed.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed ({completed.returncode}): {completed.stderr}")
    return times, completed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--db", required=True, help="the index (bench/arxiv_index.py --keep PATH)")
    parser.add_argument("--records", type=int, default=500, help="records in the note fill and check read")
    parser.add_argument("--queries", type=int, default=1000)
    arguments = parser.parse_args()
    binary = str(build_release(static=True))
    os.environ["NOTELINT_BIN"] = binary
    from rawclient import RawServer  # noqa: E402  (reads NOTELINT_BIN)

    rng = random.Random(17)
    papers = sample_papers(arguments.db, max(arguments.records, 1200), rng)
    work = pathlib.Path(tempfile.mkdtemp(prefix="notelint-arxiv-editor-"))
    environment = dict(os.environ)
    environment.update(
        {"NOTELINT_ARXIV_DB": os.path.abspath(arguments.db), "XDG_CACHE_HOME": str(work / "cache"),
         # Nothing here may reach the network: a closed port makes any request fail at once.
         "NOTELINT_ARXIV_API_URL": "http://127.0.0.1:1/api/query"})
    without_index = dict(environment, NOTELINT_ARXIV_DB=str(work / "none.sqlite"))

    note = "# Reading\n\n" + "".join(f"Title:\nLink: https://arxiv.org/abs/{pid}\nDate:\nSubjects:\n\n" for pid, _ in papers[: arguments.records])
    path = work / "note.md"

    def fresh_note():
        path.write_text(note)

    fill_times, filled = timed_runs([binary, "fill", "--offline", "note.md"], environment, work, 5, prepare=fresh_note)
    check_index, checked = timed_runs([binary, "check", "--no-cache", "--format", "concise", "note.md"], environment, work, 5)
    check_plain, _ = timed_runs([binary, "check", "--no-cache", "--format", "concise", "note.md"], without_index, work, 5)

    server = RawServer(env=environment)
    server.initialize()
    uri = (work / "typing.md").as_uri()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": "# Reading\n\nTitle: \n"}})
    server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics", timeout=60)
    queries = [query for query in (typed_query(title, rng) for _, title in papers) if query][: arguments.queries]
    latencies = []
    answered = 0
    for number, query in enumerate(queries):
        version = number + 2
        line = f"Title: {query}"
        server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": version},
                                                 "contentChanges": [{"text": f"# Reading\n\n{line}\n"}]})
        server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"].get("version") == version, timeout=60)
        start = time.perf_counter()
        request = server.request("textDocument/completion", {"textDocument": {"uri": uri}, "position": {"line": 2, "character": len(line)}})
        response = server.response(request, timeout=60)
        latencies.append(server.arrived_at.pop(id(response)) - start)
        if (response.get("result") or {}).get("items"):
            answered += 1
    peak = server.rss_kib() / 1024
    server.call("shutdown")
    server.notify("exit")
    server.close()

    papers_in_index = sqlite3.connect(arguments.db).execute("SELECT count(*) FROM papers").fetchone()[0]
    print(f"arXiv index in the editor and fill: {papers_in_index:,} papers (targets are for 2.7 M)")
    print(f"  fill --offline, {arguments.records} records   median {statistics.median(fill_times):.3f} s, max {max(fill_times):.3f} s   "
          f"target <= 1 s   ({filled.stderr.strip().splitlines()[-1]})")
    print(f"  check, {arguments.records} records        median {statistics.median(check_index):.3f} s with the index, "
          f"{statistics.median(check_plain):.3f} s without   ({checked.stdout.count(chr(10))} findings with it)")
    p50, p99 = (percentile(latencies, share) * 1000 for share in (0.5, 0.99))
    print(f"  title completion     median {p50:.2f} ms, p99 {p99:.2f} ms, max {max(latencies) * 1000:.1f} ms over {len(latencies)} "
          f"queries ({answered} with papers)   target p99 <= 10 ms; server RSS {peak:.1f} MiB")
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
