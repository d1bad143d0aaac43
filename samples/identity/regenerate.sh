#!/usr/bin/env bash
# Rebuilds the identity sample's migrations from scratch with Concertina's own
# `revision --autogenerate`: empty -> v1 -> v2 -> v3, the database brought to head with `sync`
# before each step. Run from anywhere after `mvn -B -ntp -q package -DskipTests` at the root.
#
#   samples/identity/regenerate.sh            # rewrites migrations/src/main/java
#   samples/identity/regenerate.sh OUT_DIR    # writes into OUT_DIR instead (to compare)
#
# The database is a fresh PostgreSQL database (REGEN_URL, default
# jdbc:postgresql://127.0.0.1:5432/concertina_identity_regen as user postgres, dropped and
# created with psql). Not H2: the v1 model's @Enumerated(STRING) columns are native ENUM columns
# on H2 (and MariaDB), which codegen refuses ("no portable jOOQ SQLDataType"); on PostgreSQL they
# are VARCHAR + CHECK, which it writes.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/cli/target/concertina.jar"
out="${1:-$here/migrations/src/main/java}"
mkdir -p "$out"; out="$(cd "$out" && pwd)"
db="${REGEN_DB:-concertina_identity_regen}"
url="${REGEN_URL:-jdbc:postgresql://127.0.0.1:5432/$db}"
pkg=dev.concertina.samples.identity.migrations
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
[ -f "$jar" ] || { echo "regenerate.sh: $jar missing: run mvn -B -ntp -q package -DskipTests first" >&2; exit 1; }

rm -rf "$out/${pkg//.//}"
psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $db" -c "create database $db" >/dev/null 2>&1

concertina() { (cd "$here" && java -jar "$jar" --url "$url" --user postgres --migrations-classpath "$work/classes" --migrations-package "$pkg" "$@"); }
compile() {
  rm -rf "$work/classes"; mkdir -p "$work/classes"
  javac -nowarn -Xlint:none --release 17 -cp "$jar" -d "$work/classes" $(find "$out/${pkg//.//}" -name '*.java')
}

step() { # step VERSION MESSAGE
  concertina revision --autogenerate -m "$2" --source "$out" --classpath "model-$1/target/classes,../../annotations/target/classes"
  compile
  concertina sync
}
# v3 is left out until autogenerate can write it (today codegen fails on the convert hint's
# pre-check with a ClassCastException; see README.md, Walkthrough): VERSIONS="v1 v2 v3" tries it.
for v in ${VERSIONS:-v1 v2}; do
  step "$v" "identity $v"
done
psql -q -h 127.0.0.1 -U postgres -d postgres -c "drop database if exists $db" >/dev/null 2>&1 || true
