#!/usr/bin/env bash
# Checks that the checked-in migrations are byte for byte what `regenerate.sh` writes today (on
# its default embedded H2 database): `regenerate.sh --check`. Needs the built command
# (mvn -B -ntp -q package -DskipTests) and a JDK.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
REGEN_NAME=concertina_identity_verify exec "$here/regenerate.sh" --check
