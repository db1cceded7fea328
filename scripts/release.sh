#!/usr/bin/env bash
# Builds the portable release: dist/notelint-VERSION-linux-ARCH.tar.gz, a binary that needs no
# Swift toolchain or Swift runtime on the target (the Swift standard library and Foundation
# linked statically, cmark-gfm too), laid out as an installation prefix:
#   bin/notelint, share/notelint/{rules/*.md, notelint.schema.json},
#   share/{bash-completion,zsh,fish}/... completions, LICENSE, README.md, CHANGELOG.md,
#   RELEASE-NOTES.md (version, size and the shared libraries the binary still loads).
# Unpack it anywhere (tar -xzf ... -C ~/.local --strip-components=1) and put bin/ on PATH.
# Needs what scripts/bootstrap.sh installs. Prints the archive's path.
set -euo pipefail
cd "$(dirname "$0")/.."

version="$(cat VERSION)"
arch="$(uname -m)"
name="notelint-$version-linux-$arch"
scratch=.build-release
mkdir -p dist "$scratch"

# The linker takes the first library of a name it finds along -L. A folder holding only the
# static archives, named first by a copy of cmark-gfm's pkg-config file, makes it take those
# rather than the shared objects beside them.
static="$PWD/$scratch/static-libs"
rm -rf "$static" && mkdir -p "$static"
libdir="$(pkg-config --variable=libdir libcmark-gfm)"
for library in libcmark-gfm libcmark-gfm-extensions; do
  [ -f "$libdir/$library.a" ] || { echo "release.sh: $libdir/$library.a is missing (libcmark-gfm-dev)" >&2; exit 2; }
  cp "$libdir/$library.a" "$static/"
done
sed "s|^libdir=.*|libdir=$static|" "$(pkg-config --variable=pcfiledir libcmark-gfm)/libcmark-gfm.pc" > "$static/libcmark-gfm.pc"

# Not position-independent: a PIE relocates some 82,000 pointers of the Swift runtime's and
# Foundation's metadata at every start, dirtying their pages (ARCHITECTURE.md, "How notelint
# is released").
PKG_CONFIG_PATH="$static${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}" \
  swift build -c release --product notelint --static-swift-stdlib -Xlinker -no-pie --scratch-path "$scratch" >&2
binary="$scratch/release/notelint"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
root="$stage/$name"
install -d "$root/bin" "$root/share/notelint/rules" "$root/share/bash-completion/completions" \
  "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d"
install -m 755 "$binary" "$root/bin/notelint"
strip "$root/bin/notelint"
install -m 644 rules/*.md "$root/share/notelint/rules/"
install -m 644 schema/notelint.schema.json "$root/share/notelint/"
install -m 644 LICENSE README.md CHANGELOG.md "$root/"
"$root/bin/notelint" --generate-completion-script bash > "$root/share/bash-completion/completions/notelint"
"$root/bin/notelint" --generate-completion-script zsh > "$root/share/zsh/site-functions/_notelint"
"$root/bin/notelint" --generate-completion-script fish > "$root/share/fish/vendor_completions.d/notelint.fish"

libraries="$(ldd "$root/bin/notelint" | awk '{print $1}' | sort)"
glibc="$(objdump -T "$root/bin/notelint" | grep -o 'GLIBC_[0-9.]*' | sort -t. -k2,2n -u | tail -1)"
{
  echo "# notelint $version for Linux $arch"
  echo
  echo "A static build: the Swift standard library, Foundation and cmark-gfm are inside the binary"
  echo "($(du -k "$root/bin/notelint" | cut -f1) KiB, stripped). It needs $glibc or newer and loads only these"
  echo "shared libraries, all part of a minimal Debian or Ubuntu system:"
  echo
  echo "$libraries" | sed 's/^/- /'
  echo
  echo "\`notelint fill\`, \`check --online\` and the editor's arXiv actions load the system's libcurl"
  echo "(\`libcurl.so.4\`: Debian and Ubuntu package \`libcurl4\`) when they first need the network."
} > "$root/RELEASE-NOTES.md"

archive="dist/$name.tar.gz"
tar -C "$stage" --owner=0 --group=0 --numeric-owner -czf "$archive" "$name"
echo "$archive"
