#!/usr/bin/env bash
# The newcomer's first look at autogenerate, on an embedded H2 database: no server, no Maven run.
# Needs the built command and models (mvn -B -ntp -q package -DskipTests at the root) and a JDK.
#
#   samples/identity/demo.sh        # the v2 -> v3 step (default)
#   samples/identity/demo.sh v2     # the v1 -> v2 step;  v1: everything from an empty database
#
# It starts from an empty H2 file database in target/demo (DEMO_DIR), brings it to the release
# before VERSION with `sync` and the checked-in migrations of the earlier releases, runs
# `revision --autogenerate` with VERSION's entities into target/demo/src, compiles what was
# written with javac, and applies it with `sync`. Nothing outside target/demo is changed.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/../../cli/target/concertina.jar"
version="${1:-v3}"
case "$version" in
  v1) earlier="" ;; v2) earlier="V1" ;; v3) earlier="V1 V2" ;;
  *) echo "demo.sh: VERSION must be v1, v2 or v3, not '$version'" >&2; exit 1 ;;
esac
for f in "$jar" "$here/model-$version/target/classes" "$here/../../annotations/target/classes"; do
  [ -e "$f" ] || { echo "demo.sh: $f missing: run mvn -B -ntp -q package -DskipTests at the root first" >&2; exit 1; }
done
work="${DEMO_DIR:-$here/target/demo}"
rm -rf "$work"; mkdir -p "$work/src" "$work/classes"; work="$(cd "$work" && pwd)"
at="${work#"$here/"}" # how the commands below (run from here) name it: relative when inside
pkg=dev.concertina.samples.identity.migrations
src="$work/src/${pkg//.//}"

url="jdbc:h2:$work/identity"; [ "$at" = "$work" ] || url="jdbc:h2:./$at/identity"
concertina() { # from here, so concertina.ignore (the v3 conversion hint) is read
  local shown=""; for a in "$@"; do case "$a" in *" "*) shown+=" \"$a\"" ;; *) shown+=" $a" ;; esac; done
  echo "\$ concertina$shown"
  (cd "$here" && java -jar "$jar" --url "$url" --migrations-classpath "$at/classes" --migrations-package "$pkg" "$@")
}
compile() {
  local files; files="$(find "$work/src" -name '*.java' | sort)"
  [ -n "$files" ] || return 0
  javac -nowarn -Xlint:none --release 17 -cp "$jar" -d "$work/classes" $files
}

echo "(concertina = java -jar ../../cli/target/concertina.jar --url $url --migrations-classpath $at/classes"
echo " --migrations-package $pkg, run from samples/identity)"

# The migrations of the earlier releases, as checked in (regenerate.sh wrote them).
for v in $earlier; do
  (cd "$here/migrations/src/main/java" && find . -name "*Identity$v.java" -exec cp --parents {} "$work/src" \;)
done
compile
if [ -n "$earlier" ]; then
  echo "== an empty H2 database brought to the release before $version"
  concertina sync
fi

echo
echo "== autogenerate: the migrations from that database to the $version entities"
concertina revision --autogenerate -m "identity $version" --source "$at/src" \
  --classpath "model-$version/target/classes,../../annotations/target/classes"

echo
echo "== the generated files"
generated="$(find "$src" -name "*Identity${version^^}.java" | sort)"
[ -n "$generated" ] || { echo "demo.sh: autogenerate wrote no file" >&2; exit 1; }
for f in $generated; do echo "$(wc -l <"$f") lines  ${f#"$here/"}"; done
compile
echo "compiled with javac into ${at}/classes"

echo
echo "== applied to the database"
concertina sync
