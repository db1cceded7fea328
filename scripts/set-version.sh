#!/usr/bin/env bash
# Sets notelint's version everywhere it is stated, from one place: writes VERSION, then the
# files that carry it (the binary's constant, the VS Code manifest). CHANGELOG.md needs a
# section for the new version; a test fails until it has one and every copy agrees.
# Usage: scripts/set-version.sh 0.2.0   (no argument: rewrite the copies from VERSION)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ $# -ge 1 ]; then
  [[ "$1" =~ ^[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.-]+)?$ ]] || { echo "set-version.sh: not a semantic version: $1" >&2; exit 2; }
  echo "$1" > VERSION
fi
version="$(cat VERSION)"
cat > Sources/notelint/Version.swift <<SWIFT
// Written by scripts/set-version.sh from VERSION; edit VERSION and run the script instead.
extension Notelint {
    static let version = "$version"
}
SWIFT
# The manifest's own top-level "version" line, edited in place to keep its layout.
sed -i -E "0,/^  \"version\": \"[^\"]*\"/s//  \"version\": \"$version\"/" editors/vscode/package.json
echo "notelint $version"
