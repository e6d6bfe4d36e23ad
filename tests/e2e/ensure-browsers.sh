#!/usr/bin/env bash
# The E2E tests drive Debian's Chromium and Firefox ESR (Playwright cannot download browsers
# here). Installs them with apt-get when they are missing and we may; otherwise says how.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
firefox_path="${FIREFOX_PATH:-/usr/bin/firefox-esr}"
# LibreOffice Writer: a unit test opens the .docx exports with it (soffice --headless).
soffice_path="${SOFFICE_PATH:-/usr/bin/soffice}"
[ -x "$chromium_path" ] && [ -x "$firefox_path" ] && [ -x "$soffice_path" ] && command -v openssl >/dev/null && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing Chromium, Firefox ESR, OpenSSL and LibreOffice Writer with apt-get…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium firefox-esr openssl libreoffice-writer-nogui >/dev/null
  exit 0
fi
echo "E2E tests need Chromium at $chromium_path and Firefox ESR at $firefox_path, and the" >&2
echo ".docx test LibreOffice at $soffice_path (Debian: sudo apt-get install chromium" >&2
echo "firefox-esr openssl libreoffice-writer-nogui), or set CHROMIUM_PATH, FIREFOX_PATH" >&2
echo "and SOFFICE_PATH to other builds." >&2
exit 1
