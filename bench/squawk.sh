#!/usr/bin/env bash
# The squawk migration linter (squawk-cli from npm, pinned in bench/squawk/package.json) over the
# PostgreSQL SQL of every scenario of the corpus: what `concertina diff --format sql` shows, kept as
# scenarios/src/test/resources/scenarios/*/expected-sql.postgres.sql by ScenarioCorpusTest.
#
#   bench/squawk.sh                 lint the checked-in SQL; exit 1 on any locking finding
#   bench/squawk.sh --regenerate    first rewrite that SQL from the current code (needs PostgreSQL)
#   bench/squawk.sh DIR             lint DIR/*/expected-sql.postgres.sql instead (e.g. an older copy)
#
# Results before and after the online forms: bench/online/README.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/.." && pwd)"
corpus="$repo/scenarios/src/test/resources/scenarios"
if [[ "${1:-}" == "--regenerate" ]]; then
  (cd "$repo" && mvn -B -ntp -q -o -pl scenarios -am test -Dtest='ScenarioCorpusTest#planEqualsGolden' \
      -Dgolden.update=true -Dsurefire.failIfNoSpecifiedTests=false)
  shift
fi
if [[ -n "${1:-}" ]]; then
  corpus="$(cd "$1" && pwd)"
fi
# Installs into bench/squawk/node_modules from the lock file (the package ships its binary).
if [[ ! -x "$here/squawk/node_modules/.bin/squawk" ]]; then
  # npm ci refuses this lock file (squawk-cli lists platform packages npm cannot pin); install follows the lock.
  (cd "$here/squawk" && npm install --no-audit --no-fund --silent)
fi
shopt -s nullglob
files=("$corpus"/*/expected-sql.postgres.sql)
if (( ${#files[@]} == 0 )); then
  echo "squawk.sh: no expected-sql.postgres.sql under $corpus" >&2
  exit 2
fi
echo "squawk $("$here/squawk/node_modules/.bin/squawk" --version | cut -d' ' -f2) over ${#files[@]} scenarios in $corpus"
set +e
"$here/squawk/node_modules/.bin/squawk" --reporter json --pg-version 15 "${files[@]}" > "$here/squawk/last-report.json"
set -e
node "$here/squawk/summarize.js" "$corpus/" < "$here/squawk/last-report.json"
