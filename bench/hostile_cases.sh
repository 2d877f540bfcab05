#!/usr/bin/env bash
# Hostile and careless inputs, end to end through the command line: each case runs with a time limit and is listed
# with its exit code, its CPU time and the first line of its standard error. A case fails when it exits 1 (an internal
# error), prints a stack trace, runs past its limit, exits otherwise than expected, or leaves what it must not
# (a written file, a replaced device). The PostgreSQL cases (writes through a query, statement timeout, NaN under
# push-down) start their own server in the test suite (tests/RweStats.Tests/Database); they are not repeated here.
#   bash bench/hostile_cases.sh          the quick cases (a few minutes on a quiet machine)
#   bash bench/hostile_cases.sh --long   also the long ones (--covariance auto on 60 visits x 2000 subjects, 2x10^5 residuals)
set -uo pipefail
cd "$(dirname "$0")/.."
long=0; [ "${1:-}" = "--long" ] && long=1
[ -x /usr/bin/time ] || { echo "hostile_cases.sh: GNU time (/usr/bin/time) not found (apt-get install time)"; exit 2; }
./rwestats --help >/dev/null || exit 2 # builds the tool once, outside the timings
work="$(mktemp -d)"; trap 'chmod -R u+w "$work"; rm -rf "$work"' EXIT
fev=data/fev_data.csv
fevfit=(--formula "FEV1 ~ ARMCD*AVISIT" --subject USUBJID --time AVISIT)
failures=0

# run NAME EXPECTED_EXIT LIMIT_S CMD...: the case's exit code, CPU seconds and first stderr line; a failure is marked.
run() {
  local name="$1" expected="$2" limit="$3"; shift 3
  /usr/bin/time -f "%U %S" -o "$work/time" timeout "$limit" ./rwestats "$@" >"$work/out" 2>"$work/err" </dev/null
  local code=$? cpu; cpu="$(tail -n 1 "$work/time" | awk '{printf "%.1f", $1 + $2}')"
  local verdict=ok
  if [ "$code" = 124 ]; then verdict="UNBOUNDED (past ${limit} s)"
  elif grep -qE '^\s+at [A-Za-z]|Unhandled exception' "$work/err"; then verdict="STACK TRACE"
  elif [ "$code" = 1 ] || [ "$code" -gt 2 ]; then verdict="INTERNAL ERROR (exit $code)"
  elif [ "$code" != "$expected" ]; then verdict="exit $code, expected $expected"
  fi
  [ "$verdict" = ok ] || failures=$((failures + 1))
  printf '%-46s exit %-3s cpu %6s s  %-26s %s\n' "$name" "$code" "$cpu" "$verdict" "$(head -c 150 "$work/err" | head -n 1)"
}
check() { # check NAME CONDITION-DESCRIPTION: a post-condition that failed
  failures=$((failures + 1)); printf '%-46s %s\n' "$1" "FAILED: $2"
}

echo "case                                           exit     cpu time  verdict                    first line of standard error"

# 1. A query never writes (DuckDB over CSV files).
mkdir -p "$work/csv" && cp "$fev" "$work/csv/fev.csv"
run "duckdb: COPY ... TO in --query" 2 60 fit --data "$work/csv/*.csv" --query "COPY (SELECT 'pwned' AS x) TO '$work/pwned.csv'; SELECT * FROM data" "${fevfit[@]}"
[ -e "$work/pwned.csv" ] && check "duckdb: COPY ... TO in --query" "the file was written"
run "duckdb: read /etc/passwd in --query" 2 60 fit --data "$work/csv/*.csv" --query "SELECT * FROM read_csv('/etc/passwd')" "${fevfit[@]}"
run "duckdb: INSTALL in --query" 2 60 fit --data "$work/csv/*.csv" --query "INSTALL httpfs" "${fevfit[@]}"

# 2. Outputs: devices, links, folders, paths that cannot be written.
run "--out /dev/null" 0 60 fit --data "$fev" "${fevfit[@]}" --out /dev/null
[ -c /dev/null ] || check "--out /dev/null" "/dev/null is no longer a device"
echo "old" > "$work/target.txt"; ln -s "$work/target.txt" "$work/link.txt"
run "--out a symbolic link" 0 60 fit --data "$fev" "${fevfit[@]}" --out "$work/link.txt"
[ -L "$work/link.txt" ] || check "--out a symbolic link" "the link was replaced"
run "--out a folder" 2 60 fit --data "$fev" "${fevfit[@]}" --out "$work"
run "--out a file's sub-path" 2 60 fit --data "$fev" "${fevfit[@]}" --out "$work/target.txt/x"
run "--out under /proc" 2 60 fit --data "$fev" "${fevfit[@]}" --out /proc/rwestats.txt
ls "$work"/.*.tmp >/dev/null 2>&1 && check "--out failures" "a temporary file was left"

