#!/bin/sh
# Opens a workbook with LibreOffice headless and exports it to PDF (a workbook LibreOffice calls damaged fails here),
# then renders the pages as PNG for a look by eye.
# Usage: scripts/check-xlsx.sh reports/audit-2026-10.xlsx [OUTDIR]
# Needs: libreoffice-calc-nogui (soffice) and poppler-utils (pdftoppm) on Debian.
set -eu
xlsx=$1
out=${2:-$(mktemp -d)}
mkdir -p "$out"
profile=$(mktemp -d)   # a private LibreOffice profile: an open LibreOffice does not swallow the call
trap 'rm -rf "$profile"' EXIT
soffice -env:UserInstallation="file://$profile" --headless --convert-to pdf --outdir "$out" "$xlsx" >"$profile/log" 2>&1 || true
pdf="$out/$(basename "${xlsx%.*}").pdf"
[ -s "$pdf" ] || { cat "$profile/log" >&2; echo "LibreOffice could not convert $xlsx" >&2; exit 1; }
if command -v pdftoppm >/dev/null; then
  pdftoppm -png -r 60 "$pdf" "$out/page"
fi
echo "$pdf: $(ls "$out"/page-*.png 2>/dev/null | wc -l) pages rendered in $out"
