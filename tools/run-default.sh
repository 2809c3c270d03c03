#!/usr/bin/env bash
# Runs the default case end to end (`gridem demo`): the 2024 baselines of Henan and the YRD, then
# both regions' neutrality scenarios with analysis and maps, and prints a summary table.
# Installs the native packages first when missing. Results go to out/ (earlier results replaced).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-native.sh
dotnet build src/GridEmissions.Cli -c Release -nologo -v q
dotnet src/GridEmissions.Cli/bin/Release/net10.0/gridem.dll demo --out out --force "$@"
