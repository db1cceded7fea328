#!/usr/bin/env bash
# Builds notelint and runs every test: the Swift suites, the language server under pytest-lsp
# (and over raw pipes with hostile input), Neovim and Emacs (eglot) attached to the server, and
# the editor set-ups' files checked. Assumes `scripts/bootstrap.sh --test` has run.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${NOTELINT_UPDATE_GOLDENS:-}" ] && [ -n "${CI:-}" ]; then
  echo "NOTELINT_UPDATE_GOLDENS is set: CI compares goldens and never rewrites them" >&2
  exit 1
fi

# The Python tools (pytest-lsp, pre-commit ...) live in the checkout's virtual environment.
if [ -x .venv/bin/python3 ]; then export PATH="$PWD/.venv/bin:$PATH"; fi

log="$(mktemp -d)"
trap 'rm -rf "$log"' EXIT
# The arXiv metadata cache of every process the tests start: empty, never the user's own.
export XDG_CACHE_HOME="$log/cache"

# A hung suite fails after this long instead of holding the run until CI's own limit.
limit=900
# The code is as swift-format writes it (.swift-format; `make format` rewrites it so).
swift format lint --strict --recursive --configuration .swift-format $(cat scripts/formatted-paths)
swift build --build-tests
timeout $((2 * limit)) swift test --skip-build --disable-xctest 2>&1 | tee "$log/swift.txt"
swift_passed=$(grep -oE "Test run with [0-9]+ tests? in [0-9]+ suites? passed" "$log/swift.txt" | grep -oE "[0-9]+" | head -n 1)

export NOTELINT_BIN="$PWD/.build/debug/notelint"
(cd Tests/lsp && timeout $limit python3 -m pytest -q -p no:cacheprovider -W error::pytest_lsp.checks.LspSpecificationWarning) 2>&1 | tee "$log/pytest.txt"
pytest_passed=$(grep -oE "[0-9]+ passed" "$log/pytest.txt" | tail -n 1 | grep -oE "[0-9]+")
(cd Tests/formats && timeout $limit python3 -m pytest -q -p no:cacheprovider) 2>&1 | tee "$log/formats.txt"
formats_passed=$(grep -oE "[0-9]+ passed" "$log/formats.txt" | tail -n 1 | grep -oE "[0-9]+")
(cd Tests/editors && timeout $limit python3 -m pytest -q -p no:cacheprovider) 2>&1 | tee "$log/editors.txt"
editors_passed=$(grep -oE "[0-9]+ passed" "$log/editors.txt" | tail -n 1 | grep -oE "[0-9]+")

timeout $limit Tests/nvim/run.sh | tee "$log/nvim.txt"
nvim_passed=$(grep -oE "neovim: [0-9]+ passed" "$log/nvim.txt" | grep -oE "[0-9]+")
timeout $limit Tests/emacs/run.sh | tee "$log/emacs.txt"
emacs_passed=$(grep -oE "emacs: [0-9]+ passed" "$log/emacs.txt" | grep -oE "[0-9]+")
timeout $limit Tests/precommit/run.sh | tee "$log/precommit.txt"
precommit_passed=$(grep -oE "pre-commit: [0-9]+ passed" "$log/precommit.txt" | grep -oE "[0-9]+")
# The portable release in a minimal Debian root (debootstrap, chroot: needs root).
timeout $limit Tests/release/run.sh | tee "$log/release.txt"
release_passed=$(grep -oE "release: [0-9]+ passed" "$log/release.txt" | grep -oE "[0-9]+")

echo "swift test: ${swift_passed} passed; pytest-lsp and pipes: ${pytest_passed} passed; report readers: ${formats_passed} passed; editor set-ups: ${editors_passed} passed; neovim: ${nvim_passed} passed; emacs: ${emacs_passed} passed; pre-commit: ${precommit_passed} passed; release: ${release_passed} passed"
echo "notelint: $((swift_passed + pytest_passed + formats_passed + editors_passed + nvim_passed + emacs_passed + precommit_passed + release_passed)) passed, 0 failed"
