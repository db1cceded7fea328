#!/usr/bin/env python3
"""Times the local arXiv index: import of a synthetic snapshot, lookups by id, title search.

Builds the release binary, writes a synthetic snapshot (bench/arxiv_snapshot.py), imports it
with `notelint arxiv import` under /usr/bin/time -v (peak RSS), then times 1,000 lookups by id
and 1,000 searches typed as people type them (two or three words of a real title, the last one
cut short, common words such as "learning" and "the" included) inside one notelint process
(`notelint arxiv bench-queries`, hidden), and the same lookups through Python's sqlite3 module
on the same file. Prints each figure beside issue 17's target (the targets are for 2.7 million
records).

    bench/arxiv_index.py                      # 200,000 records
    bench/arxiv_index.py --records 2700000    # the issue's figure
    bench/arxiv_index.py --records 2700000 --snapshot S --keep DB --reuse   # time DB's queries again
"""

import argparse
import json
import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.join(ROOT, ".build", "release", "notelint")
COMMON_STARTS = ["learning", "the", "deep learning", "quantum", "of the", "neural networks"]


def build():
    subprocess.run(["swift", "build", "-c", "release", "--product", "notelint"], cwd=ROOT, check=True)


def sample_lines(path, count, rng):
    """`count` lines spread over the file, without reading it all into memory."""
    size = os.path.getsize(path)
    lines = []
    with open(path, "rb") as handle:
        for offset in sorted(rng.randrange(size) for _ in range(count)):
            handle.seek(offset)
            handle.readline()
            line = handle.readline()
            if line:
                lines.append(json.loads(line))
    return lines


