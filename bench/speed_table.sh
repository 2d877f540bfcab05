#!/usr/bin/env bash
# The speed table: whole-command wall times as a user waits for them (median of RUNS whole-process runs), on trial
# cohorts made from a seed by the benchmark's own generator (TrialCohort.cs: text subject ids, ~25 % missing, UN with
# Y ~ ARMCD*AVISIT + SEX + BASE), with the side-by-side R runs (mmrm, nlme) when R has them.
#   bash bench/speed_table.sh [RUNS] [--large] [--quick]      e.g. bash bench/speed_table.sh 7
# --large adds the 10^7 x 10 Parquet cohort (its CSV, 4.5 GB, is written, converted and deleted; about 10 minutes).
# --quick checks that every row runs and prints, in a minute: cohorts of 10^3 x 6 and 10^4 x 10 instead of 10^4 x 6
# and 10^6 x 10 (and 10^5 x 10 for --large), one run unless RUNS is given; its figures are not the table's, and the
# "met" column then reads "(quick)".
# The "goal" column is the target for the job and "met" compares the median with it (for R, the ratio of R's median
# to ours). R's packages are found as R finds them: set R_LIBS to a library holding mmrm, e.g.
#   R_LIBS=/path/to/mmrm/lib bash bench/speed_table.sh 7
# Cohorts: bench/out/trial_<subjects>x<visits>.csv and .parquet (the same numbers, written from the CSV by DuckDB);
# a file already there is used as it is, unless the generator's source is newer. Peak memory is GNU time's maximum resident size over the runs.
# On a machine shared with other jobs, compare figures taken at the same time (paired runs), never across days.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=""; large=0; quick=0
for a in "$@"; do case "$a" in --large) large=1 ;; --quick) quick=1 ;; *) runs="$a" ;; esac; done
if [ "$quick" = 1 ]; then
  runs="${runs:-1}"; small_n=1000; big_n=10000; huge_n=100000
else
  runs="${runs:-5}"; small_n=10000; big_n=1000000; huge_n=10000000
fi
small_t=6; big_t=10
pow10() { awk -v n="$1" 'BEGIN { printf "10^%d", log(n) / log(10) + 0.5 }'; }
[ -x /usr/bin/time ] || { echo "speed_table.sh: GNU time (/usr/bin/time) not found (apt-get install time)"; exit 2; }
./rwestats --help >/dev/null  # builds the tool once, outside the timings
dotnet build -c Release bench/RweStats.Bench -nologo -v q >/dev/null
bench() { dotnet bench/RweStats.Bench/bin/Release/net10.0/RweStats.Bench.dll "$@"; }
mkdir -p bench/out
scratch="$(mktemp -d)"; trap 'rm -rf "$scratch"' EXIT

cohort() { # SUBJECTS VISITS FORMAT -> path of the cohort file, made when missing
  local base="bench/out/trial_$1x$2" keep_csv=1
  [ "$3" = parquet ] && [ "$1" -ge "$huge_n" ] && keep_csv=0
  local generator=bench/RweStats.Bench/TrialCohort.cs
  # A cohort older than its generator's source is made again: the file must be what the generator makes now.
  if [ ! -f "$base.$3" ] || [ "$generator" -nt "$base.$3" ]; then
    { [ -f "$base.csv" ] && [ ! "$generator" -nt "$base.csv" ]; } || bench cohort --subjects "$1" --visits "$2" --seed 1 --out "$base.csv" >&2
    [ "$3" = csv ] || bench convert "$base.csv" "$base.$3" >&2
    [ "$keep_csv" = 1 ] || rm -f "$base.csv"
  fi
  echo "$base.$3"
}

# time_runs LABEL GOAL COMMAND...: prints one row of the table (median, min-max, peak MB, goal, met) and sets $median.
# GOAL is "≤ SECONDS" (met when the median is at most that), or empty for a row without a goal.
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
  local met=""
  if [ -n "$goal" ]; then met="$(met_at_most "$median" "${goal#≤ }")"; fi
  row "$label" "$median s" "${sorted[0]}–${sorted[-1]} s" "$(( peak / 1024 ))" "$goal" "$met"
}
row() { printf '| %-48s | %9s | %13s | %7s | %-9s | %-7s |\n' "$@"; }
met_at_most() { # VALUE LIMIT -> yes/no ("(quick)" in quick mode: the goals are for the full-size cohorts)
  if [ "$quick" = 1 ]; then echo "(quick)"; else awk -v v="$1" -v g="${2% s}" 'BEGIN { print (v + 0 <= g + 0) ? "yes" : "no" }'; fi
}
met_at_least() {
  if [ "$quick" = 1 ]; then echo "(quick)"; else awk -v v="$1" -v g="$2" 'BEGIN { print (v + 0 >= g + 0) ? "yes" : "no" }'; fi
}

