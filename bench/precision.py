#!/usr/bin/env python3
"""Measure notelint's precision and recall against hand-written expectations.

Usage: bench/precision.py [DIR]   (default: fixtures/corpus)

Every `NAME.md` (or `NAME.markdown`) under DIR that has a sidecar `NAME.expected` beside it is linted. A sidecar
holds one expected finding per line, `LINE RULE-ID`, optionally followed by `  # why`; lines
starting with `#` are comments, and an empty sidecar means no finding is expected.

Findings are matched to expectations by (file, line, rule). For each rule the report gives:
  expected   findings the sidecars list
  reported   findings notelint reports at warning or error
  tp         reported findings (warning or error) that a sidecar lists
  precision  tp / reported
  recall     expected findings notelint reports at any severity / expected
then the totals, the false positives (reported at warning or error, not expected) and the
misses (expected, not reported at any severity), as `file:line rule message`.

The binary is $NOTELINT_BIN, else .build/release/notelint, else .build/debug/notelint. It runs
with an empty configuration (`version: 1`), no result cache and an empty arXiv cache, so
neither a user's configuration nor their downloaded metadata changes the numbers. Exits 0.
"""

import collections
import json
import os
import subprocess
import sys
import tempfile

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def binary():
    override = os.environ.get("NOTELINT_BIN")
    if override:
        return os.path.abspath(override)
    for flavour in ("release", "debug"):
        candidate = os.path.join(ROOT, ".build", flavour, "notelint")
        if os.access(candidate, os.X_OK):
            return candidate
    sys.exit("precision.py: no notelint binary; build it (swift build) or set NOTELINT_BIN")


def read_sidecar(path):
    """The expected (line, rule) pairs of one sidecar, each with its comment."""
    expected = {}
    with open(path, encoding="utf-8") as handle:
        for number, raw in enumerate(handle, 1):
            text = raw.split("#", 1)
            body, why = text[0].strip(), (text[1].strip() if len(text) > 1 else "")
            if not body:
                continue
            parts = body.split()
            if len(parts) != 2 or not parts[0].isdigit():
                print(f"{path}:{number}: not `LINE RULE-ID`: {raw.rstrip()}", file=sys.stderr)
                continue
            expected[(int(parts[0]), parts[1])] = why
    return expected


def notes_with_sidecars(folder):
    found = []
    for directory, subdirs, files in os.walk(folder):
        subdirs.sort()
        for name in sorted(files):
            extension = next((suffix for suffix in (".md", ".markdown") if name.endswith(suffix)), None)
            if extension:
                note = os.path.join(directory, name)
                sidecar = note[: -len(extension)] + ".expected"
                if os.path.isfile(sidecar):
                    found.append((note, sidecar))
    return found


def lint(notes):
    """notelint's findings for the notes, keyed by the note's real path."""
    with tempfile.TemporaryDirectory(prefix="notelint-precision-") as scratch:
        config = os.path.join(scratch, "notelint.yml")
        with open(config, "w", encoding="utf-8") as handle:
            handle.write("version: 1\n")
        environment = dict(os.environ)
        environment["XDG_CACHE_HOME"] = os.path.join(scratch, "cache")
        environment["XDG_CONFIG_HOME"] = os.path.join(scratch, "config")
        environment["HOME"] = scratch
        environment["NO_COLOR"] = "1"
        command = [binary(), "check", "--format", "json", "--exit-zero", "--no-cache", "--quiet",
                   "--config", config, "--color", "never", "--"] + [os.path.abspath(n) for n in notes]
        run = subprocess.run(command, capture_output=True, text=True, env=environment, cwd=scratch)
        if run.returncode != 0:
            sys.exit(f"precision.py: notelint failed ({run.returncode}):\n{run.stderr}")
        findings = json.loads(run.stdout or "[]")
    by_note = collections.defaultdict(list)
    for finding in findings:
        path = finding["path"]
        if not os.path.isabs(path):
            path = os.path.join(scratch, path)
        by_note[os.path.realpath(path)].append(finding)
    return by_note


def percent(part, whole):
    return f"{100.0 * part / whole:5.1f}%" if whole else "    -"


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "fixtures", "corpus")
    pairs = notes_with_sidecars(folder)
    if not pairs:
        print(f"no notes with sidecars under {folder}")
        return 0
    findings = lint([note for note, _ in pairs])

    stats = collections.defaultdict(lambda: collections.Counter())
    false_positives, misses = [], []
    for note, sidecar in pairs:
        shown = os.path.relpath(note)
        expected = read_sidecar(sidecar)
        # Several findings of one rule on one line count once, at their highest severity.
        reported = {}
        for finding in findings.get(os.path.realpath(note), []):
            key = (finding["range"]["start"]["line"], finding["rule"])
            if key not in reported or SEVERITY_RANK[finding["severity"]] > SEVERITY_RANK[reported[key]["severity"]]:
                reported[key] = finding
        for key, why in sorted(expected.items()):
            stats[key[1]]["expected"] += 1
            if key in reported:
                stats[key[1]]["found"] += 1
            else:
                misses.append(f"{shown}:{key[0]} {key[1]} {why}".rstrip())
        for key, finding in sorted(reported.items()):
            if SEVERITY_RANK[finding["severity"]] < SEVERITY_RANK["warning"]:
                continue
            stats[key[1]]["reported"] += 1
            if key in expected:
                stats[key[1]]["tp"] += 1
            else:
                false_positives.append(f"{shown}:{key[0]} {key[1]} ({finding['severity']}) {finding['message']}")

    width = max([len("rule"), len("total")] + [len(rule) for rule in stats])
    header = f"{'rule':<{width}}  expected  reported     tp  precision  recall"
    print(f"{len(pairs)} notes with sidecars under {os.path.relpath(folder)}\n")
    print(header)
    print("-" * len(header))
    total = collections.Counter()
    for rule in sorted(stats):
        row = stats[rule]
        total.update(row)
        print(f"{rule:<{width}}  {row['expected']:8}  {row['reported']:8}  {row['tp']:5}     "
              f"{percent(row['tp'], row['reported'])}  {percent(row['found'], row['expected'])}")
    print("-" * len(header))
    print(f"{'total':<{width}}  {total['expected']:8}  {total['reported']:8}  {total['tp']:5}     "
          f"{percent(total['tp'], total['reported'])}  {percent(total['found'], total['expected'])}")

    print(f"\nfalse positives (warning and above, not expected): {len(false_positives)}")
    for line in false_positives:
        print(f"  {line}")
    print(f"\nmisses (expected, not reported at any severity): {len(misses)}")
    for line in misses:
        print(f"  {line}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
