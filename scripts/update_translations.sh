#!/usr/bin/env bash
# Refresh the desktop app's Qt catalogs from the source (self.tr strings), then compile them.
# Translate new entries in resources/translations/*.ts (e.g. with pyside6-linguist) and re-run.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${VENV:-.venv}/bin"
TS=(resources/translations/rfm_desktop_zh_CN.ts resources/translations/rfm_desktop_zh_TW.ts)
"$BIN/pyside6-lupdate" desktop/*.py -no-obsolete -ts "${TS[@]}"
for ts in "${TS[@]}"; do
    "$BIN/pyside6-lrelease" "$ts" -qm "${ts%.ts}.qm"
done
