#!/usr/bin/env bash
# Checks that the checked-in migrations are byte for byte what `regenerate.sh` writes today (on
# its default embedded H2 database). Needs the built command (mvn -B -ntp -q package -DskipTests)
# and a JDK.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="$(mktemp -d)"; trap 'rm -rf "$out"' EXIT
REGEN_NAME=concertina_identity_verify "$here/regenerate.sh" "$out" >/dev/null
if diff -r "$out" "$here/migrations/src/main/java"; then
  echo "the checked-in migrations are exactly what revision --autogenerate writes"
else
  echo "verify-regenerated.sh: the checked-in migrations differ from what revision --autogenerate writes (above)" >&2
  exit 1
fi