# The commands as arrays (GNU time runs a program, not a shell function): the fit, completed by --data and --covariance.
fit=(./rwestats fit --formula "Y ~ ARMCD*AVISIT + SEX + BASE" --subject USUBJID --time AVISIT --format json --out "$scratch/fit.json")

small="$(pow10 $small_n) x $small_t"; big="$(pow10 $big_n) x $big_t"; huge="$(pow10 $huge_n) x $big_t"
small_csv="$(cohort $small_n $small_t csv)"; big_csv="$(cohort $big_n $big_t csv)"; big_parquet="$(cohort $big_n $big_t parquet)"
[ "$large" = 1 ] && huge_parquet="$(cohort $huge_n $big_t parquet)"
mb() { echo "$(( $(stat -c %s "$1") / 1000000 )) MB"; }

mode=""; [ "$quick" = 1 ] && mode=" (quick: small cohorts, the goals are for 10^4 x 6 and 10^6 x 10)"
echo "rwestats, whole command, median of $runs runs ($(nproc) cores, load average $(cut -d' ' -f1 /proc/loadavg) at the start)$mode"
echo
row "job" "median" "min–max" "peak MB" "goal" "met"
echo "|---|---:|---:|---:|---|---|"
time_runs "rwestats --help (start-up)" "" ./rwestats --help
time_runs "fit UN, $small, CSV" "≤ 0.08 s" "${fit[@]}" --data "$small_csv" --covariance un; ours_small="$median"
time_runs "fit UN, $big, CSV ($(mb "$big_csv"))" "≤ 1.5 s" "${fit[@]}" --data "$big_csv" --covariance un
time_runs "fit UN, $big, Parquet ($(mb "$big_parquet"))" "≤ 0.8 s" "${fit[@]}" --data "$big_parquet" --covariance un
# (10^7 x 10 has a memory goal too, ≤ 1 GiB: read from its peak MB column.)
[ "$large" = 1 ] && time_runs "fit UN, $huge, Parquet ($(mb "$huge_parquet"))" "≤ 4 s" "${fit[@]}" --data "$huge_parquet" --covariance un
time_runs "fit RI + AR(1), $small, CSV" "" "${fit[@]}" --data "$small_csv" --covariance ar1 --random-intercept; ours_ar1="$median"
time_runs "replicate" "≤ 0.5 s" ./rwestats replicate --out "$scratch/replicate" --figures "$scratch/figures"
time_runs "verify data/belimumab_claims.json" "≤ 0.3 s" ./rwestats verify data/belimumab_claims.json --out "$scratch/verify"

# R side by side: the same models on the same file, the whole Rscript process (reading the CSV, loading the package,
# fitting), as a user of R waits for it.
if command -v Rscript >/dev/null; then
  r_fit() { # PACKAGE CALL -> the Rscript command in the array r_cmd
    r_cmd=(Rscript -e "suppressPackageStartupMessages(library($1)); d <- read.csv('$small_csv');
    d <- d[!is.na(d\$Y), ]; d\$AVISIT <- factor(d\$AVISIT); d\$USUBJID <- factor(d\$USUBJID); d\$VNUM <- as.integer(d\$AVISIT);
    fit <- $2; cat(-2 * as.numeric(logLik(fit)), '\n')"); }
  if Rscript -e 'quit(status = !requireNamespace("mmrm", quietly = TRUE))' >/dev/null 2>&1; then
    r_fit mmrm "mmrm(Y ~ ARMCD*AVISIT + SEX + BASE + us(AVISIT | USUBJID), data = d, reml = TRUE)"
    time_runs "mmrm (R) UN, $small, whole process" "" "${r_cmd[@]}"
    ratio="$(awk -v r="$median" -v o="$ours_small" 'BEGIN { printf "%.0f", r / o }')"
    row "  mmrm / rwestats (UN, $small)" "${ratio}x" "" "" "≥ 100x" "$(met_at_least "$ratio" 100)"
  else
    echo "  mmrm (R): not installed; skipped (set R_LIBS to a library holding it)"
  fi
  if Rscript -e 'quit(status = !requireNamespace("nlme", quietly = TRUE))' >/dev/null 2>&1; then
    r_fit nlme "lme(Y ~ ARMCD*AVISIT + SEX + BASE, random = ~ 1 | USUBJID, correlation = corAR1(form = ~ VNUM | USUBJID), data = d, method = 'REML')"
    time_runs "nlme lme RI + AR(1) (R), $small, whole process" "" "${r_cmd[@]}"
    row "  nlme / rwestats (RI + AR(1), $small)" "$(awk -v r="$median" -v o="$ours_ar1" 'BEGIN { printf "%.0fx", r / o }')" "" "" "" ""
  fi
else
  echo "  R: not found; the side-by-side runs are skipped"
fi
