#!/usr/bin/env bash
# Install the unpacked tarball for the current user (no root): the app under ~/.local/opt, the command in
# ~/.local/bin, the menu entry, icon and AppStream metainfo under ~/.local/share. Run it from the unpacked folder.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
prefix=${PREFIX:-$HOME/.local}
mkdir -p "$prefix/opt" "$prefix/bin"
rm -rf "$prefix/opt/live-interpreter.new"
cp -a "$here/live-interpreter" "$prefix/opt/live-interpreter.new"
rm -rf "$prefix/opt/live-interpreter"
mv "$prefix/opt/live-interpreter.new" "$prefix/opt/live-interpreter"
ln -sf "$prefix/opt/live-interpreter/live-interpreter" "$prefix/bin/live-interpreter"
cp -r "$here/share/." "$prefix/share/"
command -v update-desktop-database >/dev/null && update-desktop-database -q "$prefix/share/applications" || true
echo "Installed: $prefix/bin/live-interpreter (make sure $prefix/bin is on PATH)"
