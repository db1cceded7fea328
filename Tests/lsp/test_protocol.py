"""notelint lsp driven by pytest-lsp, whose client checks every message against the
protocol's own types (lsprotocol); specification warnings are errors (pytest.ini)."""
import asyncio

import pytest
import pytest_lsp
from lsprotocol import types
from pygls.exceptions import JsonRpcException
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import SERVER, marked

EXAMPLE = """---
title:\t"Title"
---

Title: RoFormer
Link: https://arxiv.org/abs/2104.09864
Date: 20 Apr 2021
---

Title:
Link:

Text with a note.[^missing]
"""


def capabilities(pull=False, utf8=False):
    text_document = types.TextDocumentClientCapabilities(
        code_action=types.CodeActionClientCapabilities(
            code_action_literal_support=types.ClientCodeActionLiteralOptions(
                code_action_kind=types.ClientCodeActionKindOptions(value_set=["quickfix", "source.fixAll"])
            )
        ),
        publish_diagnostics=types.PublishDiagnosticsClientCapabilities(version_support=True),
        diagnostic=types.DiagnosticClientCapabilities(dynamic_registration=False) if pull else None,
    )
    general = types.GeneralClientCapabilities(
        position_encodings=[types.PositionEncodingKind.Utf8, types.PositionEncodingKind.Utf16] if utf8 else None
    )
    return types.ClientCapabilities(text_document=text_document, general=general)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities()))
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def pull_client(lsp_client: LanguageClient):
    result = await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities(pull=True, utf8=True)))
    lsp_client.initialize_result = result
    yield
    await lsp_client.shutdown_session()


@pytest_lsp.fixture(
    config=ClientServerConfig(server_command=SERVER, server_env={"NOTELINT_LSP_TEST_DELAY": "textDocument/codeAction:3000"})
)
async def slow_client(lsp_client: LanguageClient):
    await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities()))
    yield
    await lsp_client.shutdown_session()


def open_note(client, uri, text, version=1):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="markdown", version=version, text=text)
        )
    )


async def diagnostics_for(client, uri, version):
    """Waits for the diagnostics of `uri` at `version` (earlier versions' may come first)."""
    for _ in range(50):
        await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        if client.diagnostics.get(uri) is not None and getattr(client, "_versions", {}).get(uri, version) == version:
            return client.diagnostics[uri]
    raise AssertionError("no diagnostics for version %d" % version)


def apply_edits(text, edits):
    """Applies LSP text edits (UTF-16 positions) to text, last first."""
    lines = text.split("\n")

    def offset(position):
        before = sum(len(line) + 1 for line in lines[:position.line])
        line = lines[position.line] if position.line < len(lines) else ""
        units = line.encode("utf-16-le")[: position.character * 2].decode("utf-16-le")
        return before + len(units)

    for edit in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end):]
    return text


def summary(diagnostics):
    return sorted((d.range.start.line, d.code) for d in diagnostics)


async def test_initialize_negotiates_utf16_by_default_and_utf8_when_offered(client, pull_client):
    assert pull_client.initialize_result.capabilities.position_encoding == types.PositionEncodingKind.Utf8
    assert pull_client.initialize_result.capabilities.diagnostic_provider is not None


async def test_open_pushes_every_finding_with_rule_ids_links_and_data(client, note_dir):
    uri = (note_dir / "note.md").as_uri()
    open_note(client, uri, EXAMPLE)
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    found = client.diagnostics[uri]
    assert summary(found) == [
        (1, "field-whitespace"), (1, "front-matter-placeholder"), (7, "entry-heading-trap"),
        (9, "entry-blank"), (12, "footnote-undefined"),
    ]
    for diagnostic in found:
        assert diagnostic.source == "notelint"
        assert diagnostic.code_description is not None and diagnostic.code_description.href.endswith(diagnostic.code + ".md")
        assert diagnostic.data["rule"] == diagnostic.code
    trap = next(d for d in found if d.code == "entry-heading-trap")
    assert trap.range == types.Range(start=types.Position(line=7, character=0), end=types.Position(line=7, character=3))
    assert trap.severity == types.DiagnosticSeverity.Warning


async def test_incremental_changes_update_the_diagnostics(client, note_dir):
    uri = (note_dir / "note.md").as_uri()
    open_note(client, uri, "Title: A\nLink: https://example.org\nDate: 2020\n---\n")
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert summary(client.diagnostics[uri]) == [(3, "entry-heading-trap")]
    # Insert the blank line the finding asks for.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=3, character=0), end=types.Position(line=3, character=0)),
                text="\n")],
        )
    )
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[uri]) == []


async def test_positions_count_utf16_units_by_default(client, note_dir):
    uri = (note_dir / "note.md").as_uri()
    text, (position,) = marked("Emoji 😀 and é: [^a]|[^b]\n\n[^a]: x\n")
    open_note(client, uri, text)
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    (undefined,) = [d for d in client.diagnostics[uri] if d.code == "footnote-undefined"]
    assert undefined.range.start == position


