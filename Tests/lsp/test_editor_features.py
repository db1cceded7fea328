"""The editor features over stdio, each answer parsed into lsprotocol's types (an answer
of the wrong shape fails to parse): footnote navigation, rename, hover, completion,
symbols, folding, links and formatting."""
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from conftest import SERVER, marked
from test_protocol import apply_edits, open_note

NOTE = """---
title: Reading list
---

# Papers 📚

Title: RoFormer 😀
Link: https://arxiv.org/abs/2104.09864
Date: 20th Apr 2021
Subjects: cs.|

Rotary embeddings[^ro|pe] are described in arXiv:2104.09864.

[^rope]: See https://example.org/rope
    for more.
"""


def capabilities():
    return types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(
            rename=types.RenameClientCapabilities(prepare_support=True),
            document_symbol=types.DocumentSymbolClientCapabilities(hierarchical_document_symbol_support=True),
        ),
        window=types.WindowClientCapabilities(work_done_progress=True),
    )


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def client(lsp_client: LanguageClient):
    result = await lsp_client.initialize_session(types.InitializeParams(capabilities=capabilities()))
    lsp_client.initialize_result = result
    yield
    await lsp_client.shutdown_session()


async def opened(client, note_dir):
    uri = (note_dir / "note.md").as_uri()
    text, positions = marked(NOTE)
    open_note(client, uri, text)
    await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    return uri, text, positions


def at(uri, position):
    return {"text_document": types.TextDocumentIdentifier(uri=uri), "position": position}


async def test_capabilities_announce_the_features(client):
    capabilities = client.initialize_result.capabilities
    assert capabilities.definition_provider and capabilities.references_provider and capabilities.hover_provider
    assert capabilities.rename_provider.prepare_provider is True
    assert list(capabilities.completion_provider.trigger_characters) == ["^", "."]
    assert capabilities.document_symbol_provider and capabilities.workspace_symbol_provider
    assert capabilities.document_formatting_provider and capabilities.document_range_formatting_provider


async def test_footnote_navigation_rename_and_hover(client, note_dir):
    uri, text, (subjects, label) = await opened(client, note_dir)
    definition = await client.text_document_definition_async(types.DefinitionParams(**(at(uri, label))))
    assert [location.range.start.line for location in definition] == [13]
    references = await client.text_document_references_async(types.ReferenceParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=label, context=types.ReferenceContext(include_declaration=True)))
    assert [(r.range.start.line, r.range.start.character, r.range.end.character) for r in references] == [(11, 19, 23), (13, 2, 6)]
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(**(at(uri, label))))
    assert prepared.placeholder == "rope"
    rename = await client.text_document_rename_async(types.RenameParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=label, new_name="rotary"))
    renamed = apply_edits(text, rename.changes[uri])
    assert "embeddings[^rotary] are" in renamed and "\n[^rotary]: See" in renamed
    hover = await client.text_document_hover_async(types.HoverParams(**(at(uri, label))))
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert hover.contents.value == "See https://example.org/rope\nfor more."
    highlights = await client.text_document_document_highlight_async(types.DocumentHighlightParams(**(at(uri, label))))
    assert [h.kind for h in highlights] == [types.DocumentHighlightKind.Read, types.DocumentHighlightKind.Write]


async def test_completion_offers_categories(client, note_dir):
    uri, text, (subjects, _) = await opened(client, note_dir)
    result = await client.text_document_completion_async(types.CompletionParams(**(at(uri, subjects))))
    assert result.is_incomplete
    item = next(i for i in result.items if i.label == "Computation and Language (cs.CL)")
    assert item.text_edit.new_text == "Computation and Language (cs.CL)"
    assert item.text_edit.range == types.Range(start=types.Position(line=9, character=10), end=subjects)


async def test_outline_folding_links_and_formatting(client, note_dir):
    uri, text, _ = await opened(client, note_dir)
    document = types.TextDocumentIdentifier(uri=uri)
    symbols = await client.text_document_document_symbol_async(types.DocumentSymbolParams(text_document=document))
    assert [s.name for s in symbols] == ["front matter", "Papers 📚"]
    assert [c.name for c in symbols[1].children] == ["RoFormer 😀"]
    folds = await client.text_document_folding_range_async(types.FoldingRangeParams(text_document=document))
    assert [(f.start_line, f.end_line) for f in folds] == [(0, 2), (6, 9), (13, 14)]
    links = await client.text_document_document_link_async(types.DocumentLinkParams(text_document=document))
    assert [link.target for link in links] == [
        "https://arxiv.org/abs/2104.09864", "https://arxiv.org/abs/2104.09864", "https://example.org/rope"]
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=document, options=types.FormattingOptions(tab_size=4, insert_spaces=True)))
    assert len(edits) == 1
    assert "Date: 20 Apr 2021\n" in apply_edits(text, edits)
    symbols = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="rope"))
    assert symbols == []
