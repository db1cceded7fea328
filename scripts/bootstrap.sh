#!/usr/bin/env bash
# Installs what notelint builds against (Debian/Ubuntu packages: cmark-gfm, and SQLite and zlib
# for the local arXiv index), libcurl4 (loaded at run time)
# when no libcurl.so.4 is installed, and resolves the Swift packages. With --test, also what
# the tests use: Neovim and Emacs with eglot and markdown-mode (real editors for the language
# server), pytest-lsp (a protocol checker), check-jsonschema and sarif-tools (readers of the
# SARIF report) and pre-commit (which runs the hooks), installed into a virtual environment
# inside the checkout (.venv, ignored by git: Debian refuses pip installs into the system's
# Python). With --fuzz, lld when the toolchain has no ld.lld. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev libsqlite3-dev zlib1g-dev pkg-config)
# libcurl is loaded at run time, for arXiv requests only (ARCHITECTURE.md, "How networking is
# linked"); the build needs no libcurl. Any libcurl.so.4 will do, whichever package brought it.
libraries="$(/sbin/ldconfig -p 2> /dev/null || ldconfig -p 2> /dev/null || true)"
if ! grep -q "libcurl\.so\.4 " <<< "$libraries"; then
  packages+=(libcurl4)
fi
install_python_tools=""
# --fuzz: the fuzz targets (scripts/fuzz) link with ld.lld; Swift toolchains ship it, and
# Debian's lld provides it where one does not.
if [ "${1:-}" = "--fuzz" ] && ! command -v ld.lld > /dev/null; then
  packages+=(lld)
fi
if [ "${1:-}" = "--test" ]; then
  packages+=(neovim emacs-nox elpa-eglot elpa-markdown-mode git debootstrap openssl)
  install_python_tools=yes
fi

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" > /dev/null
fi
if [ -n "$install_python_tools" ]; then
  if ! python3 -c "import ensurepip, venv" 2> /dev/null; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv > /dev/null
  fi
  [ -x .venv/bin/python3 ] || python3 -m venv .venv
  .venv/bin/python3 -m pip install --quiet --disable-pip-version-check --requirement scripts/requirements-test.txt
  # The release test runs pre-commit with pip offline: the build backend the hook mirror names
  # must be at hand as a wheel.
  .venv/bin/python3 -m pip download --quiet --disable-pip-version-check --no-deps --dest .venv/wheelhouse \
    "$(grep -E '^setuptools==' scripts/requirements-test.txt)"
fi
swift package resolve
