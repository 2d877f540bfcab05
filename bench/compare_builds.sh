#!/usr/bin/env bash
# Runs the same command lines with two builds of the tool and compares, byte for byte, what each prints (standard
# output and error), its exit code and every file it writes. For a change of how the tool is built (ReadyToRun, native
# AOT) or of where its time goes: the outputs must not move.
#   bash bench/compare_builds.sh "OLD COMMAND" "NEW COMMAND" [SCRATCH]
#   e.g. bash bench/compare_builds.sh "dotnet /path/to/main/src/RweStats.Cli/bin/ReadyToRun/RweStats.Cli.dll" \
#                                     "src/RweStats.Cli/bin/Aot/RweStats.Cli"
# Every command runs in the same fresh folder (so the absolute paths it prints are the same for both builds), with the
# repository's data/ and tests/fixtures/ linked in and inputs/ holding the Parquet and DuckDB copies of
# data/fev_data.csv and a 10^4 x 6 trial cohort (written by the benchmark's generator and DuckDB). Timings that the
# tool prints ("in 1.2 s", verify.json's "seconds") are masked before the comparison. Exit status 0 when every run is
# identical. `fit --data-format duckdb --push-down` on a CSV gives the same bytes every run since DuckDB adds its
# pattern sums on one thread (builds from before that differ from run to run in the last digits of the fit).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
old="$1"; new="$2"; scratch="${3:-$(mktemp -d)}"
mkdir -p "$scratch/inputs"
inputs="$scratch/inputs"
bench() { dotnet "$root/bench/RweStats.Bench/bin/Release/net10.0/RweStats.Bench.dll" "$@"; }
if [ ! -f "$inputs/trial.parquet" ]; then
  dotnet build -c Release "$root/bench/RweStats.Bench" -nologo -v q >/dev/null
  cp "$root/data/fev_data.csv" "$inputs/fev.csv"
  bench convert "$inputs/fev.csv" "$inputs/fev.parquet" >/dev/null
  bench convert "$inputs/fev.csv" "$inputs/fev.duckdb" >/dev/null
  bench cohort --subjects 10000 --visits 6 --seed 1 --out "$inputs/trial.csv" >/dev/null
  bench convert "$inputs/trial.csv" "$inputs/trial.parquet" >/dev/null
fi

