"""Fill from arXiv and Find on arXiv through notelint lsp, resolved against the fake arXiv
server (Tests/arxiv/fake_arxiv.py) on 127.0.0.1; pytest-lsp checks every message."""
import asyncio
import atexit
import json
import os
import subprocess
import sys
import tempfile
import urllib.request

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import ROOT, SERVER

FAKE = subprocess.Popen(
    [sys.executable, str(ROOT / "Tests/arxiv/fake_arxiv.py"), str(ROOT / "fixtures/arxiv")],
    stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
)
PORT = int(FAKE.stdout.readline().split()[1])
atexit.register(FAKE.stdin.close)
API = f"http://127.0.0.1:{PORT}/s/plain/pytest/api/query"
CACHE = tempfile.mkdtemp(prefix="notelint-pytest-arxiv-")
ENV = {**os.environ, "NOTELINT_ARXIV_API_URL": API, "NOTELINT_ARXIV_INTERVAL": "0.05", "XDG_CACHE_HOME": CACHE}

NOTE = """Title: 
Link: https://arxiv.org/abs/2104.09864
Date: 
Subjects: 

---

Title: Meta Learning for Knowledge Distillation
Link: 
Date: 
"""


def requests_seen():
    with urllib.request.urlopen(f"http://127.0.0.1:{PORT}/_log") as response:
        return [entry["query"] for entry in json.load(response) if entry["path"] == "/s/plain/pytest/api/query"]


def capabilities():
    return types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(
            code_action=types.CodeActionClientCapabilities(
                code_action_literal_support=types.ClientCodeActionLiteralOptions(
                    code_action_kind=types.ClientCodeActionKindOptions(value_set=["quickfix", "refactor.rewrite"])
                ),
                resolve_support=types.ClientCodeActionResolveOptions(properties=["edit"]),
                data_support=True,
            ),
            hover=types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown]),
        ),
    )


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, server_env=ENV))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities()))
    yield
    await lsp_client.shutdown_session()


def at_line(line):
    return types.Range(start=types.Position(line=line, character=0), end=types.Position(line=line, character=0))


async def actions(client, uri, line):
    return await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=at_line(line),
        context=types.CodeActionContext(diagnostics=[]),
    ))


async def open_note(client, path, text):
    """Writes `text` to `path`, opens it in the server and waits for its findings; returns its URI."""
    path.write_text(text)
    uri = path.as_uri()
    client.text_document_did_open(types.DidOpenTextDocumentParams(
        text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri


def edit(line, start, end, text):
    return types.TextEdit(range=types.Range(start=types.Position(line=line, character=start),
                                            end=types.Position(line=line, character=end)), new_text=text)


@pytest.mark.asyncio
async def test_fill_and_find_resolve_against_the_fake_server(client: LanguageClient, note_dir):
    uri = await open_note(client, note_dir / "note.md", NOTE)

    offered = await actions(client, uri, 0)
    fill = next(a for a in offered if a.title == "Fill from arXiv (2104.09864)")
    assert fill.edit is None and fill.kind == "refactor.rewrite"
    assert requests_seen() == [], "listing actions touches no network"
    resolved = await client.code_action_resolve_async(fill)
    assert list(resolved.edit.changes[uri]) == [
        edit(0, 6, 7, " RoFormer: Enhanced Transformer with Rotary Position Embedding"),
        edit(2, 5, 6, " 20 Apr 2021"),
        edit(3, 9, 10, " Computation and Language (cs.CL); Artificial Intelligence (cs.AI); Machine Learning (cs.LG)"),
    ]
    assert requests_seen() == ["id_list=2104.09864&max_results=1"]

    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=types.Position(line=1, character=20)))
    assert hover.contents.value.startswith("**RoFormer: Enhanced Transformer with Rotary Position Embedding**\n\n"
                                           "Jianlin Su, Yu Lu, Shengfeng Pan, Ahmed Murtadha, Bo Wen, Yunfeng Liu\n\n"
                                           "arXiv 2104.09864 · submitted 20 Apr 2021 (v1) · v5 of 2023-11-08")

    offered = await actions(client, uri, 7)
    find = next(a for a in offered if a.title == "Find on arXiv")
    resolved = await client.code_action_resolve_async(find)
    assert list(resolved.edit.changes[uri]) == [
        edit(8, 5, 6, " https://arxiv.org/abs/2106.04570"),
        edit(9, 5, 6, " 8 Jun 2021"),
        edit(10, 0, 0, "Subjects: Machine Learning (cs.LG); Artificial Intelligence (cs.AI); Computation and Language (cs.CL); "
                       "Computer Vision and Pattern Recognition (cs.CV)\n"),
    ]
    assert requests_seen()[1] == "search_query=ti:%22Meta%20Learning%20for%20Knowledge%20Distillation%22&max_results=10"
    offered = await actions(client, uri, 7)
    assert [a.title for a in offered if a.title.startswith("Link to")] == [
        "Link to 2106.04570: Meta Learning for Knowledge Distillation"]


def choosing_capabilities():
    chosen = capabilities()
    chosen.workspace = types.WorkspaceClientCapabilities(
        apply_edit=True, workspace_edit=types.WorkspaceEditClientCapabilities(document_changes=True))
    return chosen


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER, server_env=ENV))
async def choosing_client(lsp_client: LanguageClient):
    lsp_client.questions, lsp_client.applied = [], []

    @lsp_client.feature(types.WINDOW_SHOW_MESSAGE_REQUEST)
    def choose(params: types.ShowMessageRequestParams):
        lsp_client.questions.append(params)
        return params.actions[-1]

    @lsp_client.feature(types.WORKSPACE_APPLY_EDIT)
    def apply(params: types.ApplyWorkspaceEditParams):
        lsp_client.applied.append(params)
        return types.ApplyWorkspaceEditResult(applied=True)

    await lsp_client.initialize_session(types.InitializeParams(capabilities=choosing_capabilities()))
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_find_without_an_exact_match_offers_the_candidates_as_choices(choosing_client: LanguageClient, note_dir):
    client = choosing_client
    uri = await open_note(client, note_dir / "interstellar.md", "Title: Interstellar\nLink: \n")

    find = next(a for a in await actions(client, uri, 0) if a.title == "Find on arXiv")
    resolved = await client.code_action_resolve_async(find)
    assert resolved.edit is None
    for _ in range(200):  # the edit is a request of the server's, sent after the resolve's answer
        if client.applied:
            break
        await asyncio.sleep(0.05)
    assert [question.message for question in client.questions] == [
        "Find on arXiv: no paper is titled exactly “Interstellar”. Link one of these?"]
    assert [action.title for action in client.questions[0].actions] == [
        "Link to 1502.03808: Gravitational Lensing by Spinning Black Holes in Astrophysics, and in the Movie Interstellar",
        "Link to 1604.01356: A Roadmap to Interstellar Flight"]
    (applied,) = client.applied
    assert applied.label == "Link to 1604.01356"
    (change,) = applied.edit.document_changes
    assert (change.text_document.uri, change.text_document.version) == (uri, 1)
    assert list(change.edits) == [
        edit(1, 5, 6, " https://arxiv.org/abs/1604.01356"),
        edit(2, 0, 0, "Date: 5 Apr 2016\nSubjects: Earth and Planetary Astrophysics (astro-ph.EP); "
                      "Instrumentation and Methods for Astrophysics (astro-ph.IM); Popular Physics (physics.pop-ph)\n"),
    ]
