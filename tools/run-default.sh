#!/usr/bin/env bash
# Runs the default case end to end: the 2024 baselines of Henan and the YRD, then both regions'
# neutrality scenarios. Installs the native packages first when missing. Results go to out/.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/install-native.sh
dotnet build src/GridEmissions.Cli -c Release -nologo -v q
gridem=(dotnet src/GridEmissions.Cli/bin/Release/net10.0/gridem.dll)
"${gridem[@]}" baseline --out out/baseline --force
"${gridem[@]}" run scenarios/henan-neutrality.yaml --out out/henan-neutrality --force
"${gridem[@]}" run scenarios/yrd-neutrality.yaml --out out/yrd-neutrality --force
echo "Done: out/baseline, out/henan-neutrality, out/yrd-neutrality"
