#!/usr/bin/env bash
# Side-by-side timings of RweStats and R on the same seeded cohorts (needs R with nlme and lme4; mmrm if installed).
#   bash bench/compare_r.sh [SIZES] [VISITS]      e.g. bash bench/compare_r.sh 1000,10000 6
# Fit time in-process on both sides (R: system.time around the fit; RweStats: the fit call, after CSV load).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="${1:-1000,10000}"; visits="${2:-6}"
command -v Rscript >/dev/null || { echo "compare_r.sh: Rscript not found (apt-get install r-base-core r-cran-nlme r-cran-lme4)"; exit 2; }
dotnet build -c Release bench/RweStats.Bench -nologo -v q >/dev/null
echo "== RweStats"
dotnet bench/RweStats.Bench/bin/Release/net10.0/RweStats.Bench.dll table --sizes "$sizes" --visits "$visits" --out bench/out
echo "== R (file,subjects,visits,model,fit_s,-2LL)"
files=()
for n in ${sizes//,/ }; do for t in ${visits//,/ }; do files+=("bench/out/mmrm_${n}x${t}.csv"); done; done
Rscript bench/compare_r.R "${files[@]}"
