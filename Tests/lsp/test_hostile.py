"""Malformed and adversarial input: after each, the server is still running and answers a valid
request. What each case costs in resident memory is measured by bench/lsp_memory.py, not here:
the figure depends on the machine's allocator and core count."""
import json
import subprocess

import pytest

from rawclient import RawServer

URI = "file:///tmp/notelint-hostile/note.md"


def frame(body):
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def message(obj):
    return frame(json.dumps(obj).encode())


def change(version, changes, uri=URI):
    return message({"jsonrpc": "2.0", "method": "textDocument/didChange",
                    "params": {"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}})


def rng(a, b, c, d):
    return {"start": {"line": a, "character": b}, "end": {"line": c, "character": d}}


BIG_NOTE = "".join(
    "Title: Entry %d\nLink: https://arxiv.org/abs/2104.%05d\nDate: 20 Apr 2021\n"
    "Subjects: Computation and Language (cs.CL)\n\nText.[^n%d]\n\n---\n\n" % (i, i, i) for i in range(30000)
) + "".join("[^n%d]: note %d\n" % (i, i) for i in range(30000))
MANY_FINDINGS = "Title:\nLink:\n\n" * 100000

CASES = [
    ("no Content-Length", b"Content-Type: application/json\r\n\r\n{}"),
    ("Content-Length not a number", b"Content-Length: twelve\r\n\r\n"),
    ("negative Content-Length", b"Content-Length: -5\r\n\r\n"),
    ("Content-Length too small", b"Content-Length: 5\r\n\r\n" + json.dumps({"jsonrpc": "2.0", "method": "x"}).encode()),
    ("Content-Length too large", b"Content-Length: 60\r\n\r\n" + json.dumps({"jsonrpc": "2.0", "method": "x"}).encode()),
    ("blanks around the header", b"  content-length :  2 \r\n\r\n{}"),
    ("body not JSON", frame(b"hello, server")),
    ("invalid UTF-8", frame(b'{"jsonrpc":"2.0","method":"\xff\xfe"}')),
    ("truncated JSON", frame(b'{"jsonrpc":"2.0","id":99,"method":')),
    ("batch array", frame(b'[{"jsonrpc":"2.0","id":98,"method":"shutdown"}]')),
    ("bare number", frame(b"42")),
    ("bare string", frame(b'"text"')),
    ("no jsonrpc member", frame(b'{"id":97,"method":"initialize"}')),
    ("wrong jsonrpc version", frame(b'{"jsonrpc":"1.0","id":96,"method":"shutdown"}')),
    ("method is a number", frame(b'{"jsonrpc":"2.0","id":95,"method":7}')),
    ("id is an object", frame(b'{"jsonrpc":"2.0","id":{"a":1},"method":"shutdown"}')),
    ("id is null", frame(b'{"jsonrpc":"2.0","id":null,"method":"shutdown"}')),
    ("deeply nested params", frame(b'{"jsonrpc":"2.0","method":"x","params":' + b"[" * 100000 + b"]" * 100000 + b"}")),
    ("lone surrogate escape", frame(b'{"jsonrpc":"2.0","method":"x","params":{"s":"\\ud800"}}')),
    ("didOpen with params a string", message({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": "note"})),
    ("didOpen without text", message({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {"uri": URI}}})),
    ("change for a document never opened", change(2, [{"text": "x"}], uri="file:///tmp/never-opened.md")),
    ("versions out of order", change(1, [{"text": "Title:\nLink:\n"}])),
    ("positions past the end", change(1000, [{"range": rng(500, 0, 900, 99), "text": "tail\n"}])),
    ("negative positions", change(1001, [{"range": rng(-1, -4, 0, 0), "text": "x"}])),
    ("range start after end", change(1002, [{"range": rng(3, 0, 1, 0), "text": "y"}])),
    ("change without text", change(1003, [{"range": rng(0, 0, 0, 0)}])),
    ("code action without context", message({"jsonrpc": "2.0", "id": 94, "method": "textDocument/codeAction", "params": {"textDocument": {"uri": URI}}})),
    ("code action past the end", message({"jsonrpc": "2.0", "id": 93, "method": "textDocument/codeAction",
                                          "params": {"textDocument": {"uri": URI}, "range": rng(10**6, 10**6, 10**7, 0), "context": {"diagnostics": [{"range": rng(-5, 0, 0, 0), "message": 3, "data": "x"}]}}})),
    ("cancel an unknown request", message({"jsonrpc": "2.0", "method": "$/cancelRequest", "params": {"id": 123456}})),
    ("response to nothing", message({"jsonrpc": "2.0", "id": "ghost", "result": {"a": 1}})),
    ("unknown notification", message({"jsonrpc": "2.0", "method": "$/weird", "params": [1, None, {"x": []}]})),
    ("headers never ending", b"X-Junk: " + b"a" * 70000),
    ("a 20 MB body", frame(json.dumps({"jsonrpc": "2.0", "method": "$/big", "params": {"text": "x" * (20 * 1024 * 1024)}}).encode())),
    ("didOpen of a 5 MB note", message({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                                        "params": {"textDocument": {"uri": "file:///tmp/notelint-hostile/big.md", "languageId": "markdown", "version": 1, "text": BIG_NOTE}}})),
    ("a note with 100,000 findings", message({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                                             "params": {"textDocument": {"uri": "file:///tmp/notelint-hostile/many.md", "languageId": "markdown", "version": 1, "text": MANY_FINDINGS}}})),
    ("NUL bytes and control characters in a note", message({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                                                           "params": {"textDocument": {"uri": "file:///tmp/notelint-hostile/nul.md", "languageId": "markdown", "version": 1, "text": "Title: \u0000\u0001\u001b[31m\nLink:\u0000\n[^\u0000]\n"}}})),
    ("two messages in one write", message({"jsonrpc": "2.0", "method": "$/a"}) + message({"jsonrpc": "2.0", "method": "$/b"})),
    ("definition with a string position", message({"jsonrpc": "2.0", "id": 92, "method": "textDocument/definition",
                                                  "params": {"textDocument": {"uri": URI}, "position": "start"}})),
    ("completion far past the end", message({"jsonrpc": "2.0", "id": 91, "method": "textDocument/completion",
                                            "params": {"textDocument": {"uri": URI}, "position": {"line": 10**9, "character": 10**9}}})),
    ("rename to a 100,000-character label", message({"jsonrpc": "2.0", "id": 90, "method": "textDocument/rename",
                                                    "params": {"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}, "newName": "x" * 100000}})),
    ("rename with a number for the name", message({"jsonrpc": "2.0", "id": 89, "method": "textDocument/rename",
                                                  "params": {"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}, "newName": 7}})),
    ("range formatting with an inverted range", message({"jsonrpc": "2.0", "id": 88, "method": "textDocument/rangeFormatting",
                                                        "params": {"textDocument": {"uri": URI}, "range": rng(9, 0, -3, 0), "options": {}}})),
    ("outline, folding and links of the 5 MB note", b"".join(message({"jsonrpc": "2.0", "id": 80 + index, "method": method,
                                                                    "params": {"textDocument": {"uri": "file:///tmp/notelint-hostile/big.md"}}})
                                                            for index, method in enumerate(["textDocument/documentSymbol", "textDocument/foldingRange", "textDocument/documentLink"]))
     # The parse those requests share is kept while the note is open, and freed when it closes.
     + message({"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": "file:///tmp/notelint-hostile/big.md"}}})),
    ("hover and completion in a note of NUL bytes", message({"jsonrpc": "2.0", "id": 79, "method": "textDocument/hover",
                                                            "params": {"textDocument": {"uri": "file:///tmp/notelint-hostile/nul.md"}, "position": {"line": 2, "character": 2}}})
     + message({"jsonrpc": "2.0", "id": 78, "method": "textDocument/completion",
                "params": {"textDocument": {"uri": "file:///tmp/notelint-hostile/nul.md"}, "position": {"line": 2, "character": 2}}})),
    ("workspace requests without a workspace", message({"jsonrpc": "2.0", "id": 77, "method": "workspace/symbol", "params": {"query": 12}})
     + message({"jsonrpc": "2.0", "id": 76, "method": "workspace/diagnostic", "params": {"previousResultIds": "none"}})),
]


@pytest.fixture(scope="module")
def server():
    server = RawServer()
    server.initialize()
    server.notify("textDocument/didOpen", {"textDocument": {"uri": URI, "languageId": "markdown", "version": 5, "text": "Title: A\nLink: https://example.org\nDate: 2020\n---\n"}})
    server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    yield server
    server.call("shutdown")
    server.notify("exit")
    assert server.process.wait(10) == 0


def answers_a_valid_request(server):
    reply = server.call("textDocument/codeAction", {
        "textDocument": {"uri": URI}, "range": rng(0, 0, 0, 0),
        "context": {"diagnostics": [], "only": ["source.fixAll"]}}, timeout=30)
    return "result" in reply and isinstance(reply["result"], list)


def test_there_are_at_least_thirty_cases():
    assert len(CASES) >= 30


@pytest.mark.parametrize("name,data", CASES, ids=[case[0] for case in CASES])
def test_the_server_survives(server, name, data):
    server.send_raw(data)
    if name == "didOpen of a 5 MB note":
        # Measure memory once the big note has been linted, not while it is.
        published = server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                    and m["params"]["uri"].endswith("big.md"), timeout=60)
        assert len(published["params"]["diagnostics"]) == 0
    if name == "a note with 100,000 findings":
        published = server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                                    and m["params"]["uri"].endswith("many.md"), timeout=60)
        # The editor gets the first 5,000; a list longer than that helps no one.
        assert len(published["params"]["diagnostics"]) == 5000
    assert answers_a_valid_request(server), name
    assert server.process.poll() is None


def test_a_message_over_the_configured_maximum_is_skipped_with_an_error():
    server = RawServer("--max-message-size", "1")
    server.initialize()
    server.send_raw(frame(json.dumps({"jsonrpc": "2.0", "id": 7, "method": "shutdown", "params": {"pad": "x" * (2 * 1024 * 1024)}}).encode()))
    error = server.wait_for(lambda m: "error" in m)
    assert error["id"] is None and error["error"]["code"] == -32600
    assert "maximum" in error["error"]["message"]
    assert server.call("shutdown")["result"] is None
    server.notify("exit")
    assert server.process.wait(10) == 0


def test_initialize_without_capabilities_is_refused_with_invalid_params():
    server = RawServer()
    reply = server.call("initialize", {"processId": None, "rootUri": None})
    assert reply["error"]["code"] == -32602
    assert "capabilities" in reply["error"]["message"]
    # Refused, not half-initialized: a proper `initialize` is still taken.
    assert "capabilities" in server.call("initialize", {"processId": None, "rootUri": None, "capabilities": {}})["result"]
    server.call("shutdown")
    server.notify("exit")
    assert server.process.wait(10) == 0


def test_a_request_whose_params_have_the_wrong_type_names_the_member():
    server = RawServer()
    server.initialize()
    reply = server.call("textDocument/hover", {"textDocument": {"uri": URI}, "position": {"line": "one", "character": 0}})
    assert reply["error"]["code"] == -32602
    assert "params.position.line" in reply["error"]["message"]
    server.call("shutdown")
    server.notify("exit")
    assert server.process.wait(10) == 0


def test_the_server_exits_when_the_editor_that_started_it_dies():
    editor = subprocess.Popen(["sleep", "600"])
    server = RawServer()
    server.call("initialize", {"processId": editor.pid, "rootUri": None, "capabilities": {}})
    server.notify("initialized", {})
    assert server.process.poll() is None
    editor.kill()
    editor.wait()
    # The server checks every few seconds; it exits without `shutdown`, so with status 1.
    assert server.process.wait(20) == 1
