#!/usr/bin/env python3
"""Writes the fuzz targets' seed corpora: the notes under fixtures/ and every example in the
rule pages (rules/*.md) for the pipeline; for the server, client message streams that open,
edit, query and close those notes, with CRLF and BOM variants and a few broken frames.

    python3 Fuzz/make_seeds.py OUT_FOLDER   (writes OUT_FOLDER/pipeline and OUT_FOLDER/server)
"""
import hashlib
import json
import pathlib
import re
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def notes():
    for path in sorted((ROOT / "fixtures").rglob("*.md")):
        yield path.read_bytes()
    block = re.compile(r"```markdown\n(.*?)```", re.S)
    for page in sorted((ROOT / "rules").glob("*.md")):
        for example in block.findall(page.read_text(encoding="utf-8")):
            yield example.replace("\u2193", "").encode("utf-8")


def frame(message):
    body = json.dumps(message, ensure_ascii=False).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def session(text):
    uri = "file:///notes/seed.md"
    lines = text.split("\n")
    last = len(lines) - 1
    return b"".join([
        frame({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
            "uri": uri, "languageId": "markdown", "version": 1, "text": text}}}),
        frame({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": 2},
            "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "text": "X\n"},
                               {"range": {"start": {"line": last, "character": 0}, "end": {"line": last, "character": 0}}, "text": "[^z]"}]}}),
        frame({"jsonrpc": "2.0", "id": 1, "method": "textDocument/codeAction", "params": {
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": last, "character": 0}},
            "context": {"diagnostics": []}}}),
        frame({"jsonrpc": "2.0", "id": 2, "method": "textDocument/diagnostic", "params": {"textDocument": {"uri": uri}}}),
        frame({"jsonrpc": "2.0", "method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}}),
    ])


BROKEN_STREAMS = [
    b"Content-Length: 5\r\n\r\n{\"a\":",
    b"Content-Length: 2\r\n\r\n{}Content-Length: 2\r\n\r\n[]",
    b"content-length:   10\r\nX-Other: 1\r\n\r\n{\"id\":1}  ",
    b"Content-Length: -1\r\n\r\n",
    b"Content-Length: 99999999999\r\n\r\n{}",
    b"\r\n\r\n\r\n",
    frame([{"jsonrpc": "2.0", "id": 3, "method": "shutdown"}]),
    frame({"jsonrpc": "2.0", "id": {"nested": True}, "method": "initialize"}),
    frame({"jsonrpc": "2.0", "method": "workspace/didChangeConfiguration", "params": {"settings": {"notelint": {"docsURL": 5}}}}),
]


def write(folder, items):
    folder.mkdir(parents=True, exist_ok=True)
    for item in items:
        (folder / hashlib.sha1(item).hexdigest()).write_bytes(item)


def main():
    out = pathlib.Path(sys.argv[1])
    pipeline, server = [], list(BROKEN_STREAMS)
    for note in notes():
        pipeline += [note, note.replace(b"\n", b"\r\n"), b"\xef\xbb\xbf" + note]
        server.append(session(note.decode("utf-8", "replace")))
    write(out / "pipeline", pipeline)
    write(out / "server", server)
    print(f"seeds: {len(set(pipeline))} notes, {len(set(server))} message streams")


if __name__ == "__main__":
    main()
