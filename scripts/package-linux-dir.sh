#!/usr/bin/env bash
# Packages the desk as an unpacked Linux app (dist/linux-unpacked) with a local Electron runtime:
# BALIE_ELECTRON_DIST names an unpacked Electron; otherwise the team's runtime script beside the
# checkout prepares one. AppImage, deb and NSIS build with `npm run package` on a normal machine.
set -euo pipefail
cd "$(dirname "$0")/.."
dist=${BALIE_ELECTRON_DIST:-$(../shared/tools/electron-runtime.sh)}
version=$(cat "$dist/version")
npx electron-vite build --logLevel warn
npx electron-builder --linux dir --publish never -c.electronDist="$dist" -c.electronVersion="$version"
du -sh dist/linux-unpacked | awk '{print "package size: " $1 " (dist/linux-unpacked)"}'
