#!/usr/bin/env bash
# Emacs in batch mode drives `notelint lsp` through eglot and editors/emacs/notelint.el on a
# copy of Tests/editors/reading-list.md: diagnostics, outline, go to definition, rename,
# completion and formatting. Prints the outcome; exits non-zero on failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/Tests/editors/reading-list.md" "$work/reading-list.md"
export NOTELINT_ROOT="$root"
export NOTELINT_BIN="${NOTELINT_BIN:-$root/.build/debug/notelint}"
export NOTELINT_EMACS_NOTE="$work/reading-list.md"
export NOTELINT_EMACS_RESULT="$work/result"
export HOME="$work"
# No -Q: it would hide the packages Debian installs (eglot, markdown-mode).
timeout 120 emacs --batch -l "$root/Tests/emacs/edit_note.el" > "$work/emacs.log" 2>&1 || true
result="$(cat "$work/result" 2>/dev/null || echo "Emacs wrote no result")"
if [ "$result" = "ok" ]; then
  echo "$(emacs --version | head -n 1) with eglot showed notelint's findings and outline, went to a footnote's definition, renamed it, completed a category and formatted the note"
  echo "emacs: 1 passed, 0 failed"
else
  echo "emacs test failed: $result"
  cat "$work/emacs.log"
  echo "emacs: 0 passed, 1 failed"
  exit 1
fi
