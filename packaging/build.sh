#!/usr/bin/env bash
# Build the one-folder bundle: dist/live-interpreter/live-interpreter (and, with --tarball, the Linux tarball
# dist/live-interpreter-<version>-linux-<arch>.tar.gz with the .desktop file, icon and AppStream metainfo).
#
#   packaging/build.sh [--tarball] [--dist DIR] [--work DIR]      (env: PYTHON, TARBALL_GZIP_LEVEL)
#
# Uses the checkout's .venv (tools/bootstrap makes it, with PyInstaller from the dev extra). Every build starts
# clean (--clean): a stale PyInstaller cache could hide a missing module, which is what this build is there to catch.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
dist="$root/dist"
work="$root/build/pyinstaller"
tarball=0
while [ $# -gt 0 ]; do
  case "$1" in
    --tarball) tarball=1 ;;
    --dist) dist=$(realpath -m "$2"); shift ;;
    --work) work=$(realpath -m "$2"); shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "build.sh: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done
python=${PYTHON:-$root/.venv/bin/python}
if ! "$python" -c 'import PyInstaller' 2>/dev/null; then
  echo "PyInstaller is missing from $python: run tools/bootstrap (it installs the dev extra)" >&2
  exit 2
fi
started=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work" "$root/packaging/live-interpreter.spec"
bundle="$dist/live-interpreter"
# A Python built from source (pyenv) ships libpython and its extension modules with symbols (libpython: 22 MB, 5 MB
# stripped). Only those: the wheels' libraries are stripped already and patchelf-rewritten ones break when stripped.
if [ "$(uname -s)" = Linux ]; then
  find "$bundle/_internal" -maxdepth 1 -name 'libpython3*.so*' -type f -exec strip --strip-unneeded {} +
  find "$bundle/_internal/python3"* -path '*lib-dynload*' -name '*.so' -type f -exec strip --strip-unneeded {} + \
    2>/dev/null || true
fi
echo "bundle: $bundle ($(du -sh "$bundle" | cut -f1) unpacked, built in $(( $(date +%s) - started )) s)"
"$python" "$root/packaging/glibc_floor.py" "$bundle"

if [ "$tarball" -eq 1 ]; then
  version=$("$python" -c 'import interpreter; print(interpreter.__version__)')
  name="live-interpreter-$version-linux-$(uname -m)"
  stage=$(mktemp -d)
  trap 'rm -rf "$stage"' EXIT
  mkdir -p "$stage/$name/share/applications" "$stage/$name/share/metainfo" \
    "$stage/$name/share/icons/hicolor/scalable/apps"
  cp -a "$bundle" "$stage/$name/live-interpreter"
  cp "$root/resources/live-interpreter.desktop" "$stage/$name/share/applications/"
  cp "$root/resources/io.github.liveinterpreter.LiveInterpreter.metainfo.xml" "$stage/$name/share/metainfo/"
  cp "$root/resources/live-interpreter.svg" "$stage/$name/share/icons/hicolor/scalable/apps/"
  cp "$root/packaging/install.sh" "$stage/$name/"
  # gzip: every Linux unpacks it. TARBALL_GZIP_LEVEL trades size for time (the tests use 1: 14 s instead of 24 s).
  tar -C "$stage" -cf - "$name" | gzip -"${TARBALL_GZIP_LEVEL:-6}" > "$dist/$name.tar.gz.part"
  mv "$dist/$name.tar.gz.part" "$dist/$name.tar.gz"  # never a half-written tarball under the final name
  echo "tarball: $dist/$name.tar.gz ($(du -h "$dist/$name.tar.gz" | cut -f1))"
fi
