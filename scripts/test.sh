#!/usr/bin/env bash
# Builds notelint and runs every test. Assumes scripts/bootstrap.sh has run.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "${NOTELINT_UPDATE_GOLDENS:-}" ] && [ -n "${CI:-}" ]; then
  echo "NOTELINT_UPDATE_GOLDENS is set: CI compares goldens and never rewrites them" >&2
  exit 1
fi

swift build --build-tests
swift test --skip-build --disable-xctest
