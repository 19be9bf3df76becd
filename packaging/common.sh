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

# JDK 25 AOT cache (issue 20; BENCHMARKS.md): the classes of a real start, loaded and linked ahead of time, so
# the installed app's first frame comes about twice as fast. Trained on the app image itself, through its
# own launcher (the jlinked runtime has no `java`): a demo start in a throw-away workspace that exits by
# itself once its stock table holds rows (the start marker's exitWhenShown), recorded with
# -XX:AOTMode=record, then the cache is created beside the jars and the launcher's .cfg names it. The cache
# is only used by the runtime that made it, with the same options: it is made again with every image.
#   aot_cache LAUNCHER APP_DIR     e.g. aot_cache target/dist/StockLens/bin/StockLens target/dist/StockLens/lib/app
# Needs a display: macOS's own, $DISPLAY, else xvfb-run (Linux). Without one the image ships without a
# cache, and says so. windows.ps1 does the same steps in PowerShell.
aot_cache () {
  local launcher=$1 appdir=$2
  local cfg work display=()
  cfg=$(ls "$appdir"/*.cfg)
  # ${a[@]+"${a[@]}"}: an empty array under set -u is an error in macOS's bash 3.2.
  local limit=()
  if command -v timeout >/dev/null 2>&1; then limit=(timeout 300)
  elif command -v gtimeout >/dev/null 2>&1; then limit=(gtimeout 300)
  else limit=(perl -e 'alarm shift; exec @ARGV' 300)   # macOS: no timeout(1); the alarm survives exec
  fi
  if [ "$(uname)" != Darwin ] && [ -z "${DISPLAY:-}" ]; then
    if command -v xvfb-run >/dev/null 2>&1; then display=(xvfb-run -a -s "-screen 0 1366x768x24")
    else echo "aot: no display and no xvfb-run: the image ships without an AOT cache (it starts, only slower)"; return 0
    fi
  fi
  work=$(mktemp -d)
  if ! JAVA_TOOL_OPTIONS="-XX:AOTMode=record -XX:AOTConfiguration=$work/stocklens.aotconf -Dstocklens.benchmark.startMarker=$work/marker -Dstocklens.benchmark.exitWhenShown=true" \
       ${limit[@]+"${limit[@]}"} ${display[@]+"${display[@]}"} "$launcher" --demo --lang zh --data-dir "$work/workspace" >"$work/training.log" 2>&1 \
     || ! grep -q '^rowsOnScreen=' "$work/marker" 2>/dev/null; then
    echo "aot: the training start did not show its rows and exit (log: $work/training.log): no AOT cache"; return 0
  fi
  if ! JAVA_TOOL_OPTIONS="-XX:AOTMode=create -XX:AOTConfiguration=$work/stocklens.aotconf -XX:AOTCache=$appdir/stocklens.aot" \
       ${limit[@]+"${limit[@]}"} "$launcher" >"$work/create.log" 2>&1 || [ ! -s "$appdir/stocklens.aot" ]; then
    rm -f "$appdir/stocklens.aot"
    echo "aot: the cache was not created (log: $work/create.log): no AOT cache"; return 0
  fi
  # The option goes after the launcher's last JVM option, inside its [JavaOptions] section.
  grep -q 'AOTCache=' "$cfg" || awk -v add='java-options=-XX:AOTCache=$APPDIR/stocklens.aot' \
    'NR == FNR { if (/^java-options=/) last = FNR; next } { print } FNR == last { print add }' "$cfg" "$cfg" >"$cfg.new"
  [ -s "$cfg.new" ] && mv "$cfg.new" "$cfg"
  if ! grep -q 'AOTCache=' "$cfg"; then
    rm -f "$appdir/stocklens.aot"
    echo "aot: $(basename "$cfg") has no [JavaOptions] line to follow: no AOT cache"; return 0
  fi
  echo "aot: cache $appdir/stocklens.aot ($(du -h "$appdir/stocklens.aot" | cut -f1)), named in $(basename "$cfg")"
  rm -rf "$work"
}
