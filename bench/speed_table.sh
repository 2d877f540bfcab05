#!/usr/bin/env bash
# The speed table: whole-command wall times as a user waits for them (median of RUNS whole-process runs), on trial
# cohorts made from a seed by the benchmark's own generator (TrialCohort.cs: text subject ids, ~25 % missing, UN with
# Y ~ ARMCD*AVISIT + SEX + BASE), with the side-by-side R runs (mmrm, nlme) when R has them.
#   bash bench/speed_table.sh [RUNS] [--large]      e.g. bash bench/speed_table.sh 7
# --large adds the 10^7 x 10 Parquet cohort (its CSV, 4.5 GB, is written, converted and deleted; about 10 minutes).
# Cohorts: bench/out/trial_<subjects>x<visits>.csv and .parquet (the same numbers, written from the CSV by DuckDB);
# a file already there is used as it is. Peak memory is GNU time's maximum resident size over the runs.
# On a machine shared with other jobs, compare figures taken at the same time (paired runs), never across days.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=5; large=0
for a in "$@"; do case "$a" in --large) large=1 ;; *) runs="$a" ;; esac; done
[ -x /usr/bin/time ] || { echo "speed_table.sh: GNU time (/usr/bin/time) not found (apt-get install time)"; exit 2; }
./rwestats --help >/dev/null  # builds the tool once, outside the timings
dotnet build -c Release bench/RweStats.Bench -nologo -v q >/dev/null
bench() { dotnet bench/RweStats.Bench/bin/Release/net10.0/RweStats.Bench.dll "$@"; }
mkdir -p bench/out
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT

cohort() { # SUBJECTS VISITS FORMAT -> path of the cohort file, made when missing
  local base="bench/out/trial_$1x$2" keep_csv=1
  [ "$3" = parquet ] && [ "$1" -ge 10000000 ] && keep_csv=0
  if [ ! -f "$base.$3" ]; then
    [ -f "$base.csv" ] || bench cohort --subjects "$1" --visits "$2" --seed 1 --out "$base.csv" >&2
    [ "$3" = csv ] || bench convert "$base.csv" "$base.$3" >&2
    [ "$keep_csv" = 1 ] || rm -f "$base.csv"
  fi
  echo "$base.$3"
}

# time_runs LABEL GOAL COMMAND...: prints one row of the table (median, min-max, peak MB) and sets $median.
time_runs() {
  local label="$1" goal="$2"; shift 2
  local times=() peak=0 wall kb
  for _ in $(seq "$runs"); do
    if ! /usr/bin/time -f "%e %M" -o "$scratch/time" "$@" >"$scratch/stdout" 2>"$scratch/stderr"; then
      echo "speed_table.sh: failed: $*" >&2; cat "$scratch/stderr" >&2; exit 1
    fi
    read -r wall kb < "$scratch/time"
    times+=("$wall"); [ "$kb" -gt "$peak" ] && peak="$kb"
  done
  local sorted=($(printf '%s\n' "${times[@]}" | sort -g))
  median="${sorted[$(( ${#sorted[@]} / 2 ))]}"
  printf '| %-44s | %8s s | %5s–%-5s s | %7d | %-8s |\n' "$label" "$median" "${sorted[0]}" "${sorted[-1]}" "$(( peak / 1024 ))" "$goal"
}

fit() { ./rwestats fit --data "$1" --formula "Y ~ ARMCD*AVISIT + SEX + BASE" --subject USUBJID --time AVISIT \
          --covariance "${2:-un}" ${3:+"$3"} --format json --out "$scratch/fit.json"; }

small_csv="$(cohort 10000 6 csv)"; big_csv="$(cohort 1000000 10 csv)"; big_parquet="$(cohort 1000000 10 parquet)"
[ "$large" = 1 ] && huge_parquet="$(cohort 10000000 10 parquet)"

echo "rwestats, whole command, median of $runs runs ($(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg) at the start)"
echo
echo "| job                                          |   median |  min–max    | peak MB | goal     |"
echo "|---|---:|---:|---:|---|"
time_runs "rwestats --help (start-up)" "" ./rwestats --help
time_runs "fit UN, 10^4 x 6, CSV" "≤ 0.08 s" fit "$small_csv"; ours_small="$median"
time_runs "fit UN, 10^6 x 10, CSV ($(( $(stat -c %s "$big_csv") / 1000000 )) MB)" "≤ 1.5 s" fit "$big_csv"
time_runs "fit UN, 10^6 x 10, Parquet ($(( $(stat -c %s "$big_parquet") / 1000000 )) MB)" "≤ 0.8 s" fit "$big_parquet"
[ "$large" = 1 ] && time_runs "fit UN, 10^7 x 10, Parquet" "≤ 4 s" fit "$huge_parquet"
time_runs "fit RI + AR(1), 10^4 x 6, CSV" "" fit "$small_csv" ar1 --random-intercept; ours_ar1="$median"
time_runs "replicate" "≤ 0.5 s" ./rwestats replicate --out "$scratch/replicate" --figures "$scratch/figures"
time_runs "verify data/belimumab_claims.json" "≤ 0.3 s" ./rwestats verify data/belimumab_claims.json --out "$scratch/verify"

# R side by side: the same models on the same file, the whole Rscript process (reading the CSV, loading the package,
# fitting), as a user of R waits for it.
if command -v Rscript >/dev/null; then
  r_fit() { Rscript -e "suppressPackageStartupMessages(library($1)); d <- read.csv('$small_csv');
    d <- d[!is.na(d\$Y), ]; d\$AVISIT <- factor(d\$AVISIT); d\$USUBJID <- factor(d\$USUBJID); d\$VNUM <- as.integer(d\$AVISIT);
    fit <- $2; cat(-2 * as.numeric(logLik(fit)), '\n')"; }
  if Rscript -e 'quit(status = !requireNamespace("mmrm", quietly = TRUE))' >/dev/null 2>&1; then
    time_runs "mmrm (R) UN, 10^4 x 6, whole process" "≥ 100x" r_fit mmrm "mmrm(Y ~ ARMCD*AVISIT + SEX + BASE + us(AVISIT | USUBJID), data = d, reml = TRUE)"
    awk -v r="$median" -v o="$ours_small" 'BEGIN { printf "  mmrm / rwestats: %.0fx\n", r / o }'
  else
    echo "  mmrm (R): not installed; skipped"
  fi
  if Rscript -e 'quit(status = !requireNamespace("nlme", quietly = TRUE))' >/dev/null 2>&1; then
    time_runs "nlme lme RI + AR(1) (R), 10^4 x 6, whole process" "" r_fit nlme "lme(Y ~ ARMCD*AVISIT + SEX + BASE, random = ~ 1 | USUBJID, correlation = corAR1(form = ~ VNUM | USUBJID), data = d, method = 'REML')"
    awk -v r="$median" -v o="$ours_ar1" 'BEGIN { printf "  nlme / rwestats: %.0fx\n", r / o }'
  fi
else
  echo "  R: not found; the side-by-side runs are skipped"
fi
