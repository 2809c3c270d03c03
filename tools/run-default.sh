#!/usr/bin/env bash
# Runs the default case end to end (`gridem demo`): the 2024 baselines of Henan and the YRD, then
# both regions' neutrality scenarios with analysis and maps, and prints a summary table.
# Installs the native packages first when missing. Results go to out/ (earlier results replaced).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-native.sh
bash tools/gridem demo --out out --force "$@"
