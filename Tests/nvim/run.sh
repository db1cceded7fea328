#!/usr/bin/env bash
# Neovim headless attaches `notelint lsp` through editors/nvim: to a copy of the example note
# (checks the findings it shows and applies a code action), and to a copy of
# Tests/editors/reading-list.md (outline, go to definition, rename, completion, formatting).
# Prints the outcome of each; exits non-zero on failure.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export NOTELINT_BIN="${NOTELINT_BIN:-$root/.build/debug/notelint}"
export NOTELINT_NVIM_PLUGIN="$root/editors/nvim"
export HOME="$work" XDG_CONFIG_HOME="$work/config" XDG_DATA_HOME="$work/data" XDG_STATE_HOME="$work/state"

passed=0
failed=0
# run NAME SCRIPT NOTE DESCRIPTION: one Neovim session on a copy of NOTE in its own folder.
run() {
  local name="$1" script="$2" note="$3" description="$4"
  mkdir -p "$work/$name"
  cp "$note" "$work/$name/note.md"
  export NOTELINT_NVIM_NOTE="$work/$name/note.md" NOTELINT_NVIM_RESULT="$work/$name/result"
  (cd "$work/$name" && timeout 60 nvim --headless -u NONE -i NONE -n -c "luafile $root/Tests/nvim/$script" > "$work/$name.log" 2>&1) || true
  local result
  result="$(cat "$work/$name/result" 2>/dev/null || echo "Neovim wrote no result")"
  if [ "$result" = "ok" ]; then
    echo "$(nvim --version | head -n 1) $description"
    passed=$((passed + 1))
  else
    echo "neovim test $name failed: $result"
    cat "$work/$name.log"
    failed=$((failed + 1))
  fi
}

run attach attach_and_fix.lua "$root/fixtures/example-note.md" "attached notelint, showed its findings and applied a code action"
run edit navigate_and_edit.lua "$root/Tests/editors/reading-list.md" \
  "showed the outline, went to a footnote's definition, renamed it, completed a category and formatted the note"
echo "neovim: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
