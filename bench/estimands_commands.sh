#!/usr/bin/env bash
# Whole-process timings of `rwestats impute` (start-up, reading, the imputation model and its refits, imputation,
# analysis, pooling, output) against the speed goals of docs/estimands.md: on rbmi's antidepressant_data (JR, the
# quickstart's model) condmean + jackknife, 1,000 conditional-mean bootstrap samples, the jackknife with a 50-point
# tipping-point grid, and condmean + jackknife at 10^4 subjects x 6 visits (the benchmark cohort of `rwestats simulate
# mmrm`, the event at each subject's first missing visit); and, beyond the goals, the jackknife with the MMRM analysis.
# Median, min and max wall seconds of RUNS runs and the median CPU seconds (user + system, all threads; GNU time).
# When R with rbmi is found (R_LIBS as needed), rbmi's elapsed time for the same antidepressant jobs is printed beside
# ours (bench/estimands_r.R; its bootstrap is timed on RBMI_BOOT samples, default 10, and scaled to 1,000); RBMI=0 skips it.
#   bash bench/estimands_commands.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-5}"
[ -x /usr/bin/time ] || { echo "estimands_commands.sh: GNU time (/usr/bin/time) not found (apt-get install time)"; exit 2; }
./rwestats --help >/dev/null  # builds the tool once, outside the timings
mkdir -p bench/out
large=bench/out/mmrm_10000x6.csv
[ -f "$large" ] || ./rwestats simulate mmrm --subjects 10000 --visits 6 --seed 1 --out "$large" >/dev/null
awk -F, 'BEGIN { print "id,visit" } NR > 1 && $6 == "" && !seen[$1]++ { print $1 "," $2 }' "$large" > bench/out/mmrm_10000x6_ice.csv

# rbmi's elapsed seconds per job (jackknife, bootstrap scaled to 1,000, grid alone), when R and rbmi are there.
rbmi_jack="" rbmi_boot="" rbmi_grid=""
if [ "${RBMI:-1}" != 0 ] && command -v Rscript >/dev/null && Rscript -e 'suppressPackageStartupMessages(library(rbmi))' >/dev/null 2>&1; then
  Rscript bench/estimands_r.R "${RBMI_BOOT:-10}" > bench/out/rbmi_times.txt 2>/dev/null || true
  elapsed() { grep -F "$1" bench/out/rbmi_times.txt | sed -n 's/.*elapsed *\([0-9.]*\) s.*/\1/p' | head -n 1; }
  rbmi_jack="$(elapsed "condmean + jackknife")" rbmi_boot="$(elapsed "condmean + bootstrap")" rbmi_grid="$(elapsed "tipping grid")"
fi
sum() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a + b }' || true; }

antidepressant=(impute --data data/antidepressant_long.csv --subject PATIENT --time VISIT --group THERAPY --reference PLACEBO
  --formula "CHANGE ~ THERAPY + VISIT + BASVAL*VISIT + THERAPY*VISIT" --ice data/antidepressant_ice.csv --strategy JR
  --analysis-covariates BASVAL --format json)
row() { printf '%-58s %8s %9s %8s %8s %8s %10s\n' "$@"; }
time_job() {
  local name="$1" goal="$2" rbmi="$3"; shift 3
  local walls=() cpus=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S" -o bench/out/time.txt ./rwestats "$@" >/dev/null || echo "$name: rwestats failed (exit code above)" >&2
    read -r wall user sys < <(tail -n 1 bench/out/time.txt)
    walls+=("$wall"); cpus+=("$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')")
  done
  local w=($(printf '%s\n' "${walls[@]}" | sort -g)) c=($(printf '%s\n' "${cpus[@]}" | sort -g))
  row "$name" "$goal" "${w[$((runs / 2))]}" "${w[0]}" "${w[$((runs - 1))]}" "${c[$((runs / 2))]}" "${rbmi:-n/a}"
}
echo "load average $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores; $runs runs each; seconds"
row "job (whole process)" "goal" "median" "min" "max" "cpu" "rbmi"
time_job "antidepressant, condmean + jackknife, JR (172 refits)" "< 0.5" "$rbmi_jack" "${antidepressant[@]}"
time_job "antidepressant, 1000 conditional-mean bootstrap samples" "< 2" "$rbmi_boot" "${antidepressant[@]}" --method condmean-bootstrap --samples 1000
time_job "antidepressant, jackknife + 50-point tipping grid" "< 1" "$(sum "$rbmi_jack" "$rbmi_grid")" \
  "${antidepressant[@]}" --tipping-arm DRUG --tipping-visit 7 --tipping-grid -10:10:50
time_job "10^4 x 6, condmean + jackknife, JR (10^4 refits)" "< 10" "" impute --data "$large" --subject id --time visit --group arm \
  --reference PBO --formula "y ~ arm*visit + base*visit" --ice bench/out/mmrm_10000x6_ice.csv --strategy JR --analysis-covariates base --format json
time_job "antidepressant, jackknife, MMRM analysis (173 MMRM fits)" "-" "" "${antidepressant[@]}" --analysis mmrm
