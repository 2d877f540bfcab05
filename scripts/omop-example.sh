#!/usr/bin/env bash
# The README's OMOP CDM example end to end: a throw-away PostgreSQL server, the SYNTHETIC OMOP CDM of
# scripts/omop-synthetic.sql, and the belimumab-style fit (SLEDAI-like score and prednisone dose at M0/M6/M12, random
# intercept + AR(1)) computed in the database from data/omop_sledai.json. The server is stopped at the end.
# Against your own CDM: skip the server part, set PGUSER/PGPASSWORD (or PGPASSFILE) and point --data at it.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="/tmp/rwestats-omop-example-$$"
env="$("$root/scripts/pg-test-server.sh" start "$dir")"
trap '"$root/scripts/pg-test-server.sh" stop "$dir"' EXIT
while IFS= read -r line; do export "${line?}"; done <<<"$env"
export PGUSER="$RWESTATS_PG_USER" PGPASSWORD="$RWESTATS_PG_PASSWORD"
psql -q -h 127.0.0.1 -p "$RWESTATS_PG_PORT" -d postgres -v ON_ERROR_STOP=1 -f "$root/scripts/omop-synthetic.sql" 2>&1 | grep -v NOTICE || true
# The whole belimumab-style analysis (descriptives, activity classes, models, contrasts) from the same database:
# data/omop_study.json reads "source": "postgresql:///postgres" with host and port from PGHOST/PGPORT.
PGHOST=127.0.0.1 PGPORT="$RWESTATS_PG_PORT" "$root/rwestats" analyze "$root/data/omop_study.json" --out "${OUT:-out/omop}"
for outcome in sledai prednisone_mg_day; do
  "$root/rwestats" fit --data "postgresql://127.0.0.1:$RWESTATS_PG_PORT/postgres" --omop "$root/data/omop_sledai.json" \
    --formula "$outcome ~ visit" --subject person_id --time visit --covariance ar1 --random-intercept "$@"
done
