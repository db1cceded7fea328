#!/usr/bin/env bash
# The portable release where its users are: built by scripts/release.sh, unpacked into a
# minimal Debian root made with debootstrap (no Swift, no compiler, no libcurl at first), where
# it runs `check` on the sample note, `lsp` through a whole editor session, and `fill` against
# the fake arXiv server over HTTPS with a certificate made here; then the same from the wheel
# in a virtual environment of that root; then the real pre-commit with the generated hook
# mirror, Swift removed from PATH and pip offline, given only the built wheels.
# Needs root (chroot, mount) and what `scripts/bootstrap.sh --test` installs. The minimal root
# is kept in .build-release/debian-minbase between runs.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
version="$(cat VERSION)"
if [ -x .venv/bin/python3 ]; then export PATH="$root/.venv/bin:$PATH"; fi
work="$(mktemp -d)"
debian="$root/.build-release/debian-minbase"
fake_pid=""
cleanup() {
  [ -n "$fake_pid" ] && kill "$fake_pid" 2> /dev/null || true
  for mount in dev/pts dev proc; do umount "$debian/$mount" 2> /dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
passed=0
fail() { echo "release test failed: $1"; echo "release: $passed passed, 1 failed"; exit 1; }
pass() { passed=$((passed + 1)); echo "ok: $1"; }

archive="$(scripts/release.sh)"
wheel="$(python3 scripts/build-wheel.py "$archive")"
tar -xzf "$archive" -C "$work"
binary="$work/notelint-$version-linux-$(uname -m)/bin/notelint"
echo "release: $archive $(du -k "$archive" | cut -f1) KiB, binary $(du -k "$binary" | cut -f1) KiB; $wheel $(du -k "$wheel" | cut -f1) KiB"

# The binary loads only what every Debian or Ubuntu system has.
unexpected="$(ldd "$binary" | awk '{print $1}' | grep -vE '^(linux-vdso\.so\.1|/lib64/ld-linux-x86-64\.so\.2|/lib/ld-linux-aarch64\.so\.1|lib(c|m|stdc\+\+|gcc_s|z)\.so\.[0-9]+)$' || true)"
[ -z "$unexpected" ] || { ldd "$binary"; fail "the release binary loads $unexpected"; }
pass "ldd lists only libc, libm, libstdc++, libgcc_s, libz and the loader"

# A minimal Debian root: no Swift, no compiler, no libcurl.
if [ ! -x "$debian/bin/sh" ]; then
  debootstrap --variant=minbase bookworm "$debian" http://deb.debian.org/debian > "$work/debootstrap.log" 2>&1 \
    || { tail -20 "$work/debootstrap.log"; fail "debootstrap failed"; }
fi
mount -t proc proc "$debian/proc"
mount --bind /dev "$debian/dev"
mount --bind /dev/pts "$debian/dev/pts"
in_root() { chroot "$debian" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"; }
in_root sh -c 'dpkg -s libcurl4 > /dev/null 2>&1 && apt-get purge -y -qq libcurl4 > /dev/null 2>&1; true'
in_root sh -c '! command -v swift && ! command -v cc' > /dev/null || fail "the minimal root has a compiler"
rm -rf "$debian/opt/notelint" "$debian/notes" "$debian/wheels" "$debian/opt/venv" "$debian/root/.cache/notelint"
mkdir -p "$debian/opt/notelint" "$debian/notes" "$debian/wheels"
tar -xzf "$archive" -C "$debian/opt/notelint" --strip-components=1
cp fixtures/example-note.md "$debian/notes/"
cp "$wheel" "$debian/wheels/"

# The fake arXiv server behind TLS, with a certificate for 127.0.0.1 made here.
openssl req -x509 -newkey rsa:2048 -nodes -keyout "$work/key.pem" -out "$debian/notes/ca.pem" -days 1 \
  -subj "/CN=127.0.0.1" -addext "subjectAltName=IP:127.0.0.1" 2> /dev/null
mkfifo "$work/fake-in"
FAKE_ARXIV_CERT="$debian/notes/ca.pem" FAKE_ARXIV_KEY="$work/key.pem" python3 Tests/arxiv/fake_arxiv.py < "$work/fake-in" > "$work/fake-out" &
fake_pid=$!
exec 9> "$work/fake-in"
for _ in $(seq 50); do grep -q PORT "$work/fake-out" 2> /dev/null && break; sleep 0.1; done
port="$(awk '/PORT/ {print $2}' "$work/fake-out")"
arxiv=(NOTELINT_ARXIV_API_URL="https://127.0.0.1:$port/api/query" NOTELINT_ARXIV_CA_FILE=/notes/ca.pem NOTELINT_ARXIV_INTERVAL=0)

# check, lsp and fill with the notelint at $1, inside the root.
exercise() {
  local notelint="$1" how="$2" status=0
  in_root "$notelint" check --no-cache --color never /notes/example-note.md > "$work/check.txt" || status=$?
  [ "$status" -eq 1 ] && grep -q "0 errors, 5 warnings, 6 infos in 1 file" "$work/check.txt" \
    || { cat "$work/check.txt"; fail "$how: check did not report the sample note's findings (exit $status)"; }
  pass "$how: check on the sample note (5 warnings, 6 infos)"
  python3 Tests/release/lsp_session.py "$version" chroot "$debian" env -i PATH=/usr/bin:/bin HOME=/root "$notelint" lsp \
    || fail "$how: the language server session"
  pass "$how: lsp initialize, diagnostics, shutdown"
  printf 'Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate:\n' > "$debian/notes/fill.md"
  rm -rf "$debian/root/.cache/notelint"  # an empty arXiv cache: the metadata must come over the network
  in_root env "${arxiv[@]}" "$notelint" fill /notes/fill.md > "$work/fill.txt" 2>&1 || { cat "$work/fill.txt"; fail "$how: fill failed"; }
  grep -q "^Date: 20 Apr 2021$" "$debian/notes/fill.md" || { cat "$debian/notes/fill.md" "$work/fill.txt"; fail "$how: fill did not write the Date"; }
  pass "$how: fill over HTTPS from the fake arXiv"
}

# Without libcurl the network commands say what to install; nothing else needs it.
printf 'Title: RoFormer\nLink: https://arxiv.org/abs/2104.09864\nDate:\n' > "$debian/notes/fill.md"
if in_root env "${arxiv[@]}" /opt/notelint/bin/notelint fill /notes/fill.md > "$work/fill.txt" 2>&1; then
  fail "fill succeeded without libcurl"
fi
grep -q "libcurl4" "$work/fill.txt" || { cat "$work/fill.txt"; fail "fill without libcurl did not name the package to install"; }
pass "without libcurl, fill names the package: $(head -1 "$work/fill.txt")"
in_root sh -c 'apt-get install -y -qq libcurl4 > /dev/null 2>&1' || fail "apt-get install libcurl4 in the minimal root"

exercise /opt/notelint/bin/notelint "release archive"

# The wheel, installed offline into a virtual environment of the root.
in_root sh -c 'apt-get install -y -qq python3-venv > /dev/null 2>&1' || fail "apt-get install python3-venv in the minimal root"
in_root python3 -m venv /opt/venv
in_root env PIP_NO_INDEX=1 PIP_FIND_LINKS=/wheels /opt/venv/bin/pip install -q notelint=="$version" || fail "pip install of the wheel"
exercise /opt/venv/bin/notelint "wheel"

# pre-commit with the generated mirror: Swift off PATH, pip offline with the built wheels.
python3 scripts/precommit-mirror.py "$work/mirror" --git > /dev/null
mkdir "$work/notes" && cd "$work/notes"
export GIT_CONFIG_GLOBAL="$work/gitconfig"
git config --global user.name "notelint test" && git config --global user.email "test@example.org"
git init -q .
printf 'repos:\n  - repo: %s\n    rev: v%s\n    hooks:\n      - id: notelint\n' "$work/mirror" "$version" > .pre-commit-config.yaml
printf 'Title:\nLink:\n' > broken.md
git add .
no_swift_path="$(echo "$PATH" | tr ':' '\n' | grep -v swift | paste -sd:)"
if env PATH="$no_swift_path" PRE_COMMIT_HOME="$work/pre-commit" PIP_NO_INDEX=1 \
  PIP_FIND_LINKS="$root/dist $root/.venv/wheelhouse" pre-commit run --all-files > "$work/pre-commit.txt" 2>&1; then
  cat "$work/pre-commit.txt"; fail "pre-commit accepted a broken note"
fi
grep -q "broken.md:1:1: warning: entry has no values" "$work/pre-commit.txt" || { cat "$work/pre-commit.txt"; fail "pre-commit did not show the finding"; }
pass "pre-commit mirror: notelint from the wheel, without Swift, offline"

echo "release: $passed passed, 0 failed"
