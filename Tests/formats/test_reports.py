"""Third-party readers of notelint's machine reports: the SARIF passes the official 2.1.0
schema (check-jsonschema) and sarif-tools reads the same findings; the example GitHub
workflow passes GitHub's workflow schema."""
import json
import os
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("NOTELINT_BIN", str(ROOT / ".build/debug/notelint"))


def report(tmp_path, fmt):
    path = tmp_path / ("report." + fmt)
    run = subprocess.run([BINARY, "check", "fixtures", "--format", fmt, "--output-file", str(path)], cwd=ROOT,
                         capture_output=True, text=True)
    assert run.returncode == 1, run.stderr
    return path


def test_sarif_passes_the_official_schema(tmp_path):
    sarif = report(tmp_path, "sarif")
    check = subprocess.run(["check-jsonschema", "--schemafile", str(ROOT / "schema/sarif-schema-2.1.0.json"), str(sarif)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr


def test_a_failed_run_still_writes_a_valid_sarif_that_says_why(tmp_path):
    (tmp_path / ".notelint.yml").write_text("version: 1\nrules:\n  entry-blnk: off\n  date-format: loud\n")
    (tmp_path / "note.md").write_text("Title: A\nLink: https://example.org\n")
    sarif = tmp_path / "report.sarif"
    run = subprocess.run([BINARY, "check", "note.md", "--format", "sarif", "--output-file", str(sarif)], cwd=tmp_path,
                         capture_output=True, text=True)
    assert run.returncode == 2
    check = subprocess.run(["check-jsonschema", "--schemafile", str(ROOT / "schema/sarif-schema-2.1.0.json"), str(sarif)],
                           capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    invocation = json.loads(sarif.read_text())["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    texts = [n["message"]["text"] for n in invocation["toolExecutionNotifications"]]
    assert len(texts) == 2 and texts[0].endswith(".notelint.yml:3:3: unknown rule `entry-blnk`; did you mean `entry-blank`?")
    assert all(n["level"] == "error" for n in invocation["toolExecutionNotifications"])
    github = subprocess.run([BINARY, "check", "note.md", "--format", "github"], cwd=tmp_path, capture_output=True, text=True)
    assert github.returncode == 2
    assert github.stdout.splitlines()[1].startswith("::error title=notelint::"), github.stdout
    assert "unknown severity `loud`" in github.stdout


def test_sarif_tools_reads_every_finding(tmp_path):
    sarif = report(tmp_path, "sarif")
    findings = json.loads(report(tmp_path, "json").read_text())
    csv = tmp_path / "findings.csv"
    run = subprocess.run(["sarif", "csv", "--output", str(csv), str(sarif)], capture_output=True, text=True)
    assert run.returncode == 0, run.stdout + run.stderr
    rows = [line for line in csv.read_text().splitlines()[1:] if line.strip()]
    assert len(rows) == len(findings)
    summary = subprocess.run(["sarif", "summary", str(sarif)], capture_output=True, text=True)
    assert summary.returncode == 0
    expected = {level: sum(1 for f in findings if f["severity"] == severity)
                for level, severity in (("error", "error"), ("warning", "warning"), ("note", "info"))}
    for level, count in expected.items():
        if count:
            assert "%s: %d" % (level, count) in summary.stdout, summary.stdout


def test_the_example_workflow_passes_the_github_workflow_schema():
    check = subprocess.run(["check-jsonschema", "--builtin-schema", "vendor.github-workflows",
                            str(ROOT / "docs/notelint-workflow.yml")], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
