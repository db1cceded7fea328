#!/usr/bin/env python3
"""Times `notelint arxiv sync` on an index of a synthetic snapshot.

Imports a snapshot written by bench/arxiv_snapshot.py, then serves `--pages` OAI-PMH pages
of `--page-size` arXivRaw records on 127.0.0.1 (half of them new papers, half updates of
papers already in the index, one in fifty a deleted record) and runs a sync against them with
no request spacing. Prints the sync's wall time, records per second and the time per page,
and checks `PRAGMA integrity_check`.

    bench/arxiv_sync.py --records 200000 --binary .build/release/notelint
"""

import argparse
import json
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

HERE = os.path.dirname(os.path.abspath(__file__))
WORDS = "sparse retrieval heads quantum lattice gauge flows neural operators spectral bounds primes galaxy".split()


def record(rng, identifier, deleted):
    if deleted:
        return (
            f'<record><header status="deleted"><identifier>oai:arXiv.org:{identifier}</identifier>'
            "<datestamp>2026-11-29</datestamp></header></record>\n"
        )
    title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 10))).capitalize()
    versions = "".join(
        f'<version version="v{n}"><date>Fri, {n} Nov 2026 10:00:00 GMT</date><size>{100 * n}kb</size>'
        "<source_type>D</source_type></version>"
        for n in range(1, rng.randint(1, 4) + 1)
    )
    return (
        f"<record><header><identifier>oai:arXiv.org:{identifier}</identifier><datestamp>2026-11-29</datestamp>"
        f'<setSpec>cs</setSpec></header><metadata><arXivRaw xmlns="http://arxiv.org/OAI/arXivRaw/"><id>{identifier}</id>'
        f"<submitter>A. Author</submitter>{versions}<title>{escape(title)}</title><authors>A. Author and B. Writer</authors>"
        "<categories>cs.LG stat.ML</categories><comments>12 pages</comments>"
        "<license>http://creativecommons.org/licenses/by/4.0/</license>"
        f"<abstract>  {escape(title)} and more words of an abstract.\n</abstract></arXivRaw></metadata></record>\n"
    )


def pages(existing, count, size, seed):
    rng = random.Random(seed)
    made = []
    for number in range(count):
        body = []
        for index in range(size):
            serial = number * size + index
            if serial % 2 == 0:
                identifier = f"2612.{serial // 2 + 1:05d}"
            else:
                identifier = rng.choice(existing)
            body.append(record(rng, identifier, deleted=serial % 50 == 49))
        token = f"bench|{number + 1}" if number + 1 < count else ""
        made.append(
            (
                '<?xml version="1.0" encoding="UTF-8"?>\n<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">'
                f'<responseDate>2026-11-30T02:00:00Z</responseDate><request verb="ListRecords">https://oaipmh.arxiv.org/oai</request>'
                f'<ListRecords>{"".join(body)}<resumptionToken cursor="{number * size}" completeListSize="{count * size}">'
                f"{token}</resumptionToken></ListRecords></OAI-PMH>\n"
            ).encode()
        )
    return made


def serve(made):
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            params = parse_qs(urlsplit(self.path).query)
            token = params.get("resumptionToken", ["bench|0"])[0]
            body = made[int(token.split("|")[1])]
            self.send_response(200)
            self.send_header("Content-Type", "text/xml")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--pages", type=int, default=10)
    parser.add_argument("--page-size", type=int, default=1000)
    parser.add_argument("--binary", default=os.path.join(HERE, "..", ".build", "release", "notelint"))
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        snapshot = os.path.join(folder, "snapshot.json")
        subprocess.run(
            [sys.executable, os.path.join(HERE, "arxiv_snapshot.py"), "--records", str(arguments.records), "--output", snapshot],
            check=True,
        )
        database = os.path.join(folder, "arxiv.sqlite")
        subprocess.run([arguments.binary, "arxiv", "import", snapshot, "--db", database], check=True, stdout=subprocess.DEVNULL)
        existing = [row[0] for row in sqlite3.connect(database).execute("SELECT id FROM papers")]
        made = pages(existing, arguments.pages, arguments.page_size, seed=17)
        server = serve(made)
        environment = dict(
            os.environ,
            NOTELINT_ARXIV_OAI_URL=f"http://127.0.0.1:{server.server_address[1]}/oai",
            NOTELINT_ARXIV_INTERVAL="0",
            XDG_CACHE_HOME=os.path.join(folder, "cache"),
        )
        started = time.perf_counter()
        subprocess.run([arguments.binary, "arxiv", "sync", "--db", database], check=True, env=environment, stdout=subprocess.DEVNULL)
        elapsed = time.perf_counter() - started
        connection = sqlite3.connect(database)
        integrity = connection.execute("PRAGMA integrity_check").fetchone()[0]
        records = arguments.pages * arguments.page_size
        print(
            json.dumps(
                {
                    "index_records": arguments.records,
                    "synced_records": records,
                    "page_bytes": len(made[0]),
                    "seconds": round(elapsed, 2),
                    "records_per_second": round(records / elapsed),
                    "ms_per_page": round(1000 * elapsed / arguments.pages, 1),
                    "papers_after": connection.execute("SELECT count(*) FROM papers").fetchone()[0],
                    "integrity": integrity,
                },
                indent=2,
            )
        )


if __name__ == "__main__":
    main()
