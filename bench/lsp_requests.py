#!/usr/bin/env python3
"""Editor request latency on a large note: opens a 5 MB reading list (entries with
footnotes) in a release `notelint lsp`, waits for its diagnostics, then sends each editor
request several times on the unchanged version and prints the median and the slowest time
per method (the first request of a version included).

    python3 bench/lsp_requests.py [--binary PATH] [--repeat 5] [--entries 18000]

Without --binary it builds `swift build -c release --scratch-path .build-release`.
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
sys.path.insert(0, str(ROOT / "bench"))
from lsp_latency import make_note  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--entries", type=int, default=18000)
    args = parser.parse_args()
    binary = args.binary
    if binary is None:
        subprocess.run(["swift", "build", "-c", "release", "--scratch-path", ".build-release", "--product", "notelint"],
                       cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        binary = str(ROOT / ".build-release/release/notelint")
    os.environ["NOTELINT_BIN"] = os.path.abspath(binary)
    sys.path.insert(0, str(ROOT / "Tests/lsp"))
    from rawclient import RawServer  # noqa: E402  (reads NOTELINT_BIN)

    work = pathlib.Path(tempfile.mkdtemp(prefix="notelint-requests-bench-"))
    note = make_note(args.entries)
    path = work / "big.md"
    path.write_text(note)
    uri = path.as_uri()
    lines = note.split("\n")
    reference = next(n for n, text in enumerate(lines) if text.startswith("A short comment"))
    at = {"line": reference, "character": lines[reference].index("[^") + 3}
    link = next(n for n, text in enumerate(lines) if text.startswith("Link:"))
    document = {"uri": uri}
    requests = [
        ("textDocument/definition", {"textDocument": document, "position": at}),
        ("textDocument/references", {"textDocument": document, "position": at, "context": {"includeDeclaration": True}}),
        ("textDocument/hover", {"textDocument": document, "position": {"line": link, "character": 10}}),
        ("textDocument/completion", {"textDocument": document, "position": at}),
        ("textDocument/documentSymbol", {"textDocument": document}),
        ("textDocument/foldingRange", {"textDocument": document}),
        ("textDocument/documentLink", {"textDocument": document}),
        ("textDocument/formatting", {"textDocument": document, "options": {"tabSize": 4, "insertSpaces": True}}),
    ]

    server = RawServer(env=dict(os.environ, XDG_CACHE_HOME=str(work / "cache")))
    server.initialize()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": note}})
    server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics", timeout=300)
    print("note: %d bytes, %d lines, %d entries; %s" % (len(note.encode()), note.count("\n"), args.entries, binary))
    print("%-30s %10s %10s" % ("request", "median ms", "max ms"))
    for method, params in requests:
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            response = server.call(method, params, timeout=300)
            times.append(time.perf_counter() - start)
            if "error" in response:
                raise SystemExit("%s failed: %s" % (method, response["error"]))
        print("%-30s %10.1f %10.1f" % (method, statistics.median(times) * 1000, max(times) * 1000))
    with open("/proc/%d/status" % server.process.pid) as status:
        peak = next(int(line.split()[1]) for line in status if line.startswith("VmHWM:")) / 1024
    print("server peak resident memory: %.1f MiB" % peak)
    server.call("shutdown")
    server.notify("exit")
    server.process.wait(10)


if __name__ == "__main__":
    main()
