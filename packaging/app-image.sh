#!/usr/bin/env bash
# Builds a self-contained app image (its own Java runtime) with jpackage from JDK 25.
# Non-modular route from STACK.md: JavaFX -linux jars go on --module-path (jlinked into the runtime),
# every other jar plus the app jar in --input, main class Launcher.
#   packaging/app-image.sh            -> target/dist/StockLens/bin/StockLens
# Installers (.deb/.msi/.dmg) come with the packaging issue.
set -euo pipefail
cd "$(dirname "$0")/.."

jdk=""
for d in "${STOCKLENS_JDK:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* "${JAVA_HOME:-}"; do
  [ -n "$d" ] && [ -x "$d/bin/jpackage" ] && { jdk=$d; break; }
done
[ -n "$jdk" ] || { echo "app-image: no JDK with jpackage found; set STOCKLENS_JDK" >&2; exit 1; }

mvn -B -q package -DskipTests
version=$(grep -m1 '<version>' pom.xml | sed -E 's/.*<version>([0-9.]+).*/\1/')

rm -rf target/jpackage target/dist
mkdir -p target/jpackage/input target/jpackage/fxmods
cp target/stocklens.jar target/jpackage/input/
for jar in target/lib/*.jar; do
  case "$(basename "$jar")" in
    javafx-*-linux.jar) cp "$jar" target/jpackage/fxmods/ ;;
    javafx-*.jar) ;;                                  # the empty platform-neutral stubs
    *) cp "$jar" target/jpackage/input/ ;;
  esac
done

"$jdk/bin/jpackage" --type app-image --dest target/dist \
  --name StockLens --app-version "$version" \
  --input target/jpackage/input --main-jar stocklens.jar --main-class com.stocklens.Launcher \
  --module-path target/jpackage/fxmods \
  --add-modules javafx.controls,javafx.fxml,java.sql,java.naming,java.net.http,jdk.httpserver,jdk.crypto.ec,java.management,jdk.unsupported \
  --icon icons/stocklens-256.png \
  --java-options "--enable-native-access=ALL-UNNAMED"
echo "app-image: target/dist/StockLens/bin/StockLens"
