#!/usr/bin/env bash
# The scale benchmark (issue 7), one command from the repository root:
#   bench/scale/run.sh            N = 100, 500, 2000 on PostgreSQL, MariaDB and H2 (5 runs each)
#   bench/scale/run.sh --quick    N = 100 and 500, 3 runs (a smoke run, a few minutes)
#   bench/scale/run.sh -- --n 2000 --dialects postgres --runs 3    any harness options after "--"
# Needs: JDK 17 (javac: the harness compiles the generated entities), Maven, PostgreSQL at
# 127.0.0.1:5432 (user postgres, trust) and MariaDB at 127.0.0.1:3306 (root, no password),
# /usr/bin/time (Debian package `time`). Results: bench/scale/target/scale/results.md and .tsv.
# Generated corpora and their databases (bench_scale_n<N>_s<seed>) are kept and reused; --fresh rebuilds them.
set -euo pipefail
cd "$(dirname "$0")/../.."

quick=0
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --) shift; extra=("$@"); break ;;
    *) extra+=("$1") ;;
  esac
  shift
done

command -v /usr/bin/time >/dev/null || { echo "run.sh: /usr/bin/time is missing (apt-get install -y time)" >&2; exit 1; }

# The harness runs against the shaded cli jar (what users run) and never installs anything in ~/.m2.
if [ ! -f cli/target/concertina.jar ] || [ ! -x cli/target/concertina ] || [ -n "${REBUILD:-}" ]; then
  mvn -q -o -B -ntp -DskipTests package
fi
mvn -q -o -B -ntp -f bench/scale/pom.xml package

# The harness JVM reads its own copy of the jar, so rebuilding the cli during a run cannot break it;
# the commands it measures run the real cli/target/concertina (launcher) and concertina.jar.
cp cli/target/concertina.jar bench/scale/target/harness-cli.jar
cp="bench/scale/target/classes:bench/scale/target/harness-cli.jar"
if [ "$quick" = 1 ]; then
  set -- --n 100,500 --runs 3 --warmup 1 --proc-runs 3
else
  set -- --n 100,500,2000 --runs 5 --warmup 2 --proc-runs 5
fi
{
  echo "machine: nproc=$(nproc), $(awk '/MemTotal/ {printf "%.1f GiB RAM", $2/1048576}' /proc/meminfo), $(uname -sr)"
  echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  java -version 2>&1 | head -1
} | tee /dev/stderr >/dev/null
exec java -Xss4m -Dorg.jooq.no-logo=true -Dorg.jooq.no-tips=true -cp "$cp" dev.concertina.bench.scale.Bench "$@" "${extra[@]}"
