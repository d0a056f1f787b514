#!/usr/bin/env bash
# Installs what Umbral needs to build, run and test, from Debian 12 packages only.
# Idempotent and quiet when everything is already there. Runs apt-get directly as root and
# through sudo otherwise; runs `apt-get update` once, before the first install.
set -euo pipefail

packages=(
    # toolchain
    g++ cmake ninja-build pkg-config ccache
    # Qt 6.4: Core, Gui, Widgets, Concurrent, Network, Test (qt6-base-dev), LinguistTools (qt6-tools-dev, qt6-l10n-tools)
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    libgl-dev
    # images, storage, devices, crypto
    libopencv-dev libsqlite3-dev libusb-1.0-0-dev libsodium-dev
    # device tests with recorded USB traffic
    umockdev libumockdev-dev
    # UI tests and screenshots without a display; fonts for readable text
    xvfb xauth fonts-dejavu-core
    # setpriv (tests run one command as an unprivileged user when CI runs as root)
    util-linux
    # the sync test makes a throw-away TLS certificate
    openssl
    # the Debian package is built and inspected by the test suite
    dpkg-dev file
)

missing=()
for p in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$p")
    fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

if [[ $(id -u) -eq 0 ]]; then
    sudo=()
else
    command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    sudo=(sudo)
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "install-deps: done"
