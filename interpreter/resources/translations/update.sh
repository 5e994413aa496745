#!/usr/bin/env bash
# Re-extract the UI strings into the .ts file(s) and compile the shipped .qm (run from anywhere).
# After extracting, translate the new/unfinished entries (Qt Linguist: pyside6-linguist, or edit the XML), then run
# this again so the .qm matches. Obsolete entries are dropped (-no-obsolete) to keep the file reviewable.
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
bin=${PYSIDE6_BIN:-$(dirname "$(command -v python)")}
cd "$root"
sources=(interpreter/app.py interpreter/app_context.py interpreter/ui/*.py interpreter/ui/viewmodels/*.py interpreter/ui/dialogs/*.py)
for lang in zh_CN; do
  ts=interpreter/resources/translations/live_interpreter_${lang}.ts
  "$bin/pyside6-lupdate" "${sources[@]}" -no-obsolete -target-language "$lang" -ts "$ts"
  "$bin/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
done
