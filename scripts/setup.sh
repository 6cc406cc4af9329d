#!/usr/bin/env bash
# Installs the Debian packages clause-scan needs and that are missing on this machine.
# Idempotent and quiet when everything is there. `--test` adds the tools the test suite uses
# (headless Chromium for the HTML redline, GNU parallel for the batch recipe).
set -euo pipefail

packages=(g++ cmake ninja-build pkg-config libicu-dev libre2-dev libcli11-dev libfmt-dev
          doctest-dev nlohmann-json3-dev libtomlplusplus-dev)
if [[ "${1:-}" == "--test" ]]; then
  packages+=(chromium parallel)
fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done
[[ ${#missing[@]} -eq 0 ]] && exit 0

sudo=""
[[ "$(id -u)" -ne 0 ]] && sudo="sudo"
echo "clause-scan setup: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
  "${missing[@]}" >/dev/null
