#!/usr/bin/env bash
# Neovim headless attaches `notelint lsp` through editors/nvim: to a copy of the example note
# (checks the findings it shows and applies a code action), and to a copy of
# Tests/editors/reading-list.md (outline, go to definition, rename, completion, formatting),
# and to Tests/editors/arxiv-note.md against the fake arXiv server (fill, and find with a choice).
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

# The fake arXiv server (Tests/arxiv/fake_arxiv.py) serves until its standard input closes.
mkfifo "$work/arxiv.in"
python3 "$root/Tests/arxiv/fake_arxiv.py" "$root/fixtures/arxiv" < "$work/arxiv.in" > "$work/arxiv.out" &
exec 3> "$work/arxiv.in"
for _ in $(seq 100); do grep -q PORT "$work/arxiv.out" 2>/dev/null && break; sleep 0.1; done
export NOTELINT_ARXIV_API_URL="http://127.0.0.1:$(awk '/PORT/ {print $2}' "$work/arxiv.out")/api/query"
export NOTELINT_ARXIV_INTERVAL=0.05 XDG_CACHE_HOME="$work/cache"

run attach attach_and_fix.lua "$root/fixtures/example-note.md" "attached notelint, showed its findings and applied a code action"
run edit navigate_and_edit.lua "$root/Tests/editors/reading-list.md" \
  "showed the outline, went to a footnote's definition, renamed it, completed a category and formatted the note"
run arxiv fill_and_find.lua "$root/Tests/editors/arxiv-note.md" \
  "filled an entry from arXiv and linked the candidate chosen in its prompt"
exec 3>&-
echo "neovim: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
