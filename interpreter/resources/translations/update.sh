#!/usr/bin/env bash
# Re-extract the UI strings into the .ts file(s) and compile the shipped .qm (run from anywhere).
# After extracting, translate the new/unfinished entries (Qt Linguist: pyside6-linguist, or edit the XML), then run
# this again so the .qm matches. Obsolete entries are dropped (-no-obsolete) to keep the file reviewable.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
bin=${PYSIDE6_BIN:-$(dirname "$(command -v python)")}
cd "$root"
# Every package but the emulator (a server: it says nothing to our users). The Qt-free layers hold user messages
# declared with msg("area.what", "English template") (interpreter/core/messages.py): lupdate reads msg() as
# QT_TRANSLATE_NOOP, so each template lands in the .ts with its id as the context.
mapfile -t sources < <(find interpreter -name '*.py' -not -path 'interpreter/emulator/*' | sort)
for lang in zh_CN; do
  ts=interpreter/resources/translations/live_interpreter_${lang}.ts
  "$bin/pyside6-lupdate" "${sources[@]}" -tr-function-alias QT_TRANSLATE_NOOP+=msg -no-obsolete \
    -target-language "$lang" -ts "$ts"
  "$bin/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
done
