"""The JSON Schema of .notelint.yml accepts what `notelint init` writes, every configuration
in the repository, and every example in the docs; check-jsonschema reads it as YAML editors do."""
import os
import pathlib
import re
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("NOTELINT_BIN", str(ROOT / ".build/debug/notelint"))
SCHEMA = str(ROOT / "schema/notelint.schema.json")


def validate(path):
    return subprocess.run(["check-jsonschema", "--schemafile", SCHEMA, str(path)], capture_output=True, text=True)


def doc_examples():
    """Every YAML block in the README and docs that is a notelint configuration."""
    examples = []
    for document in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md")), *sorted((ROOT / "rules").glob("*.md"))]:
        for index, block in enumerate(re.findall(r"```yaml\n(.*?)```", document.read_text(), re.S)):
            if re.search(r"^version: 1$", block, re.M):
                examples.append(pytest.param(block, id="%s#%d" % (document.name, index)))
    return examples


def test_init_output_is_valid(tmp_path):
    assert subprocess.run([BINARY, "init", str(tmp_path)], capture_output=True).returncode == 0
    result = validate(tmp_path / ".notelint.yml")
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("path", [".notelint.yml", "fixtures/configured/.notelint.yml"])
def test_repository_configurations_are_valid(path):
    result = validate(ROOT / path)
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("block", doc_examples())
def test_documented_examples_are_valid(tmp_path, block):
    path = tmp_path / "example.yml"
    path.write_text(block)
    result = validate(path)
    assert result.returncode == 0, result.stdout


def test_the_schema_rejects_mistakes(tmp_path):
    for text in ["version: 1\nrules:\n  entry-blnk: off\n", "version: 2\n", "rules: {}\n",
                 "version: 1\nrules:\n  date-format: {style: american}\n", "version: 1\nrulez: {}\n"]:
        path = tmp_path / "bad.yml"
        path.write_text(text)
        assert validate(path).returncode != 0, text
