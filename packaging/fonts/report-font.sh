#!/usr/bin/env bash
# Rebuilds the font that PDF exports embed, src/main/resources/com/stocklens/report/fonts/NotoSansSC-Regular.ttf,
# and its licence OFL.txt beside it. Not part of the build: the result is committed, so a build or an install
# needs no font from anywhere. Run it only to move to another upstream version; it needs npm and python3.
#
# Source: the npm package @expo-google-fonts/noto-sans-sc 0.4.3, file 400Regular/NotoSansSC_400Regular.ttf
# (Noto Sans SC 2.004, Google Fonts v40, TrueType outlines; SIL Open Font License 1.1, file LICENSE_FONT).
# Kept: every character of the Basic Multilingual Plane the font draws except CJK Extension A (U+3400–4DBF),
# so all 20,976 unified ideographs of U+4E00–9FFF (GB2312, GBK and Traditional forms), Latin with Vietnamese,
# Cyrillic, Greek, kana, punctuation and symbols. Dropped: Extension A, the supplementary planes, hinting,
# and the layout tables OpenPDF does not read (GSUB, GPOS, GDEF, BASE, STAT, vertical metrics).
# 10.6 MB upstream -> 7.7 MB file, about 4.6 MB compressed in stocklens.jar. The output is byte-for-byte
# reproducible (SHA-256 below).
set -euo pipefail
cd "$(dirname "$0")/../.."

pkg=@expo-google-fonts/noto-sans-sc@0.4.3
src_sha=d45f67f0a7c0ca3f256950777ce6a61cc7ce5f9696d02900cbbaac25f8aa7d16
out_sha=9bd21ba81d6bd4bbe1cd6b35ceffc9341a7755122d10ccb3a5e2c606e166d8c6
fonttools=fonttools==4.66.1
dest=src/main/resources/com/stocklens/report/fonts

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "$pkg" >/dev/null && tar xzf ./*.tgz)
ttf=$work/package/400Regular/NotoSansSC_400Regular.ttf
echo "$src_sha  $ttf" | sha256sum -c --quiet

python3 -m venv "$work/venv"
"$work/venv/bin/pip" install --quiet "$fonttools"
"$work/venv/bin/python" - "$ttf" "$work/keep.txt" <<'PY'
import sys
from fontTools.ttLib import TTFont
cmap = TTFont(sys.argv[1]).getBestCmap()
keep = sorted(c for c in cmap if c < 0x10000 and not 0x3400 <= c <= 0x4DBF)
open(sys.argv[2], "w").write("\n".join("U+%04X" % c for c in keep))
PY
"$work/venv/bin/pyftsubset" "$ttf" --unicodes-file="$work/keep.txt" --output-file="$work/out.ttf" \
  --no-hinting --layout-features='' --drop-tables+=GSUB,GPOS,GDEF,BASE,STAT,vhea,vmtx
echo "$out_sha  $work/out.ttf" | sha256sum -c --quiet || echo "report-font: the output differs from the committed one (another fontTools?)" >&2

mkdir -p "$dest"
cp "$work/out.ttf" "$dest/NotoSansSC-Regular.ttf"
cp "$work/package/LICENSE_FONT" "$dest/OFL.txt"
echo "report-font: $dest/NotoSansSC-Regular.ttf ($(stat -c %s "$dest/NotoSansSC-Regular.ttf") bytes) and OFL.txt"
