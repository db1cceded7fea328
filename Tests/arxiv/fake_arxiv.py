#!/usr/bin/env python3
"""A stand-in for the arXiv API on 127.0.0.1, for tests: serves Atom feeds built from the
constructed entries in fixtures/arxiv/ and behaves like arXiv, failures included.

Run: fake_arxiv.py [FIXTURES_DIR]. Prints `PORT <n>` on the first line of standard output and
serves until standard input closes (so it ends with the process that started it).

The API lives at /api/query. A path /s/<scenario>/<token>/api/query adds a failure; the token
keeps the state of one test apart from another's. Scenarios:
  ratelimit    the first request gets 429 "Rate exceeded." with no Retry-After
  unavailable  the first request gets 503 with Retry-After: 1
  busy         every request gets 503
  empty        the first request gets an empty feed
  trickle      a valid feed sent one byte every 0.2 s
  malformed    a truncated feed
  doctype      a feed with a DOCTYPE declaring an external entity
  huge         an 11 MB body with no Content-Length
  reject       HTTP 400 and an error entry for the first identifier, whatever its shape
Any other scenario name behaves like arXiv (a token of its own keeps a test's log apart).

OAI-PMH lives at /oai (and /s/<scenario>/<token>/oai): ListRecords in the arXivRaw format
serves the pages of fixtures/arxiv/oai/ in order, each page's resumption token asking for the
next. ratelimit, unavailable and busy apply to it too. OAI-PMH scenarios:
  norecords    a ListRecords from a day answers noRecordsMatch
  expired      every request with a resumption token answers badResumptionToken
  expireonce   the first request with a resumption token answers badResumptionToken
  stall        a request with a resumption token waits 60 s before answering
GET /_log returns every request seen so far as JSON (path, query, user_agent, accept, time).

With FAKE_ARXIV_CERT and FAKE_ARXIV_KEY (PEM files) set, it speaks HTTPS with that certificate.
"""
import json
import os
import re
import ssl
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape, quoteattr

FIXTURES = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..", "..", "fixtures", "arxiv")
NEW_STYLE = re.compile(r"^\d{4}\.\d{4,5}(v\d+)?$")
OLD_STYLE = re.compile(r"^[a-z-]+(\.[A-Z]{2})?/\d{7}(v\d+)?$")

ENTRIES = {}
for name in sorted(os.listdir(FIXTURES)):
    if name.endswith(".xml"):
        ENTRIES[name[:-4].replace("_", "/")] = open(os.path.join(FIXTURES, name), encoding="utf-8").read()

OAI_PAGES = []
OAI_FOLDER = os.path.join(FIXTURES, "oai")
if os.path.isdir(OAI_FOLDER):
    for name in sorted(os.listdir(OAI_FOLDER)):
        if name.endswith(".xml"):
            OAI_PAGES.append(open(os.path.join(OAI_FOLDER, name), encoding="utf-8").read().encode("utf-8"))
# A page's token asks for the page after it.
OAI_TOKENS = {}
for number, page in enumerate(OAI_PAGES[:-1]):
    token = re.search(rb"<resumptionToken[^>]*>([^<]+)</resumptionToken>", page).group(1).decode()
    OAI_TOKENS[token] = number + 1

LOG = []
COUNTS = {}
LOCK = threading.Lock()


def feed(query, entries):
    head = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom">\n'
        f'  <link href={quoteattr("http://arxiv.org/api/query?" + query)} rel="self" type="application/atom+xml"/>\n'
        f'  <title type="html">ArXiv Query: {escape(query)}</title>\n'
        "  <id>http://arxiv.org/api/fake</id>\n"
        "  <updated>2026-11-29T00:00:00-05:00</updated>\n"
        f'  <opensearch:totalResults xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">{len(entries)}</opensearch:totalResults>\n'
        '  <opensearch:startIndex xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">0</opensearch:startIndex>\n'
        f'  <opensearch:itemsPerPage xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/">{len(entries)}</opensearch:itemsPerPage>\n'
    )
    return (head + "".join(entries) + "</feed>\n").encode("utf-8")


def error_feed(identifier):
    entry = (
        "  <entry>\n"
        f"    <id>https://arxiv.org/api/errors#incorrect_id_format_for_{identifier}</id>\n"
        "    <title>Error</title>\n"
        f"    <summary>incorrect id format for {identifier}</summary>\n"
        "    <updated>2026-11-29T00:00:00-05:00</updated>\n"
        '    <link href="https://arxiv.org/api/errors#incorrect_id_format_for_' + identifier + '" rel="alternate" type="text/html"/>\n'
        "    <author><name>arXiv api core</name></author>\n"
        "  </entry>\n"
    )
    return feed("id_list=" + identifier, [entry])


def oai_error(code, message):
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/">\n'
        "<responseDate>2026-11-30T02:00:00Z</responseDate>\n"
        '<request verb="ListRecords">https://oaipmh.arxiv.org/oai</request>\n'
        f'<error code="{code}">{escape(message)}</error>\n'
        "</OAI-PMH>\n"
    ).encode("utf-8")


