#!/usr/bin/env bash
# Installs the system packages notelint builds against (Debian/Ubuntu), then resolves the
# Swift packages. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
fi
swift package resolve
