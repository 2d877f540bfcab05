#!/usr/bin/env bash
# Side-by-side timings of RweStats and R on the same seeded cohorts (needs R with nlme and lme4; mmrm if installed).
#   bash bench/compare_r.sh [SIZES] [VISITS]      e.g. bash bench/compare_r.sh 1000,10000 6
# Fit time in-process on both sides (R: system.time around the fit; RweStats: the fit call after the CSV is loaded
# and after a first fit that pays the JIT (median of up to 5), as R's packages are loaded before timing). -2LL: R's -2*logLik of a REML
# fit carries the same constant as SAS's "-2 Res Log Like" and RweStats', so the two agree without correction; the
# last column checks |difference| < 1e-3.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="${1:-1000,10000}"; visits="${2:-6}"
command -v Rscript >/dev/null || { echo "compare_r.sh: Rscript not found (apt-get install r-base-core r-cran-nlme r-cran-lme4)"; exit 2; }
dotnet build -c Release bench/RweStats.Bench -nologo -v q >/dev/null
bench=bench/RweStats.Bench/bin/Release/net10.0/RweStats.Bench.dll
mkdir -p bench/out
files=()
for n in ${sizes//,/ }; do
  for t in ${visits//,/ }; do
    f="bench/out/mmrm_${n}x${t}.csv"
    [ -f "$f" ] || ./rwestats simulate mmrm --subjects "$n" --visits "$t" --seed 1 --out "$f" >/dev/null
    files+=("$f")
  done
done
r_out="$(mktemp)"
Rscript bench/compare_r.R "${files[@]}" > "$r_out"
printf '%-12s %9s %6s %10s %12s %8s %16s %16s %6s\n' "R fit" subjects visits "R_s" "RweStats_s" ratio "R_-2LL" "RweStats_-2LL" agree
while IFS=, read -r file n t label r_time r_ll; do
  case "$label" in
    un_gls|un_mmrm) model=un ;;
    ri_ar1_lme) model=ri-ar1 ;;
    ri_lmer) model=ri ;;
    *) continue ;;
  esac
  IFS=, read -r _ fit _ _ ll _ < <(dotnet "$bench" measure "bench/out/$file" "$model")
  awk -v l="$label" -v n="$n" -v t="$t" -v rt="$r_time" -v ft="$fit" -v rl="$r_ll" -v fl="$ll" 'BEGIN {
    d = rl - fl; if (d < 0) d = -d
    printf "%-12s %9d %6d %10.3f %12.3f %7.0fx %16.4f %16.4f %6s\n", l, n, t, rt, ft, rt / ft, rl, fl, (rl == "NA" ? "n/a" : (d < 1e-3 ? "yes" : "NO"))
  }'
done < "$r_out"
rm -f "$r_out"
