#!/usr/bin/env bash
# Rebuilds the identity sample's migrations from scratch with Concertina's own
# `revision --autogenerate`: empty -> v1 -> v2 -> v3, the database brought to head with `sync`
# before each step. Run from anywhere after `mvn -B -ntp -q package -DskipTests` at the root.
#
#   samples/identity/regenerate.sh                  # rewrites migrations/src/main/java
#   samples/identity/regenerate.sh OUT_DIR          # writes into OUT_DIR instead (to compare)
#   samples/identity/regenerate.sh --check [OUT]    # writes into OUT (default: a temporary folder)
#                                                   # and fails unless that is byte for byte the
#                                                   # checked-in migrations (the H2 run's)
#
# The database is an embedded H2 file database in a temporary folder, deleted afterwards.
# REGEN_DB=postgres or REGEN_DB=mariadb uses a fresh database `concertina_identity_regen`
# (REGEN_NAME) on 127.0.0.1 instead (user postgres / root, no password), created and dropped with
# psql / mysql. REGEN_URL (with REGEN_USER, and CONCERTINA_PASSWORD) names an existing empty
# database instead. The checked-in migrations are the H2 run's; verify-regenerated.sh checks that.
# At the end `diff` must find nothing between the database and the last version's entities.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
jar="$root/cli/target/concertina.jar"
checked_in="$here/migrations/src/main/java"
check=false
if [ "${1:-}" = "--check" ]; then check=true; shift; fi
work="$(mktemp -d)"
if $check; then out="${1:-$work/out}"; else out="${1:-$checked_in}"; fi
mkdir -p "$out"; out="$(cd "$out" && pwd)"
if $check && [ "$out" = "$checked_in" ]; then
  echo "regenerate.sh --check: OUT must not be the checked-in folder it is compared with" >&2; exit 1
fi
pkg=dev.concertina.samples.identity.migrations
name="${REGEN_NAME:-concertina_identity_regen}"
kind="${REGEN_DB:-h2}"; [ -z "${REGEN_URL:-}" ] || kind=url
case "$kind" in
  url)      url="$REGEN_URL"; user="${REGEN_USER:-}"
            create() { :; }; drop() { :; } ;;
  h2)       url="jdbc:h2:$work/identity"; user=sa
            create() { :; }; drop() { :; } ;;
  postgres) url="jdbc:postgresql://127.0.0.1:5432/$name"; user=postgres
            pg() { psql -q -h 127.0.0.1 -U postgres -d postgres "$@" >/dev/null 2>&1; }
            create() { pg -c "drop database if exists $name" -c "create database $name"; }
            drop() { pg -c "drop database if exists $name" || true; } ;;
  mariadb)  url="jdbc:mariadb://127.0.0.1:3306/$name"; user=root
            my() { mysql -h 127.0.0.1 -u root -e "$1" >/dev/null 2>&1; }
            create() { my "drop database if exists $name; create database $name"; }
            drop() { my "drop database if exists $name" || true; } ;;
  *) echo "regenerate.sh: REGEN_DB must be h2, postgres or mariadb, not '$kind'" >&2; exit 1 ;;
esac
trap 'drop; rm -rf "$work"' EXIT
[ -f "$jar" ] || { echo "regenerate.sh: $jar missing: run mvn -B -ntp -q package -DskipTests first" >&2; exit 1; }

rm -rf "$out/${pkg//.//}"
create

concertina() { (cd "$here" && java -jar "$jar" --url "$url" ${user:+--user "$user"} --migrations-classpath "$work/classes" --migrations-package "$pkg" "$@"); }
compile() {
  rm -rf "$work/classes"; mkdir -p "$work/classes"
  javac -nowarn -Xlint:none --release 17 -cp "$jar" -d "$work/classes" $(find "$out/${pkg//.//}" -name '*.java')
}

step() { # step VERSION MESSAGE
  concertina revision --autogenerate -m "$2" --source "$out" --classpath "model-$1/target/classes"
  compile
  concertina sync
}
versions="${VERSIONS:-v1 v2 v3}"
for v in $versions; do
  step "$v" "identity $v"
done
last="${versions##* }"
if ! report="$(concertina diff --classpath "model-$last/target/classes" 2>&1)"; then
  echo "regenerate.sh: after sync the database still differs from the $last entities:" >&2
  echo "$report" >&2
  exit 1
fi
echo "the database at head matches the $last entities"
if $check; then
  if diff -r "$out/${pkg//.//}" "$checked_in/${pkg//.//}"; then
    echo "the checked-in migrations are byte for byte what revision --autogenerate writes"
  else
    echo "regenerate.sh --check: the checked-in migrations differ from what revision --autogenerate writes (above);" \
      "run samples/identity/regenerate.sh and review the diff" >&2
    exit 1
  fi
fi
