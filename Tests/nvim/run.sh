#!/usr/bin/env bash
# Neovim headless attaches `notelint lsp` to a copy of the example note, checks the findings
# it shows and applies a code action. Prints the outcome; exits non-zero on failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/fixtures/example-note.md" "$work/note.md"
export NOTELINT_BIN="${NOTELINT_BIN:-$root/.build/debug/notelint}"
export NOTELINT_NVIM_NOTE="$work/note.md"
export NOTELINT_NVIM_RESULT="$work/result"
export NOTELINT_NVIM_PLUGIN="$root/editors/nvim"
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"
timeout 60 nvim --headless -u NONE -i NONE -n -c "luafile $root/Tests/nvim/attach_and_fix.lua" > "$work/nvim.log" 2>&1 || true
result="$(cat "$work/result" 2>/dev/null || echo "Neovim wrote no result")"
if [ "$result" = "ok" ]; then
  echo "$(nvim --version | head -n 1) attached notelint, showed its findings and applied a code action"
  echo "neovim: 1 passed, 0 failed"
else
  echo "neovim test failed: $result"
  cat "$work/nvim.log"
  echo "neovim: 0 passed, 1 failed"
  exit 1
fi
