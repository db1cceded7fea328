#!/usr/bin/env python3
"""Language server memory: a release `notelint lsp` takes every hostile input of
Tests/lsp/test_hostile.py, then opens and closes a note with 100,000 findings (1.7 MB) a few
times. Prints the resident memory after each step, above the size after `initialize`, for the
server as shipped (one allocator arena) and, in the same run, for the allocator's default
(`MALLOC_ARENA_MAX` at eight per core), with their ratio.

    python3 bench/lsp_memory.py [--rounds 5]

Targets: no step leaves more than 64 MB above the start, and the open/close rounds level off
(the last round's memory within 10% of the second's): growth that goes on is a leak.
"""
import argparse
import os
import pathlib
import sys
import time

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
from run import ROOT, build_release  # noqa: E402

sys.path.insert(0, str(ROOT / "Tests/lsp"))

MANY_URI = "file:///tmp/notelint-memory/many.md"


def settle(server, baseline):
    # Freed memory goes back to the system just after a publish: allow a moment.
    time.sleep(0.5)
    return server.rss_kib() - baseline


def measure(hostile, rounds, env):
    from rawclient import RawServer  # noqa: E402  (reads NOTELINT_BIN)
    server = RawServer(env=env)
    server.initialize()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": hostile.URI, "languageId": "markdown", "version": 5,
                                                            "text": "Title: A\nLink: https://example.org\nDate: 2020\n---\n"}})
    server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    baseline = server.rss_kib()
    steps = []
    for name, data in hostile.CASES:
        server.send_raw(data)
        for wanted in ("big.md", "many.md"):
            if wanted in name.replace("5 MB note", "big.md").replace("100,000 findings", "many.md") and "outline" not in name:
                server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                and m["params"]["uri"].endswith(wanted), timeout=120)
        assert hostile.answers_a_valid_request(server), name
        steps.append((name, settle(server, baseline)))
    for index in range(rounds):
        server.notify("textDocument/didOpen", {"textDocument": {"uri": MANY_URI, "languageId": "markdown", "version": 1,
                                                                "text": hostile.MANY_FINDINGS}})
        server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == MANY_URI
                        and m["params"]["diagnostics"], timeout=120)
        steps.append(("round %d: 100,000 findings open" % (index + 1), settle(server, baseline)))
        server.notify("textDocument/didClose", {"textDocument": {"uri": MANY_URI}})
        server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == MANY_URI
                        and not m["params"]["diagnostics"], timeout=120)
        steps.append(("round %d: closed" % (index + 1), settle(server, baseline)))
    server.call("shutdown")
    server.notify("exit")
    server.process.wait(10)
    return baseline, steps


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()

    os.environ["NOTELINT_BIN"] = str(build_release(static=True))
    import test_hostile as hostile  # noqa: E402

    shipped_env = {key: value for key, value in os.environ.items() if key != "MALLOC_ARENA_MAX"}
    default_env = dict(shipped_env, MALLOC_ARENA_MAX=str(8 * os.cpu_count()))
    shipped_base, shipped = measure(hostile, args.rounds, shipped_env)
    default_base, default = measure(hostile, args.rounds, default_env)

    print("%d cores; resident memory after initialize: %.1f MiB (shipped), %.1f MiB (allocator default)"
          % (os.cpu_count(), shipped_base / 1024, default_base / 1024))
    print("%-52s %12s %12s %7s" % ("step (memory above the start)", "shipped", "default", "ratio"))
    for (name, grown), (_, default_grown) in zip(shipped, default):
        ratio = "%.2f" % (grown / default_grown) if default_grown > 0 else "-"
        print("%-52s %8.1f MiB %8.1f MiB %7s" % (name[:52], grown / 1024, default_grown / 1024, ratio))
    worst = max(grown for _, grown in shipped)
    closed = [grown for name, grown in shipped if name.endswith("closed")]
    print("worst step: %.1f MiB above the start   (target: under 64 MiB)" % (worst / 1024))
    if len(closed) >= 3:
        print("closed note, last round / second round: %.2f   (target: 1.10 or less; more is a leak)"
              % (closed[-1] / max(closed[1], 1)))


if __name__ == "__main__":
    main()
