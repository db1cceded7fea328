"""Shared set-up: where the notelint binary is, and notes with markers for positions."""
import os
import pathlib
import tempfile

import pytest
from lsprotocol import types

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("NOTELINT_BIN", str(ROOT / ".build/debug/notelint"))
SERVER = [BINARY, "lsp", "--log-level", "info"]
# The server's arXiv metadata cache: empty, never the user's own.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="notelint-pytest-cache-")


def marked(text):
    """Splits a note with `|` markers into the text and the (line, character) of each marker,
    characters counted in UTF-16 code units as the default encoding does."""
    positions = []
    lines = text.split("\n")
    clean = []
    for number, line in enumerate(lines):
        while "|" in line:
            index = line.index("|")
            positions.append(types.Position(line=number, character=len(line[:index].encode("utf-16-le")) // 2))
            line = line[:index] + line[index + 1:]
        clean.append(line)
    return "\n".join(clean), positions


@pytest.fixture
def note_dir(tmp_path):
    """A folder outside any git work tree, so no .notelint.yml from elsewhere applies."""
    return tmp_path