async def test_pull_diagnostics_answer_unchanged_for_the_same_version(pull_client, note_dir):
    uri = (note_dir / "note.md").as_uri()
    open_note(pull_client, uri, EXAMPLE)
    report = await pull_client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert report.kind == "full"
    assert summary(report.items) == [
        (1, "field-whitespace"), (1, "front-matter-placeholder"), (7, "entry-heading-trap"),
        (9, "entry-blank"), (12, "footnote-undefined"),
    ]
    again = await pull_client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=report.result_id)
    )
    assert again.kind == "unchanged"
    assert again.result_id == report.result_id
    # A pull client gets no pushed diagnostics.
    await asyncio.sleep(0.3)
    assert uri not in pull_client.diagnostics


async def test_code_actions_offer_fixes_suppressions_and_fix_all(client, note_dir):
    uri = (note_dir / "note.md").as_uri()
    open_note(client, uri, EXAMPLE)
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    found = client.diagnostics[uri]
    trap = next(d for d in found if d.code == "entry-heading-trap")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=trap.range,
            context=types.CodeActionContext(diagnostics=[trap]),
        )
    )
    titles = [action.title for action in actions]
    assert "Insert a blank line before `---`" in titles
    assert "Disable entry-heading-trap here" in titles
    assert "Fix all safe notelint findings" in titles
    fix = next(a for a in actions if a.title == "Insert a blank line before `---`")
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    (edit,) = fix.edit.changes[uri]
    assert edit.new_text == "\n" and edit.range.start == types.Position(line=7, character=0)
    disable = next(a for a in actions if a.title == "Disable entry-heading-trap here")
    (comment,) = disable.edit.changes[uri]
    assert comment.new_text == "<!-- notelint-disable-next-line entry-heading-trap -->\n"
    assert comment.range.start == types.Position(line=4, character=0)

    blank = next(d for d in found if d.code == "entry-blank")
    unsafe = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=blank.range,
            context=types.CodeActionContext(diagnostics=[blank], only=[types.CodeActionKind.QuickFix]),
        )
    )
    remove = next(a for a in unsafe if a.title.startswith("Remove the empty entry"))
    assert not remove.is_preferred

    fix_all = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            context=types.CodeActionContext(diagnostics=[], only=[types.CodeActionKind.SourceFixAll]),
        )
    )
    (action,) = fix_all
    assert action.kind == "source.fixAll.notelint"
    fixed = apply_edits(EXAMPLE, action.edit.changes[uri])
    assert fixed.startswith('---\ntitle: "Title"\n---\n')
    assert "2021\n\n---\n" in fixed
    assert "Title:\nLink:\n" in fixed, "fix-all applies safe fixes only"


async def test_unknown_request_is_method_not_found(client):
    with pytest.raises(JsonRpcException) as raised:
        await client.protocol.send_request_async("notelint/unknownMethod", {})
    assert "unknown method" in str(raised.value)


async def test_a_cancelled_slow_request_answers_cancelled_and_typing_goes_on(slow_client, note_dir):
    uri = (note_dir / "note.md").as_uri()
    open_note(slow_client, uri, "Title: A\nLink: https://example.org\nDate: 2020\n---\n")
    await slow_client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    params = types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
        context=types.CodeActionContext(diagnostics=[]),
    )
    pending = asyncio.wrap_future(slow_client.protocol.send_request(types.TEXT_DOCUMENT_CODE_ACTION, params, msg_id="slow-1"))
    await asyncio.sleep(0.2)
    # While the code action is pending, an edit still gets its diagnostics.
    slow_client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangePartial(
                range=types.Range(start=types.Position(line=3, character=0), end=types.Position(line=3, character=0)),
                text="\n")],
        )
    )
    await asyncio.wait_for(slow_client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), timeout=2)
    assert list(slow_client.diagnostics[uri]) == []
    assert not pending.done()
    slow_client.cancel_request(types.CancelParams(id="slow-1"))
    with pytest.raises(JsonRpcException) as raised:
        await asyncio.wait_for(pending, timeout=2)
    assert raised.value.code == -32800
    # The server is still answering after the cancellation.
    await asyncio.sleep(0.1)
    actions = await asyncio.wait_for(slow_client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0)),
            context=types.CodeActionContext(diagnostics=[]),
        )
    ), timeout=6)
    assert list(actions) == []


async def test_closing_clears_the_diagnostics(client, note_dir):
    uri = (note_dir / "note.md").as_uri()
    open_note(client, uri, "Title:\nLink:\n")
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert summary(client.diagnostics[uri]) == [(0, "entry-blank")]
    client.text_document_did_close(types.DidCloseTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    assert list(client.diagnostics[uri]) == []
