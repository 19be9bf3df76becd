# Windows installer (.msi) with jpackage (JDK 25 on Windows; jpackage builds only for the OS it runs on).
#   powershell -ExecutionPolicy Bypass -File packaging\windows.ps1   -> target\dist\StockLens-VERSION.msi
# Needs WiX Toolset 3.14 (candle.exe, light.exe) or WiX 4/5 (wix.exe) on PATH.
# Not run on the Linux build machine: written to the same configuration as linux.sh (same argument
# files in packaging\jpackage\). Installs per machine into Program Files\StockLens with a Start-menu
# entry, a desktop shortcut, and the .stocklens file type.
$ErrorActionPreference = 'Stop'
Set-Location (Join-Path $PSScriptRoot '..')

$jdk = $env:STOCKLENS_JDK
if (-not $jdk) { $jdk = $env:JAVA_HOME }
if (-not $jdk -or -not (Test-Path (Join-Path $jdk 'bin\jpackage.exe'))) {
  throw 'windows: no JDK 25 with jpackage found; set STOCKLENS_JDK'
}
if ($env:STOCKLENS_SKIP_BUILD -ne '1') { mvn -B -q package -DskipTests; if ($LASTEXITCODE) { exit $LASTEXITCODE } }

# jpackage wants a numeric version: 0.1.0-SNAPSHOT -> 0.1.0
$version = ([xml](Get-Content pom.xml)).project.version -replace '[^0-9.].*$', ''

# Non-modular route (docs/STACK.md): platform JavaFX jars (with a classifier, here -win) on --module-path,
# the empty stubs dropped, everything else and the app jar in --input.
$stage = 'target\jpackage'
Remove-Item -Recurse -Force $stage, 'target\dist' -ErrorAction SilentlyContinue
New-Item -ItemType Directory -Force "$stage\input", "$stage\fxmods" | Out-Null
Copy-Item target\stocklens.jar "$stage\input\"
Get-ChildItem target\lib\*.jar | ForEach-Object {
  if ($_.Name -match '^javafx-[a-z]+-[0-9.]+-[a-z0-9_-]+\.jar$') { Copy-Item $_.FullName "$stage\fxmods\" }
  elseif ($_.Name -notmatch '^javafx-') { Copy-Item $_.FullName "$stage\input\" }
}

# The app image first, then its AOT cache (the steps of aot_cache in packaging/common.sh), then the .msi.
& "$jdk\bin\jpackage.exe" --type app-image --dest target\dist --app-version $version `
  '@packaging/jpackage/package.args' '@packaging/jpackage/app.args' `
  --icon icons\stocklens.ico
if ($LASTEXITCODE) { exit $LASTEXITCODE }

$image = 'target\dist\StockLens'
$appDir = Join-Path $image 'app'
$cfg = Join-Path $appDir 'StockLens.cfg'
$work = Join-Path ([IO.Path]::GetTempPath()) ('stocklens-aot-' + [guid]::NewGuid())
New-Item -ItemType Directory -Force $work | Out-Null
$cache = Join-Path (Resolve-Path $appDir) 'stocklens.aot'
# Runs the image's launcher with $toolOptions in JAVA_TOOL_OPTIONS (paths quoted: the JVM reads quotes there)
# and $arguments (one string, paths quoted); true when it exited with 0 within five minutes.
function Invoke-Launcher([string]$toolOptions, [string]$arguments) {
  $saved = $env:JAVA_TOOL_OPTIONS
  $env:JAVA_TOOL_OPTIONS = $toolOptions
  try {
    $start = @{ FilePath = (Join-Path $image 'StockLens.exe'); PassThru = $true }
    if ($arguments) { $start.ArgumentList = $arguments }
    $p = Start-Process @start
    $null = $p.Handle  # keeps the exit code readable after the process ends
    if (-not $p.WaitForExit(300000)) { $p.Kill(); return $false }
    return $p.ExitCode -eq 0
  } finally {
    if ($null -eq $saved) { Remove-Item Env:\JAVA_TOOL_OPTIONS -ErrorAction SilentlyContinue } else { $env:JAVA_TOOL_OPTIONS = $saved }
  }
}
$trained = Invoke-Launcher "-XX:AOTMode=record `"-XX:AOTConfiguration=$work\stocklens.aotconf`" `"-Dstocklens.benchmark.startMarker=$work\marker`" -Dstocklens.benchmark.exitWhenShown=true" `
  "--demo --lang zh --data-dir `"$work\workspace`""
$lines = [Collections.Generic.List[string]](Get-Content $cfg)
$last = -1
for ($i = 0; $i -lt $lines.Count; $i++) { if ($lines[$i] -like 'java-options=*') { $last = $i } }
if ($trained -and ($last -ge 0) -and (Select-String -Quiet -Path "$work\marker" -Pattern '^rowsOnScreen=' -ErrorAction SilentlyContinue) -and
    (Invoke-Launcher "-XX:AOTMode=create `"-XX:AOTConfiguration=$work\stocklens.aotconf`" `"-XX:AOTCache=$cache`"" '') -and
    (Test-Path $cache)) {
  # After the launcher's last JVM option, inside its [JavaOptions] section.
  $lines.Insert($last + 1, 'java-options=-XX:AOTCache=$APPDIR\stocklens.aot')
  Set-Content -Path $cfg -Value $lines -Encoding ASCII
  Remove-Item -Recurse -Force $work -ErrorAction SilentlyContinue
  Write-Output "aot: cache $cache, named in StockLens.cfg (whether the .msi keeps the jars' file times, which the JVM checks, is not known)"
} else {
  Remove-Item -Force $cache -ErrorAction SilentlyContinue
  Write-Output "aot: the training start did not show its rows and exit, or the cache was not made (see $work): no AOT cache"
}

& "$jdk\bin\jpackage.exe" --type msi --dest target\dist --app-version $version `
  '@packaging/jpackage/package.args' `
  --app-image $image `
  --file-associations packaging\jpackage\stocklens-file.properties `
  --win-menu --win-menu-group StockLens --win-shortcut --win-shortcut-prompt --win-dir-chooser `
  --win-upgrade-uuid 6f1c2a4e-5b7d-4c8e-9a3f-2d5e7b9c1a04
if ($LASTEXITCODE) { exit $LASTEXITCODE }
Get-ChildItem target\dist\*.msi
