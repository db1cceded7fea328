#!/usr/bin/env python3
"""Builds a Python wheel that carries notelint's release binary, the way ruff and rumdl reach
PyPI: `pip install notelint` (or pipx) puts `notelint` on PATH, with no Swift anywhere.

Usage: scripts/build-wheel.py [ARCHIVE]   (default: dist/notelint-VERSION-linux-ARCH.tar.gz,
                                           built by scripts/release.sh)

The wheel holds the binary as a script (`notelint-VERSION.data/scripts/notelint`) and the rule
pages and configuration schema as data under the environment's prefix (`share/notelint/`,
where the binary looks beside itself). Its platform tag is manylinux for the newest glibc
symbol version the binary uses, so pip refuses it where that glibc is missing. Writes
dist/notelint-VERSION-py3-none-manylinux_2_N_ARCH.whl and prints its path.
"""

import base64
import hashlib
import io
import os
import re
import subprocess
import sys
import tarfile
import tempfile
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def glibc_tag(binary):
    """manylinux_2_N for the newest GLIBC_2.N symbol version the binary needs."""
    symbols = subprocess.run(["objdump", "-T", binary], capture_output=True, text=True, check=True).stdout
    versions = [tuple(int(part) for part in found.split(".")) for found in re.findall(r"GLIBC_(\d+\.\d+)", symbols)]
    major, minor = max(versions, default=(2, 17))
    return "manylinux_%d_%d" % (major, minor)


def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return "%s,sha256=%s,%d" % (name, digest, len(data))


def metadata(version):
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as handle:
        summary_paragraph = handle.read().split("\n\n")[1].replace("\n", " ")
    return (
        "Metadata-Version: 2.1\n"
        "Name: notelint\n"
        "Version: %s\n"
        "Summary: A linter and language server for Markdown research notes\n"
        "License: MIT\n"
        "Classifier: License :: OSI Approved :: MIT License\n"
        "Classifier: Operating System :: POSIX :: Linux\n"
        "Classifier: Topic :: Software Development :: Quality Assurance\n"
        "Classifier: Topic :: Text Processing :: Markup :: Markdown\n"
        "Requires-Python: >=3.8\n"
        "Description-Content-Type: text/markdown\n"
        "\n%s\n" % (version, summary_paragraph)
    )


def main():
    with open(os.path.join(ROOT, "VERSION"), encoding="utf-8") as handle:
        version = handle.read().strip()
    arch = os.uname().machine
    archive = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "dist", "notelint-%s-linux-%s.tar.gz" % (version, arch))
    if not os.path.exists(archive):
        sys.exit("build-wheel.py: %s does not exist; build it with scripts/release.sh" % archive)
    prefix = "notelint-%s-linux-%s/" % (version, arch)
    files = {}  # name in the wheel -> (bytes, executable)
    data = "notelint-%s.data" % version
    with tarfile.open(archive) as tar:
        for member in tar.getmembers():
            if not member.isfile() or not member.name.startswith(prefix):
                continue
            relative = member.name[len(prefix):]
            content = tar.extractfile(member).read()
            if relative == "bin/notelint":
                files[data + "/scripts/notelint"] = (content, True)
            elif relative.startswith("share/notelint/"):
                files[data + "/data/" + relative] = (content, False)
            elif relative == "LICENSE":
                files["notelint-%s.dist-info/LICENSE" % version] = (content, False)
    if data + "/scripts/notelint" not in files:
        sys.exit("build-wheel.py: %s holds no %sbin/notelint" % (archive, prefix))

    with tempfile.TemporaryDirectory() as scratch:
        binary = os.path.join(scratch, "notelint")
        with open(binary, "wb") as handle:
            handle.write(files[data + "/scripts/notelint"][0])
        tag = "py3-none-%s_%s" % (glibc_tag(binary), arch)
    info = "notelint-%s.dist-info" % version
    files[info + "/METADATA"] = (metadata(version).encode(), False)
    wheel = "Wheel-Version: 1.0\nGenerator: notelint scripts/build-wheel.py\nRoot-Is-Purelib: false\nTag: %s\n" % tag
    files[info + "/WHEEL"] = (wheel.encode(), False)
    record = [record_line(name, content) for name, (content, _) in sorted(files.items())]
    record.append(info + "/RECORD,,")
    files[info + "/RECORD"] = (("\n".join(record) + "\n").encode(), False)

    output = os.path.join(ROOT, "dist", "notelint-%s-%s.whl" % (version, tag))
    os.makedirs(os.path.dirname(output), exist_ok=True)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as wheel_zip:
        # The dist-info goes last, as the wheel format recommends.
        for name in sorted(files, key=lambda name: (name.startswith(info), name)):
            content, executable = files[name]
            entry = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            entry.external_attr = ((0o755 if executable else 0o644) | 0o100000) << 16
            entry.compress_type = zipfile.ZIP_DEFLATED
            wheel_zip.writestr(entry, content)
    with open(output, "wb") as handle:
        handle.write(buffer.getvalue())
    print(os.path.relpath(output, os.getcwd()))


if __name__ == "__main__":
    main()