def typed_query(title, rng):
    words = re.findall(r"\w+", title.lower())
    if len(words) < 2:
        return None
    length = min(len(words), rng.choice([2, 3]))
    if rng.random() < 0.3:
        # Start from a common word the title holds, when it holds one.
        commons = [i for i, word in enumerate(words[: len(words) - 1]) if word in ("learning", "the", "of", "quantum", "deep")]
        start = rng.choice(commons) if commons else rng.randrange(len(words) - length + 1)
    else:
        start = rng.randrange(len(words) - length + 1)
    chosen = words[start : start + length]
    last = chosen[-1]
    # As people type: the last word anywhere from its first letter to whole.
    chosen[-1] = last[: rng.randint(1, len(last))]
    return " ".join(chosen)


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--snapshot", help="reuse this snapshot (written there when missing)")
    parser.add_argument("--gzip", action="store_true", help="import a gzip-compressed snapshot")
    parser.add_argument("--no-build", action="store_true")
    parser.add_argument("--binary", default=BINARY, help="the notelint to time (default: the release build; implies --no-build)")
    parser.add_argument("--keep", help="keep the index at this path")
    parser.add_argument(
        "--reuse", action="store_true", help="with --keep and --snapshot: search the kept index again instead of importing the snapshot"
    )
    parser.add_argument("--queries", help="also write the timed queries to this file (lines `id ID`, `search QUERY<tab>ID`)")
    parser.add_argument("--times", help="write each search's milliseconds and query to this file")
    parser.add_argument("--slowest", type=int, default=0, help="print this many of the slowest searches")
    arguments = parser.parse_args()
    binary = arguments.binary
    if not arguments.no_build and binary == BINARY:
        build()
    work = tempfile.mkdtemp(prefix="notelint-arxiv-bench-")
    snapshot = arguments.snapshot or os.path.join(work, "snapshot.json" + (".gz" if arguments.gzip else ""))
    if not os.path.exists(snapshot):
        started = time.monotonic()
        command = [sys.executable, os.path.join(ROOT, "bench", "arxiv_snapshot.py"), "--records", str(arguments.records), "--output", snapshot]
        if arguments.gzip:
            command.append("--gzip")
        subprocess.run(command, check=True)
        print(f"generated {arguments.records:,} records ({os.path.getsize(snapshot) / 1e6:,.0f} MB) in {time.monotonic() - started:.0f} s")
    database = arguments.keep or os.path.join(work, "arxiv.sqlite")
    reused = arguments.reuse and arguments.keep and arguments.snapshot and os.path.exists(database)
    if not reused:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(database + suffix):
                os.remove(database + suffix)
        started = time.monotonic()
        run = subprocess.run(
            ["/usr/bin/time", "-v", binary, "arxiv", "import", snapshot, "--db", database], capture_output=True, text=True, check=True
        )
        seconds = time.monotonic() - started
        peak_kb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", run.stderr).group(1))
    size = sum(os.path.getsize(database + suffix) for suffix in ("", "-wal") if os.path.exists(database + suffix))
    connection = sqlite3.connect(database)
    papers = connection.execute("SELECT count(*) FROM papers").fetchone()[0]

    rng = random.Random(17)
    plain = snapshot
    if snapshot.endswith(".gz"):
        plain = None
    if plain:
        sampled = sample_lines(plain, 1200, rng)
    else:
        rows = connection.execute("SELECT id, title FROM papers ORDER BY random() LIMIT 1200").fetchall()
        sampled = [{"id": row[0], "title": row[1]} for row in rows]
    ids = [record["id"] for record in sampled][:1000]
    # Each query with the paper it was typed from, to count how often that paper comes back.
    queries = [(query, record["id"]) for query, record in ((typed_query(record["title"], rng), record) for record in sampled) if query][:1000]
    queries_file = os.path.join(work, "queries.txt")
    with open(queries_file, "w") as handle:
        for identifier in ids:
            handle.write(f"id {identifier}\n")
        for query, identifier in queries:
            handle.write(f"search {query}\t{identifier}\n")
    if arguments.queries:
        shutil.copyfile(queries_file, arguments.queries)
    command = [binary, "arxiv", "bench-queries", queries_file, "--db", database] + (["--times", arguments.times] if arguments.times else [])
    timed = subprocess.run(command, capture_output=True, text=True, check=True)
    measured = json.loads(timed.stdout)

    # The same lookups through Python's sqlite3 module, for comparison.
    times = []
    for identifier in ids:
        begin = time.perf_counter()
        connection.execute("SELECT * FROM papers WHERE id = ?", (identifier,)).fetchone()
        times.append((time.perf_counter() - begin) * 1000)

    target_scale = f" (targets are for 2.7 M records; this run has {papers:,})" if papers < 2_000_000 else ""
    print(f"arXiv index benchmark: {papers:,} papers{target_scale}")
    if not reused:
        print(f"  import               {seconds:8.1f} s      {papers / seconds:9,.0f} records/s   target <= 120 s for 2.7 M (2 cores)")
    print(f"  index size           {size / 1e6:8.1f} MB                          target <= 1,500 MB for 2.7 M")
    if not reused:
        print(f"  peak RSS (import)    {peak_kb / 1024:8.1f} MB                          target <= 200 MB")
    lookup = measured["lookup"]
    print(
        f"  lookup by id         median {lookup['median_ms']:.4f} ms, p99 {lookup['p99_ms']:.4f} ms "
        f"({lookup['matched']}/{lookup['count']} found; notelint in-process)   target <= 0.1 ms"
    )
    print(f"  lookup by id         median {statistics.median(times):.4f} ms, p99 {percentile(times, 0.99):.4f} ms (Python sqlite3)")
    search = measured["search"]
    print(
        f"  title search top 10  median {search['median_ms']:.3f} ms, p99 {search['p99_ms']:.3f} ms, max {search['max_ms']:.1f} ms "
        f"({search['matched']}/{search['count']} with results)   target p99 <= 5 ms"
    )
    print(f"  typed paper in top 10 {search['typed_found']}/{search['count']} queries")
    if arguments.slowest:
        print("  slowest searches:")
        for line in timed.stderr.splitlines()[: arguments.slowest]:
            print("    " + line.strip())
    connection.close()
    # The work folder holds the generated snapshot, the queries and the index unless --keep.
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
