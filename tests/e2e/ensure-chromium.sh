#!/usr/bin/env bash
# The E2E tests drive Debian's Chromium (Playwright cannot download browsers here).
# Installs it with apt-get when it is missing and we may; otherwise says how.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
[ -x "$chromium_path" ] && command -v openssl >/dev/null && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Chromium and OpenSSL with apt-get…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium openssl >/dev/null
  exit 0
fi
echo "E2E tests need Chromium at $chromium_path (Debian: sudo apt-get install chromium openssl)," >&2
echo "or set CHROMIUM_PATH to another Chromium build." >&2
exit 1