def oai_answer(params, scenario, token_requests):
    """The body of an OAI-PMH request (OAI-PMH answers its errors with status 200)."""
    if params.get("verb") != ["ListRecords"]:
        return oai_error("badVerb", "only ListRecords is served here")
    if "resumptionToken" in params:
        if set(params) != {"verb", "resumptionToken"}:
            return oai_error("badArgument", "resumptionToken is an exclusive argument")
        token = params["resumptionToken"][0]
        if scenario == "expired" or (scenario == "expireonce" and token_requests == 1):
            return oai_error("badResumptionToken", f"the resumptionToken {token} has expired")
        if scenario == "stall":
            time.sleep(60)
        if token not in OAI_TOKENS:
            return oai_error("badResumptionToken", f"the resumptionToken {token} is not known")
        return OAI_PAGES[OAI_TOKENS[token]]
    if params.get("metadataPrefix") != ["arXivRaw"]:
        return oai_error("cannotDisseminateFormat", "this fake serves arXivRaw only")
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", params.get("from", [""])[0]):
        return oai_error("badArgument", "from must be a day, YYYY-MM-DD")
    if scenario == "norecords":
        return oai_error("noRecordsMatch", "no records match the request")
    return OAI_PAGES[0]


def words(text):
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).split()


def title_of(entry):
    return " ".join(re.search(r"<title>(.*?)</title>", entry, re.S).group(1).split())


def answer(params):
    """Status and body for a normal request."""
    max_results = int(params.get("max_results", ["10"])[0])
    if "id_list" in params:
        wanted = [i for i in params["id_list"][0].split(",") if i]
        for identifier in wanted:
            if not (NEW_STYLE.match(identifier) or OLD_STYLE.match(identifier)):
                return 400, error_feed(identifier)
        found = []
        for identifier in wanted:
            base, _, version = re.match(r"^(.*?)(v(\d+))?$", identifier).group(1, 2, 3)
            entry = ENTRIES.get(base)
            if entry is None:
                continue
            latest = int(re.search(r"<id>http://arxiv.org/abs/.*?v(\d+)</id>", entry).group(1))
            if version is not None:
                if int(version) > latest:
                    continue
                entry = re.sub(r"v\d+</id>", f"v{version}</id>", entry, count=1)
            found.append(entry)
        found.reverse()  # arXiv answers in any order
        return 200, feed("id_list=" + params["id_list"][0], found[:max_results])
    if "search_query" in params:
        query = params["search_query"][0]
        match = re.match(r'^ti:"?(.*?)"?$', query)
        asked = words(match.group(1) if match else query)
        hits = [e for _, e in sorted(ENTRIES.items()) if all(w in words(title_of(e)) for w in asked)]
        return 200, feed("search_query=" + query, hits[:max_results])
    return 400, error_feed("")


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send(self, status, body, headers=(), content_type="application/atom+xml; charset=utf-8"):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers:
            self.send_header(key, value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        parts = urlsplit(self.path)
        if parts.path == "/_log":
            with LOCK:
                body = json.dumps(LOG).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
            return
        scenario = None
        match = re.match(r"^/s/([a-z]+)/([A-Za-z0-9_-]+)/(api/query|oai)$", parts.path)
        if match:
            scenario = match.group(1)
        elif parts.path not in ("/api/query", "/oai"):
            self.send(404, b"not found")
            return
        with LOCK:
            LOG.append({"path": parts.path, "query": parts.query, "user_agent": self.headers.get("User-Agent", ""), "accept": self.headers.get("Accept", ""), "time": time.time()})
            key = parts.path
            COUNTS[key] = COUNTS.get(key, 0) + 1
            count = COUNTS[key]
            params = parse_qs(parts.query)
            token_requests = 0
            if "resumptionToken" in params:
                COUNTS[key + "#token"] = COUNTS.get(key + "#token", 0) + 1
                token_requests = COUNTS[key + "#token"]
        if scenario == "ratelimit" and count == 1:
            return self.send(429, b"Rate exceeded.")
        if scenario == "unavailable" and count == 1:
            return self.send(503, b"Service Unavailable", [("Retry-After", "1")])
        if scenario == "busy":
            return self.send(503, b"Service Unavailable")
        if parts.path.endswith("/oai"):
            return self.send(200, oai_answer(params, scenario, token_requests), content_type="text/xml; charset=utf-8")
        if scenario == "empty" and count == 1:
            return self.send(200, feed(parts.query, []))
        if scenario == "reject":
            first = params.get("id_list", [""])[0].split(",")[0]
            return self.send(400, error_feed(first))
        status, body = answer(params)
        if scenario == "malformed":
            return self.send(200, body[: len(body) // 2])
        if scenario == "doctype":
            evil = body.replace(b"<feed ", b'<!DOCTYPE feed [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<feed ', 1)
            evil = evil.replace(b"<title type=\"html\">", b"<title type=\"html\">&x;", 1)
            return self.send(200, evil)
        if scenario == "trickle":
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            try:
                for byte in body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.2)
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        if scenario == "huge":
            self.send_response(200)
            self.send_header("Content-Type", "application/atom+xml")
            self.send_header("Connection", "close")
            self.end_headers()
            self.close_connection = True
            try:
                self.wfile.write(body[: body.rfind(b"</feed>")])
                chunk = b"<!--" + b"x" * 65_000 + b"-->\n"
                for _ in range(11 * 1_048_576 // len(chunk) + 1):
                    self.wfile.write(chunk)
                self.wfile.write(b"</feed>\n")
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        self.send(status, body)


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if os.environ.get("FAKE_ARXIV_CERT"):
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(os.environ["FAKE_ARXIV_CERT"], os.environ["FAKE_ARXIV_KEY"])
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print(f"PORT {server.server_address[1]}", flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()  # serve until whoever started the server goes away
    os._exit(0)


if __name__ == "__main__":
    main()
