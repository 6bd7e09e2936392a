#!/usr/bin/env bash
# Installs Debian's chromium, and a CJK font so that the report's screenshot shows Chinese rather
# than boxes, for the browser test of the HTML audit report (test/browser). Debian packages only;
# run as root. Installs only what is missing: with both present it does nothing.
set -euo pipefail

packages=()
[ -x /usr/bin/chromium ] || packages+=(chromium)
if ! command -v fc-list >/dev/null 2>&1 || [ -z "$(fc-list :lang=zh family 2>/dev/null)" ]; then
  packages+=(fonts-noto-cjk)
fi
[ "${#packages[@]}" -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  echo "install-chromium: missing ${packages[*]}; run as root: apt-get install -y ${packages[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y "${packages[@]}"
