#!/usr/bin/env bash
# The E2E tests drive Debian's Chromium and Firefox ESR (Playwright cannot download browsers
# here). Installs them with apt-get when they are missing and we may; otherwise says how.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
firefox_path="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
[ -x "$chromium_path" ] && [ -x "$firefox_path" ] && command -v openssl >/dev/null && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Chromium, Firefox ESR and OpenSSL with apt-get…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium firefox-esr openssl >/dev/null
  exit 0
fi
echo "E2E tests need Chromium at $chromium_path and Firefox ESR at $firefox_path" >&2
echo "(Debian: sudo apt-get install chromium firefox-esr openssl), or set CHROMIUM_PATH" >&2
echo "and FIREFOX_PATH to other builds." >&2
exit 1
