# Shared by linux.sh and macos.sh (sourced, not run): finds a JDK with jpackage, builds the jar and
# stages jpackage's input. Sets: jdk, version, stage (= target/jpackage).
#   STOCKLENS_JDK=/path/to/jdk-25   pick the JDK (default: Temurin 25 under /usr/lib/jvm, then JAVA_HOME)
#   STOCKLENS_SKIP_BUILD=1          reuse target/stocklens.jar and target/lib (no mvn package)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

jdk=""
for d in "${STOCKLENS_JDK:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*25* \
         /Library/Java/JavaVirtualMachines/*25*/Contents/Home "${JAVA_HOME:-}"; do
  [ -n "$d" ] && [ -x "$d/bin/jpackage" ] && { jdk=$d; break; }
done
[ -n "$jdk" ] || { echo "packaging: no JDK 25 with jpackage found; set STOCKLENS_JDK" >&2; exit 1; }

[ "${STOCKLENS_SKIP_BUILD:-}" = 1 ] || mvn -B -q package -DskipTests
# jpackage wants a numeric version: 0.1.0-SNAPSHOT -> 0.1.0 (the project's <version>, not the parent's).
version=$(grep -m1 '<version>' pom.xml | sed -E 's/.*<version>([0-9.]+).*/\1/')

# Non-modular route (docs/STACK.md): the platform JavaFX jars (javafx-NAME-VERSION-CLASSIFIER.jar) go on
# --module-path and are jlinked into the runtime; the empty stubs (no classifier) are dropped; every
# other jar and the app jar go in --input and stay on the class path.
stage=target/jpackage
rm -rf "$stage"
mkdir -p "$stage/input" "$stage/fxmods"
cp target/stocklens.jar "$stage/input/"
for jar in target/lib/*.jar; do
  name=$(basename "$jar")
  if [[ $name =~ ^javafx-[a-z]+-[0-9.]+-[a-z0-9_-]+\.jar$ ]]; then cp "$jar" "$stage/fxmods/"
  elif [[ $name =~ ^javafx- ]]; then :
  else cp "$jar" "$stage/input/"
  fi
done
