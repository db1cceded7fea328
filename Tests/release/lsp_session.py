#!/usr/bin/env python3
"""One editor session against a notelint language server started by the given command:
initialize, open a note with a leftover template, wait for its diagnostics, shut down, exit.
Exits 0 when the server answered every step as the protocol says; prints what it saw.

Usage: lsp_session.py VERSION COMMAND...   (VERSION: what serverInfo must state)"""
import json
import subprocess
import sys
import threading
import queue


def main():
    version, command = sys.argv[1], sys.argv[2:]
    server = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    inbox = queue.Queue()

    def read():
        while True:
            headers = b""
            while not headers.endswith(b"\r\n\r\n"):
                byte = server.stdout.read(1)
                if not byte:
                    inbox.put(None)
                    return
                headers += byte
            length = next(int(line.split(b":")[1]) for line in headers.split(b"\r\n") if line.lower().startswith(b"content-length"))
            inbox.put(json.loads(server.stdout.read(length)))

    threading.Thread(target=read, daemon=True).start()

    def send(message):
        body = json.dumps(dict(jsonrpc="2.0", **message)).encode()
        server.stdin.write(b"Content-Length: %d\r\n\r\n%s" % (len(body), body))
        server.stdin.flush()

    def wait(predicate):
        while True:
            message = inbox.get(timeout=30)
            if message is None:
                sys.exit("the server closed its output")
            if predicate(message):
                return message

    send(dict(id=1, method="initialize", params=dict(processId=None, rootUri=None, capabilities={})))
    answer = wait(lambda m: m.get("id") == 1)
    assert answer["result"]["serverInfo"] == {"name": "notelint", "version": version}, answer
    send(dict(method="initialized", params={}))
    uri = "file:///notes/reading.md"
    send(dict(method="textDocument/didOpen",
              params=dict(textDocument=dict(uri=uri, languageId="markdown", version=1, text="Title:\nLink:\n"))))
    published = wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri)
    codes = [d.get("code") for d in published["params"]["diagnostics"]]
    assert "entry-blank" in codes, published
    send(dict(id=2, method="shutdown"))
    assert wait(lambda m: m.get("id") == 2).get("result", "missing") is None
    send(dict(method="exit"))
    assert server.wait(timeout=10) == 0
    print("lsp: initialize, diagnostics %s, shutdown, exit 0" % codes)


if __name__ == "__main__":
    main()
