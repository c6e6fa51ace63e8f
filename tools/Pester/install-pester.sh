#!/usr/bin/env bash
# Installs Pester 5.7.1 for pwsh from its NuGet package (PowerShell Gallery is not reachable here), into the current
# user's module path, unless that version is there already.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version=5.7.1
target="${XDG_DATA_HOME:-$HOME/.local/share}/powershell/Modules/Pester/$version"
if [ -f "$target/Pester.psd1" ]; then exit 0; fi
packages="$(mktemp -d)"
trap 'rm -rf "$packages" "$here/obj"' EXIT
dotnet restore "$here/Pester.csproj" --packages "$packages" --nologo -v q
mkdir -p "$target"
cp -R "$packages/pester/$version/tools/." "$target/"
echo "Installed Pester $version in $target"
