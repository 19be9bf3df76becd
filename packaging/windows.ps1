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

& "$jdk\bin\jpackage.exe" --type msi --dest target\dist --app-version $version `
  '@packaging/jpackage/package.args' '@packaging/jpackage/app.args' `
  --icon icons\stocklens.ico `
  --file-associations packaging\jpackage\stocklens-file.properties `
  --win-menu --win-menu-group StockLens --win-shortcut --win-shortcut-prompt --win-dir-chooser `
  --win-upgrade-uuid 6f1c2a4e-5b7d-4c8e-9a3f-2d5e7b9c1a04
if ($LASTEXITCODE) { exit $LASTEXITCODE }
Get-ChildItem target\dist\*.msi
