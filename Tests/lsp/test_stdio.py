"""The built binary over real pipes: exit statuses and the protected standard output."""
from rawclient import RawServer


def test_exit_after_shutdown_is_zero():
    server = RawServer()
    server.initialize()
    assert server.call("shutdown")["result"] is None
    server.notify("exit")
    assert server.process.wait(10) == 0


def test_exit_without_shutdown_is_one():
    server = RawServer()
    server.initialize()
    server.notify("exit")
    assert server.process.wait(10) == 1


def test_closing_standard_input_ends_the_process():
    server = RawServer()
    server.initialize()
    assert server.close() == 1
    after_shutdown = RawServer()
    after_shutdown.initialize()
    after_shutdown.call("shutdown")
    assert after_shutdown.close() == 0


def test_stdio_flag_and_log_level_are_accepted_and_stdout_carries_only_frames():
    server = RawServer("--stdio", "--log-level", "debug")
    result = server.initialize()
    assert result["result"]["serverInfo"]["name"] == "notelint"
    server.notify("textDocument/didOpen", {"textDocument": {"uri": "file:///tmp/n.md", "languageId": "markdown", "version": 1, "text": "Title:\nLink:\n"}})
    published = server.wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
    assert [d["code"] for d in published["params"]["diagnostics"]] == ["entry-blank"]
    server.call("shutdown")
    server.notify("exit")
    assert server.process.wait(10) == 0