# 3. No data lost silently.
head -c 93520 tests/fixtures/xpt/adqs_fev.xpt > "$work/cut.xpt"
run "xpt cut at a record boundary" 2 60 fit --data "$work/cut.xpt" --formula "AVAL ~ AVISIT" --subject USUBJID --time AVISIT
run "--where 'base > \"5\"' on a number" 2 60 fit --data "$fev" "${fevfit[@]}" --where 'FEV1_BL > "5"'
awk -F, 'BEGIN{OFS=","} NR==3{$7="NaN"} {print}' "$fev" > "$work/nan.csv"
run "a NaN in a CSV" 2 60 fit --data "$work/nan.csv" "${fevfit[@]}"

# 4. Files that lie, inputs that explode.
python3 - "$work" <<'PY'
import sys
d = sys.argv[1]
b = bytearray(open("tests/fixtures/xpt/long_names_v8.xpt", "rb").read())
h = b.decode("latin-1").find("LABELV8"); h -= h % 80
b[h + 84], b[h + 85] = 0xFF, 0x9C
open(f"{d}/label.xpt", "wb").write(b)
open(f"{d}/deep.txt", "w").write("(" * 30000 + "FEV1_BL > 1" + ")" * 30000)
open(f"{d}/formula.txt", "w").write("y ~ " + "*".join(f"x{i}" for i in range(30)))
PY
run "xpt LABELV8 length -100" 2 60 fit --data "$work/label.xpt" --formula "y ~ visit" --subject id --time visit
run "--where nested 30000 deep" 2 60 fit --data "$fev" "${fevfit[@]}" --where "$(cat "$work/deep.txt")"
run "formula x0*x1*...*x29" 2 60 fit --data "$fev" --formula "$(cat "$work/formula.txt")" --subject USUBJID --time AVISIT
./rwestats simulate mmrm --subjects 2000 --visits 60 --seed 1 --out "$work/v60.csv" >/dev/null
./rwestats simulate mmrm --subjects 50 --visits 1000 --seed 1 --out "$work/v1000.csv" >/dev/null
run "UN, 60 visits x 2000 subjects" 2 120 fit --data "$work/v60.csv" --formula "y ~ arm*visit + base" --subject id --time visit --covariance un
run "TOEPH, 60 visits x 2000 subjects" 2 120 fit --data "$work/v60.csv" --formula "y ~ arm*visit + base" --subject id --time visit --covariance toeph
run "AR(1), 1000 visits x 50 subjects, y ~ 1" 0 300 fit --data "$work/v1000.csv" --formula "y ~ 1" --subject id --time visit --covariance ar1
run "--fit-budget not a budget" 2 60 fit --data "$fev" "${fevfit[@]}" --fit-budget lots
python3 - "$work" <<'PY'
import random, sys
random.seed(1)
label = "L" * 10_000_000
with open(f"{sys.argv[1]}/label.csv", "w") as f:
    f.write("id,visit,site,y\n")
    for s in range(30):
        for v in range(3):
            f.write(f"S{s},V{v},{label if s == 0 else 'A' if s % 2 else 'B'},{s % 5 + v * 0.5 + random.gauss(0, 1):.3f}\n")
PY
run "a 10 MB class level" 0 120 fit --data "$work/label.csv" --formula "y ~ visit + site" --subject id --time visit --covariance cs --out "$work/label.txt"
[ "$(stat -c %s "$work/label.txt" 2>/dev/null || echo 0)" -lt 100000 ] || check "a 10 MB class level" "the report is $(stat -c %s "$work/label.txt") bytes"

# 5. Internal errors and misleading messages on the user's mistakes.
run "?sslmode=bogus" 2 60 fit --data "postgresql://localhost:1/db?table=t&sslmode=bogus" "${fevfit[@]}"
awk -F, 'BEGIN{OFS=","} NR>1 && $7!=""{$7="1e308"} {print}' "$fev" > "$work/huge.csv"
run "--report-nonconverged, y = 1e308" 2 120 fit --data "$work/huge.csv" "${fevfit[@]}" --report-nonconverged
run "a folder as --data" 2 60 fit --data "$work/csv" "${fevfit[@]}"
iconv -f UTF-8 -t UTF-16LE "$fev" > "$work/utf16.csv"
run "UTF-16 without a byte-order mark" 2 60 fit --data "$work/utf16.csv" "${fevfit[@]}"
cp "$fev" "$work/unreadable.csv"; chmod 000 "$work/unreadable.csv"
if [ "$(id -u)" != 0 ]; then run "an unreadable CSV" 2 60 fit --data "$work/unreadable.csv" "${fevfit[@]}"; fi

if [ "$long" = 1 ]; then
  run "auto, 60 visits x 2000 subjects" 0 1800 fit --data "$work/v60.csv" --formula "y ~ arm*visit + base" --subject id --time visit --covariance auto
  ./rwestats simulate mmrm --subjects 200000 --visits 6 --seed 1 --out "$work/big.csv" >/dev/null
  run "--residuals, 2x10^5 subjects x 6" 0 1800 fit --data "$work/big.csv" --formula "y ~ arm*visit + base" --subject id --time visit --residuals --out "$work/residuals.txt"
fi

echo
if [ "$failures" = 0 ]; then echo "every case answered: a one-line error (exit 2) or a bounded run"; else echo "$failures case(s) failed"; fi
exit $((failures > 0 ? 1 : 0))
