#!/usr/bin/env bash
# Whole-command timings of `rwestats fit` (data file to JSON, UN REML with Satterthwaite df and the visit contrasts) on
# the benchmark's seeded cohorts: median wall time of RUNS runs and the largest peak resident size (GNU time).
#   bash bench/whole_command.sh [SIZES] [VISITS] [RUNS] [FORMATS]   e.g. bash bench/whole_command.sh 100000,1000000 6,10 5 csv,parquet,duckdb
# A format with the suffix "+push-down" (csv+push-down, parquet+push-down) runs `fit --push-down` on that file (the
# pattern sums computed while it is read, the rows never in memory); "+pull-rows" runs `fit --pull-rows`, which reads a
# large file into memory (without either, `fit` streams a CSV of 64 MiB or more, a Parquet file of 2^20 rows or more,
# when its rows come in subject order). A file bench/out/mmrm_<subjects>x<visits>.<format> already there is used as it
# is (the 10^7 x 10 Parquet cohort is written by `... RweStats.Bench -- replicate`, not from a CSV).
# The cohorts are bench/out/mmrm_<subjects>x<visits>.csv, written by the benchmark (`... RweStats.Bench -- table`) or,
# when missing, by `rwestats simulate mmrm`; the same cohort as .parquet or .duckdb is written from it by DuckDB
# (`... RweStats.Bench -- convert`), so every format reads the same numbers.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes="${1:-100000}"; visits="${2:-6}"; runs="${3:-5}"; formats="${4:-csv}"
[ -x /usr/bin/time ] || { echo "whole_command.sh: GNU time (/usr/bin/time) not found (apt-get install time)"; exit 2; }
./rwestats --help >/dev/null  # builds the CLI once, outside the timings
mkdir -p bench/out
echo "subjects  visits  format             median_s  min_s  max_s  peak_MB  (rwestats fit, UN REML + Satterthwaite, file -> JSON, $runs runs)"
for t in ${visits//,/ }; do
  for n in ${sizes//,/ }; do
   for variant in ${formats//,/ }; do
    format="${variant%%+*}"; extra=()
    case "$variant" in *+push-down) extra=(--push-down) ;; *+pull-rows) extra=(--pull-rows) ;; esac
    csv="bench/out/mmrm_${n}x${t}.csv"
    file="bench/out/mmrm_${n}x${t}.${format}"
    if [ ! -f "$file" ]; then
      [ -f "$csv" ] || ./rwestats simulate mmrm --subjects "$n" --visits "$t" --seed 1 --out "$csv" >/dev/null
      [ -f "$file" ] || dotnet run -c Release --project bench/RweStats.Bench -- convert "$csv" "$file" >/dev/null
    fi
    times=(); peak=0
    for _ in $(seq "$runs"); do
      out="$(mktemp)"
      /usr/bin/time -f "%e %M" -o "$out.time" ./rwestats fit --data "$file" --formula "y ~ arm*visit + base" \
        --subject id --time visit --format json --out "$out" "${extra[@]}" >/dev/null
      read -r wall kb < "$out.time"
      times+=("$wall"); [ "$kb" -gt "$peak" ] && peak="$kb"
      rm -f "$out" "$out.time"
    done
    sorted=($(printf '%s\n' "${times[@]}" | sort -g))
    printf '%8d  %6d  %-17s  %8s  %5s  %5s  %7d\n' "$n" "$t" "$variant" "${sorted[$(( ${#sorted[@]} / 2 ))]}" "${sorted[0]}" "${sorted[-1]}" "$(( peak / 1024 ))"
   done
  done
done
