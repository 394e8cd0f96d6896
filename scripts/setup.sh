#!/usr/bin/env bash
# Installs what Linli needs on a Debian machine, only what is missing: the Debian packages the system
# and its tests use, then the npm dependencies (native modules are built by `npm ci`, see allowScripts).
set -euo pipefail
cd "$(dirname "$0")/.."

# chromium: browser-mode windows and UI tests; socat: serial ports for the device simulators;
# fonts-noto-cjk: Chinese glyphs; libusb/libudev: node-hid; espeak-ng: spoken feedback on elder units.
DEBIAN_PACKAGES=(chromium socat fonts-noto-cjk libusb-1.0-0 libudev1 espeak-ng)

missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Installing Debian packages: ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "Missing Debian packages: ${missing[*]} — install them with: sudo apt-get install ${missing[*]}" >&2
  fi
fi

# Electron's binary cannot be downloaded on build machines; its package is installed for its types only.
export ELECTRON_SKIP_BINARY_DOWNLOAD=1
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
