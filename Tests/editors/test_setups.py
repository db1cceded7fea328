"""The editor set-ups in editors/ that no test here can run an editor for: the VS Code
extension's manifest and JavaScript (its own check script), Helix's languages.toml and
Sublime Text's LSP settings (parsed; their command started with their initialization
options, and it must answer `initialize` with the features those options leave on)."""
import json
import os
import pathlib
import subprocess
import tomllib

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
EDITORS = ROOT / "editors"
BINARY = os.environ.get("NOTELINT_BIN", str(ROOT / ".build/debug/notelint"))


def frame(message):
    body = json.dumps(message).encode()
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def read_messages(data):
    messages = []
    while data:
        header, _, rest = data.partition(b"\r\n\r\n")
        length = int(header.split(b":")[1])
        messages.append(json.loads(rest[:length]))
        data = rest[length:]
    return messages


def initialize_with(command, options):
    """Runs the set-up's command (its program replaced by the built binary) through a whole
    session: initialize with `options`, shutdown, exit. Returns the initialize result."""
    assert pathlib.Path(command[0]).name == "notelint", command
    session = b"".join([
        frame({"jsonrpc": "2.0", "id": 1, "method": "initialize",
               "params": {"processId": None, "rootUri": None, "capabilities": {}, "initializationOptions": options}}),
        frame({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
        frame({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}),
        frame({"jsonrpc": "2.0", "method": "exit"}),
    ])
    run = subprocess.run([BINARY, *command[1:]], input=session, capture_output=True, timeout=30)
    assert run.returncode == 0, run.stderr.decode()
    responses = {message.get("id"): message for message in read_messages(run.stdout)}
    return responses[1]["result"]


def test_vscode_manifest_and_javascript():
    run = subprocess.run(["node", str(EDITORS / "vscode/scripts/check.js")], capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert "manifest, 10 settings and 3 JavaScript files checked" in run.stdout


def test_vscode_settings_are_the_servers():
    manifest = json.loads((EDITORS / "vscode/package.json").read_text())
    names = {name.removeprefix("notelint.") for name in manifest["contributes"]["configuration"]["properties"]}
    source = (EDITORS / "vscode/extension.js").read_text()
    for setting in ["configPath", "select", "ignore", "configOverride", "docsUrl", "completion", "symbols", "hover"]:
        assert setting in names
        assert f'{setting}: config.get("{setting}"' in source


def test_helix_languages_toml():
    config = tomllib.loads((EDITORS / "helix/languages.toml").read_text())
    server = config["language-server"]["notelint"]
    assert [server["command"], *server["args"]] == ["notelint", "lsp"]
    (markdown,) = [language for language in config["language"] if language["name"] == "markdown"]
    assert "notelint" in markdown["language-servers"]
    result = initialize_with([server["command"], *server["args"]], server["config"])
    assert result["serverInfo"]["name"] == "notelint"
    assert result["capabilities"]["completionProvider"]["triggerCharacters"] == ["^", "."]


def test_sublime_lsp_settings():
    settings = json.loads((EDITORS / "sublime/LSP.sublime-settings").read_text())
    client = settings["clients"]["notelint"]
    assert client["enabled"] is True
    assert client["command"] == ["notelint", "lsp"]
    assert client["selector"] == "text.html.markdown"
    result = initialize_with(client["command"], client["initializationOptions"])
    assert result["capabilities"]["hoverProvider"] is True


@pytest.mark.parametrize("feature,capability", [
    ("completion", "completionProvider"), ("symbols", "documentSymbolProvider"), ("hover", "hoverProvider")])
def test_each_switch_turns_its_feature_off(feature, capability):
    """The options every set-up documents really switch the server's features."""
    result = initialize_with(["notelint", "lsp"], {feature: False})
    assert capability not in result["capabilities"]
    assert "definitionProvider" in result["capabilities"]
