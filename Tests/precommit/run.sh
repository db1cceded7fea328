#!/usr/bin/env bash
# The real pre-commit runs notelint's hooks through `pre-commit try-repo` in a new git
# repository: a broken note is rejected with its findings shown, a sound one accepted, for the
# hook that builds notelint with Swift and for the fixing hook. The first run builds notelint
# in release mode inside pre-commit's cache, which takes a few minutes.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME="$work/cache"
export GIT_CONFIG_GLOBAL="$work/gitconfig"
git config --global user.name "notelint test" && git config --global user.email "test@example.org"
git config --global init.defaultBranch main
# try-repo reads the repository's committed state plus a shadow commit of local changes.
git config --global --add safe.directory '*'

passed=0
fail() { echo "pre-commit test failed: $1"; echo "pre-commit: $passed passed, 1 failed"; exit 1; }

mkdir "$work/notes" && cd "$work/notes"
git init -q .
printf -- '---\ntitle: Reading list\n---\n\nTitle:\nLink:\n' > broken.md
git add broken.md

if pre-commit try-repo "$root" notelint --files broken.md > "$work/out.txt" 2>&1; then
  cat "$work/out.txt"; fail "the broken note was accepted"
fi
grep -q "broken.md:5:1: warning: entry has no values: a leftover template \[entry-blank\]" "$work/out.txt" \
  || { cat "$work/out.txt"; fail "the finding was not shown"; }
passed=$((passed + 1))

printf -- '---\ntitle: Reading list\n---\n\nTitle: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n' > broken.md
git add broken.md
pre-commit try-repo "$root" notelint --files broken.md > "$work/out.txt" 2>&1 || { cat "$work/out.txt"; fail "the sound note was rejected"; }
passed=$((passed + 1))

# The second Date is off the note's style, and `---` right below an entry makes it a heading.
printf -- 'Title: Meta Learning\nLink: https://arxiv.org/abs/2106.04570\nDate: 8 Jun 2021\n\nTitle: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr. 2021\n---\n' > fixable.md
git add fixable.md
if pre-commit try-repo "$root" notelint-fix --files fixable.md > "$work/out.txt" 2>&1; then
  cat "$work/out.txt"; fail "the fix hook passed a note it had to change"
fi
[ "$(cat fixable.md)" = "$(printf 'Title: Meta Learning\nLink: https://arxiv.org/abs/2106.04570\nDate: 8 Jun 2021\n\nTitle: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate: 20 Apr 2021\n\n---')" ] \
  || { cat fixable.md; fail "the fix hook did not fix the note"; }
git add fixable.md
pre-commit try-repo "$root" notelint-fix --files fixable.md > "$work/out.txt" 2>&1 || { cat "$work/out.txt"; fail "the fixed note was rejected"; }
passed=$((passed + 2))

# The hook for a notelint the user installed: found on PATH.
printf -- 'Title:\nLink:\n' > system.md
git add system.md
if PATH="$root/.build/debug:$PATH" pre-commit try-repo "$root" notelint-system --files system.md > "$work/out.txt" 2>&1; then
  cat "$work/out.txt"; fail "the system hook accepted a broken note"
fi
grep -q "system.md:1:1: warning: entry has no values" "$work/out.txt" || { cat "$work/out.txt"; fail "the system hook did not show the finding"; }
passed=$((passed + 1))

echo "pre-commit: $passed passed, 0 failed"
