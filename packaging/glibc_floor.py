"""The oldest glibc a Linux bundle runs on: the highest ``GLIBC_x.y`` symbol version any of its ELF files requires.

    python packaging/glibc_floor.py dist/live-interpreter        # prints the floor and the files that set it

A bundle inherits the floor of everything in it: the Qt and FFmpeg wheels (manylinux tags state theirs), the
Python interpreter it was built with, and the system libraries PyInstaller copied from the build machine. Reads the
version references with ``objdump -p`` (binutils, which PyInstaller needs on Linux anyway).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

_REQUIRED = re.compile(r"\bGLIBC_(\d+)\.(\d+)(?:\.(\d+))?\b")
_ELF_MAGIC = b"\x7fELF"


def _is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as file:
            return file.read(4) == _ELF_MAGIC
    except OSError:
        return False


def required_glibc(path: Path) -> tuple[int, ...] | None:
    """The highest glibc version ``path`` (an ELF file) references; None when it references none."""
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=False).stdout
    section = out.split("Version References:", 1)
    if len(section) < 2:
        return None
    versions = [tuple(int(part) for part in match.groups() if part) for match in _REQUIRED.finditer(section[1])]
    return max(versions) if versions else None


def glibc_floor(bundle: Path) -> tuple[tuple[int, ...], list[Path]]:
    """``(highest version, files requiring it)`` over every ELF file under ``bundle``."""
    floor: tuple[int, ...] = (2, 0)
    holders: list[Path] = []
    for path in sorted(p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink() and _is_elf(p)):
        version = required_glibc(path)
        if version is None or version < floor:
            continue
        if version > floor:
            floor, holders = version, []
        holders.append(path)
    return floor, holders


def main(argv: list[str]) -> int:
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print("usage: glibc_floor.py BUNDLE_FOLDER", file=sys.stderr)
        return 2
    bundle = Path(argv[0])
    floor, holders = glibc_floor(bundle)
    names = ", ".join(str(p.relative_to(bundle)) for p in holders[:6]) + (" ..." if len(holders) > 6 else "")
    print(f"glibc floor: {'.'.join(map(str, floor))} (set by {names})")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
