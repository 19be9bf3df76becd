#!/usr/bin/env bash
# Linux packages with jpackage (JDK 25): a self-contained app image and a .deb, both with their own
# jlinked Java runtime, so no JDK is needed where they run.
#   packaging/linux.sh              -> target/dist/StockLens/ (app image) and target/dist/stocklens_VERSION_amd64.deb
#   packaging/linux.sh app-image    -> the app image only
#   packaging/linux.sh deb          -> the .deb only, from the app image already in target/dist/StockLens
# The .deb needs dpkg-deb (part of dpkg) and fakeroot (apt-get install fakeroot). It installs into
# /opt/stocklens, adds a menu entry (Office) and the .stocklens file type (application/x-stocklens), and
# depends only on what the app loads (linux-resources/control).
source "$(dirname "$0")/common.sh"
target=${1:-all}

# jpackage's one warning here is expected: Temurin 25 ships no jmods/, and jlink builds the runtime from
# the JDK's own image instead (docs/STACK.md). Said in words rather than left unexplained.
explained () {
  while IFS= read -r line; do
    case "$line" in
      *"No JDK Modules found"*) echo "linux: jpackage says \"No JDK Modules found\": expected, this JDK has no jmods/ and jlink links its own image" ;;
      *) printf '%s\n' "$line" ;;
    esac
  done
}

if [ "$target" != deb ] || [ ! -x target/dist/StockLens/bin/StockLens ]; then
  rm -rf target/dist
  "$jdk/bin/jpackage" --type app-image --dest target/dist --app-version "$version" \
    @packaging/jpackage/package.args @packaging/jpackage/app.args \
    --icon icons/stocklens-256.png 2>&1 | explained
  aot_cache target/dist/StockLens/bin/StockLens target/dist/StockLens/lib/app
  echo "linux: app image target/dist/StockLens ($(du -sh target/dist/StockLens | cut -f1))"
fi
[ "$target" = app-image ] && exit 0

rm -f target/dist/*.deb
"$jdk/bin/jpackage" --type deb --dest target/dist --app-version "$version" \
  @packaging/jpackage/package.args \
  --app-image target/dist/StockLens \
  --resource-dir packaging/linux-resources \
  --file-associations packaging/jpackage/stocklens-file.properties \
  --icon icons/stocklens-256.png \
  --linux-package-name stocklens \
  --linux-deb-maintainer "packaging@stocklens.invalid" \
  --linux-menu-group Office \
  --linux-app-category office \
  --linux-shortcut 2>&1 | explained
# Its dependencies are those of linux-resources/control, not jpackage's guess (which added xdg-utils, and
# with it Perl and a terminal emulator): GTK 3, the X11 libraries Java's AWT loads, a CJK font.
deb=$(ls target/dist/*.deb)
# jpackage copies the image into the .deb with new file times, and the JVM refuses an AOT cache whose jars'
# times changed ("timestamp has changed"): the package is opened, its jars get the image's times back, and
# it is packed again (dpkg keeps file times on install).
if [ -f target/dist/StockLens/lib/app/stocklens.aot ]; then
  repack=$(mktemp -d)
  dpkg-deb -R "$deb" "$repack/pkg"
  packed=$(find "$repack/pkg" -path '*/lib/app/stocklens.jar' | head -1)
  [ -n "$packed" ] || { echo "linux: no lib/app/stocklens.jar in $deb: cannot give its jars their times back" >&2; exit 1; }
  appdir=$(dirname "$packed")
  for jar in target/dist/StockLens/lib/app/*.jar; do touch -r "$jar" "$appdir/$(basename "$jar")"; done
  # SOURCE_DATE_EPOCH would cap the file times again.
  env -u SOURCE_DATE_EPOCH fakeroot dpkg-deb -b "$repack/pkg" "$deb" >/dev/null
  rm -rf "$repack"
fi
echo "linux: $deb ($(du -h "$deb" | cut -f1))"
