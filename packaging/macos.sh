#!/usr/bin/env bash
# macOS disk image with jpackage (JDK 25 on a Mac; jpackage builds only for the OS it runs on).
#   packaging/macos.sh     -> target/dist/StockLens-VERSION.dmg (StockLens.app with its own Java runtime)
# Not run on the Linux build machine: written to the same configuration as linux.sh. Whether the .dmg keeps
# the jars' file times (the JVM refuses an AOT cache otherwise, warns, and starts without it) is not known.
# macOS bundle versions must start with a number > 0: while the project is 0.x the .app is stamped
# 1.0.0 unless STOCKLENS_MAC_VERSION says otherwise. Signing: set STOCKLENS_MAC_SIGN="Developer ID …".
source "$(dirname "$0")/common.sh"
mac_version=${STOCKLENS_MAC_VERSION:-$version}
if [[ $mac_version == 0.* ]]; then
  echo "macos: version $version starts with 0, which macOS refuses; using 1.0.0 (set STOCKLENS_MAC_VERSION)" >&2
  mac_version=1.0.0
fi
sign=()
[ -n "${STOCKLENS_MAC_SIGN:-}" ] && sign=(--mac-sign --mac-signing-key-user-name "$STOCKLENS_MAC_SIGN")

rm -rf target/dist
# The app image first, so that its AOT cache (common.sh) is in the bundle before it is signed and packed.
"$jdk/bin/jpackage" --type app-image --dest target/dist --app-version "$mac_version" \
  @packaging/jpackage/package.args @packaging/jpackage/app.args \
  --icon icons/stocklens.icns \
  --file-associations packaging/jpackage/stocklens-file.properties \
  --mac-package-identifier com.stocklens.desktop \
  --mac-package-name StockLens \
  --mac-app-category public.app-category.business
aot_cache target/dist/StockLens.app/Contents/MacOS/StockLens target/dist/StockLens.app/Contents/app
# jpackage does not sign a predefined image while packing it: the image (now with its cache) is signed first.
if [ -n "${STOCKLENS_MAC_SIGN:-}" ]; then
  "$jdk/bin/jpackage" --type app-image --app-image target/dist/StockLens.app "${sign[@]}"
fi
"$jdk/bin/jpackage" --type dmg --dest target/dist --app-version "$mac_version" \
  @packaging/jpackage/package.args \
  --app-image target/dist/StockLens.app \
  --mac-package-identifier com.stocklens.desktop \
  --mac-package-name StockLens \
  ${sign[@]+"${sign[@]}"}
ls -la target/dist/*.dmg