# One command line per line; RW is the tool. Run by bash in the scratch folder.
commands=$(cat <<'EOF'
RW --help
RW --version
RW fit --help
RW
RW help verify
RW fit --data data/example_cohort.csv --formula "y ~ visit*arm + base" --subject id --time visit
RW fit --data data/example_cohort.csv --formula "y ~ visit*arm + base" --subject id --time visit --format json --out fit.json
RW fit --data data/example_cohort.csv --formula "y ~ visit*arm + base" --subject id --time visit --covariance un --df kenward-roger --format json
RW fit --data data/example_cohort.csv --formula "y ~ visit*arm + base" --subject id --time visit --covariance sp-pow --time-value month --format json
RW fit --data data/example_cohort.csv --formula "y ~ visit*arm + base" --subject id --time visit --covariance ar1 --random-intercept --out fit.txt
RW fit --data data/fev_data.csv --formula "FEV1 ~ ARMCD*AVISIT + RACE + SEX + FEV1_BL" --subject USUBJID --time AVISIT --covariance un --format json
RW fit --data data/fev_data.csv --formula "FEV1 ~ ARMCD*AVISIT + RACE + SEX + FEV1_BL" --subject USUBJID --time AVISIT --covariance auto --format json
RW fit --data inputs/fev.parquet --formula "FEV1 ~ ARMCD*AVISIT + RACE + SEX + FEV1_BL" --subject USUBJID --time AVISIT --covariance un --format json
RW fit --data inputs/fev.parquet --push-down --formula "FEV1 ~ ARMCD*AVISIT + RACE + SEX + FEV1_BL" --subject USUBJID --time AVISIT --covariance un --format json
RW fit --data inputs/fev.duckdb --formula "FEV1 ~ ARMCD*AVISIT + RACE + SEX + FEV1_BL" --subject USUBJID --time AVISIT --covariance un --format json
RW fit --data inputs/fev.duckdb --query "SELECT * FROM cohort WHERE ARMCD = 'TRT'" --formula "FEV1 ~ AVISIT + SEX" --subject USUBJID --time AVISIT
RW fit --data inputs/fev.duckdb --query "SELECT *, [1, 2] AS pair, {'a': 1} AS record FROM cohort" --formula "FEV1 ~ AVISIT + SEX" --subject USUBJID --time AVISIT
RW fit --data inputs/fev.duckdb --query "SELECT *, [1, 2] AS pair FROM cohort" --formula "FEV1 ~ AVISIT + pair" --subject USUBJID --time AVISIT
RW fit --data "inputs/fev*.parquet" --formula "FEV1 ~ ARMCD*AVISIT" --subject USUBJID --time AVISIT --covariance cs
RW fit --data data/fev_data.csv --data-format duckdb --push-down --formula "FEV1 ~ ARMCD*AVISIT" --subject USUBJID --time AVISIT --covariance un --format json
RW fit --data fixtures/xpt/adqs_fev.xpt --where 'PARAMCD == "FEV1"' --formula "AVAL ~ ARMCD*AVISIT" --subject USUBJID --time AVISIT --covariance un --format json
RW fit --data inputs/trial.csv --formula "Y ~ ARMCD*AVISIT + SEX + BASE" --subject USUBJID --time AVISIT --covariance un --format json --out trial.json
RW fit --data inputs/trial.parquet --formula "Y ~ ARMCD*AVISIT + SEX + BASE" --subject USUBJID --time AVISIT --covariance un --format json --out trial.json
RW fit --data inputs/trial.csv --formula "Y ~ ARMCD*AVISIT + SEX + BASE" --subject USUBJID --time AVISIT --covariance ar1 --random-intercept
RW analyze data/example.json --out results
RW analyze data/fev.json --out results
RW replicate
RW replicate --pdf --out rep --figures repfig
RW plot data/fev.json --out figs --pdf
RW verify data/belimumab_claims.json
RW verify data/fev_claims.json --out v2
RW check fixtures/check/heldout/en.pdf
RW check fixtures/check/heldout/fr.pdf --format json
RW check fixtures/check/heldout/en.pdf --out review --claims review/claims.json
RW sensitivity --data data/belimumab_table2.csv --subject patient --time visit --time-order M0,M6,M12 --outcome sledai --outcome prednisone_mg_day --covariance ar1 --random-intercept
RW impute --data data/antidepressant_long.csv --subject PATIENT --time VISIT --group THERAPY --reference PLACEBO --formula "CHANGE ~ THERAPY + VISIT + BASVAL * VISIT + THERAPY * VISIT" --covariance un --ice data/antidepressant_ice.csv --strategy JR --method condmean-jackknife --analysis-covariates BASVAL --format json
RW simulate mmrm --subjects 60 --visits 3 --seed 7 --out sim.csv
RW simulate belimumab-biomarkers --out bio.csv
RW fit --data nope.csv --formula "y ~ visit" --subject id --time visit
RW fit --data data/example_cohort.csv --formula "y ~ visit +* arm" --subject id --time visit
RW fit --data data/example_cohort.csv --formula "y ~ visit*arm" --subject id --time visit --covarience ar1
RW fit --data data/example_cohort.csv --formula "y ~ visit*arm" --subject id --time visit --covariance ar2
RW fit --data data/example_cohort.csv --formula "y ~ visit*arm + weight" --subject id --time visit
RW fit --data fixtures/errors/non_numeric.csv --formula "y ~ visit" --subject id --time visit
RW fit --data inputs/fev.parquet --formula "FEV1 ~ nope" --subject USUBJID --time AVISIT
RW fit --data inputs/fev.duckdb --query "DROP TABLE cohort" --formula "FEV1 ~ AVISIT" --subject USUBJID --time AVISIT
RW analyze nope.json --out results
RW verify data/example.json
RW check nope.pdf
RW bogus
EOF
)

rm -rf "$scratch/old" "$scratch/new" "$scratch/run"; mkdir -p "$scratch/old" "$scratch/new"
run_side() { # SIDE COMMAND
  local i=0
  while IFS= read -r line; do
    i=$((i + 1)); local dir="$scratch/run"
    rm -rf "$dir"; mkdir -p "$dir"
    ln -s "$root/data" "$dir/data"; ln -s "$root/tests/fixtures" "$dir/fixtures"; ln -s "$inputs" "$dir/inputs"
    local code=0
    (cd "$dir" && eval "${line/#RW/$2}") >"$scratch/stdout" 2>"$scratch/stderr" </dev/null || code=$?
    rm "$dir/data" "$dir/fixtures" "$dir/inputs"
    mv "$scratch/stdout" "$dir/STDOUT"; mv "$scratch/stderr" "$dir/STDERR"; echo "$code" >"$dir/EXIT"
    echo "$line" >"$dir/COMMAND"
    # Timings the tool prints are not outputs.
    sed -i -E 's/ in [0-9]+\.[0-9]+ s\)/ in # s)/' "$dir/STDOUT"
    find "$dir" -name '*.json' -exec sed -i -E 's/"seconds": [0-9.]+/"seconds": #/' {} +
    mv "$dir" "$scratch/$1/$(printf %02d "$i")"
  done <<<"$commands"
}
run_side old "$old"
run_side new "$new"
status=0
for d in "$scratch"/old/*; do
  n="$(basename "$d")"
  if diff -r -q "$d" "$scratch/new/$n" >/dev/null; then
    echo "same     exit $(cat "$d/EXIT")  $(cat "$d/COMMAND")"
  else
    echo "DIFFERENT         $(cat "$d/COMMAND")"; { diff -r -q "$d" "$scratch/new/$n" || true; } | head -5 | sed 's/^/    /'; status=1
  fi
done
echo "outputs in $scratch/old and $scratch/new"
exit "$status"
