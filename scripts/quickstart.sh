#!/usr/bin/env bash
# Quick start: install what is missing, build, and summarize a bundled sample contract.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target clause-scan
./build/clause-scan samples/procurement_service.txt
