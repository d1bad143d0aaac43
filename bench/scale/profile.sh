#!/usr/bin/env bash
# Where the time goes, as a profile rather than a guess: runs one stage (or a cli command) under
# Java Flight Recorder and prints the hottest methods and packages from its execution samples.
#   bench/scale/profile.sh live postgres 2000 [iterations]    live | entity | floor | pipeline
#   bench/scale/profile.sh cli -- version --url jdbc:h2:mem:p --migrations-classpath DIR --migrations-package P
#   bench/scale/profile.sh launcher -- diff --url URL --classpath DIR --package P    (cli/target/concertina)
# Run bench/scale/run.sh once first (it builds the jars, the corpus and its databases).
set -euo pipefail
cd "$(dirname "$0")/../.."
out=bench/scale/target/profile; mkdir -p "$out"
stage=$1; shift
jfr_file="$out/$stage-$(date +%H%M%S).jfr"
rec="-XX:StartFlightRecording=filename=$jfr_file,settings=profile"
if [ "$stage" = cli ]; then
  [ "${1:-}" = -- ] && shift
  java "$rec" -jar cli/target/concertina.jar "$@" >/dev/null || true
elif [ "$stage" = launcher ]; then
  [ "${1:-}" = -- ] && shift
  CONCERTINA_JAVA_OPTS="$rec" cli/target/concertina "$@" >/dev/null || true
else
  java "$rec" -cp bench/scale/target/classes:cli/target/concertina.jar dev.concertina.bench.scale.Profile "$stage" "$1" "$2" "${3:-5}"
fi
jfr print --events jdk.ExecutionSample --stack-depth 64 "$jfr_file" > "$jfr_file.txt"
python3 bench/scale/jfr_summary.py "$jfr_file.txt"
echo "recording: $jfr_file"
