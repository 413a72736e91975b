#!/usr/bin/env bash
# Debian packages the test suites need: Chromium (e2e and PDF printing), poppler (pdftotext /
# pdftoppm to check PDFs), fonts for documents. Installs only what is missing; needs root.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || [ -n "${CHROMIUM_PATH:-}" ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
dpkg -s fonts-liberation >/dev/null 2>&1 || missing+=(fonts-liberation)
dpkg -s fonts-dejavu-core >/dev/null 2>&1 || missing+=(fonts-dejavu-core)
if [ ${#missing[@]} -eq 0 ]; then
  echo "system-deps: all present"
  exit 0
fi
if [ "$(id -u)" != 0 ]; then
  echo "system-deps: missing ${missing[*]}; install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
