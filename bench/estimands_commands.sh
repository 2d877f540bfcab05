#!/usr/bin/env bash
# Whole-process timings of `rwestats impute` (start-up, reading, the imputation model and its refits, imputation,
# analysis, pooling, output), the speed targets of docs/estimands.md: on rbmi's antidepressant_data (JR, the quickstart's
# model) condmean + jackknife, 1,000 conditional-mean bootstrap samples, the jackknife with a 50-point tipping-point
# grid, and condmean + jackknife at 10^4 subjects x 6 visits (the benchmark cohort of `rwestats simulate mmrm`, the
# event at each subject's first missing visit). Median, min and max wall seconds of RUNS runs and the median CPU
# seconds (user + system, all threads; GNU time).
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
antidepressant=(impute --data data/antidepressant_long.csv --subject PATIENT --time VISIT --group THERAPY --reference PLACEBO
  --formula "CHANGE ~ THERAPY + VISIT + BASVAL*VISIT + THERAPY*VISIT" --ice data/antidepressant_ice.csv --strategy JR
  --analysis-covariates BASVAL --format json)
time_job() {
  local name="$1"; shift
  local walls=() cpus=()
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S" -o bench/out/time.txt ./rwestats "$@" >/dev/null
    read -r wall user sys < bench/out/time.txt
    walls+=("$wall"); cpus+=("$(echo "$user + $sys" | bc)")
  done
  local w=($(printf '%s\n' "${walls[@]}" | sort -g)) c=($(printf '%s\n' "${cpus[@]}" | sort -g))
  printf '%-62s %8s %8s %8s %8s\n' "$name" "${w[$((runs / 2))]}" "${w[0]}" "${w[$((runs - 1))]}" "${c[$((runs / 2))]}"
}
echo "load average $(cut -d' ' -f1 /proc/loadavg), $(nproc) cores; $runs runs each"
printf '%-62s %8s %8s %8s %8s\n' "job (whole process)" median_s min_s max_s cpu_s
time_job "antidepressant, condmean + jackknife, JR" "${antidepressant[@]}"
time_job "antidepressant, 1000 conditional-mean bootstrap samples" "${antidepressant[@]}" --method condmean-bootstrap --samples 1000
time_job "antidepressant, jackknife + 50-point tipping grid" "${antidepressant[@]}" --tipping-arm DRUG --tipping-visit 7 --tipping-grid -10:10:50
time_job "10^4 x 6, condmean + jackknife, JR (10^4 refits)" impute --data "$large" --subject id --time visit --group arm \
  --reference PBO --formula "y ~ arm*visit + base*visit" --ice bench/out/mmrm_10000x6_ice.csv --strategy JR --analysis-covariates base --format json
