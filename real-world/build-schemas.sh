#!/usr/bin/env bash
# Rebuilds the checked-in Keycloak schemas (src/test/resources/keycloak/*.sql) with Keycloak's own Liquibase
# changelog, on the PostgreSQL and MariaDB servers of this machine and on an H2 file, then dumps each schema
# with the database's own tool. Run from the repository root after `mvn -B -ntp -q test-compile -pl real-world -am`:
#   real-world/build-schemas.sh
# Needs psql/pg_dump and mariadb/mariadb-dump on the PATH. The tests never run this; they load the dumps.
set -euo pipefail
cd "$(dirname "$0")"
out=src/test/resources/keycloak
db=cc_keycloak_build
mvn -B -ntp -q -o dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/test.classpath
cp="target/test-classes:$(cat target/test.classpath)"
build() { java -Dorg.jboss.logging.provider=slf4j -cp "$cp" dev.concertina.realworld.KeycloakSchemaBuild "$@" >/dev/null; }

psql -h 127.0.0.1 -U postgres -qc "drop database if exists $db" -c "create database $db"
build "jdbc:postgresql://127.0.0.1:5432/$db" postgres ""
# psql's \restrict lines are for psql only; the tests run the script through JDBC.
pg_dump -h 127.0.0.1 -U postgres --schema-only --no-owner --no-privileges -d "$db" | grep -v '^\\' > "$out/postgres.sql"
psql -h 127.0.0.1 -U postgres -qc "drop database $db"

mariadb -h 127.0.0.1 -u root -e "drop database if exists $db; create database $db"
build "jdbc:mariadb://127.0.0.1:3306/$db" root ""
mariadb-dump -h 127.0.0.1 -u root --no-data --skip-comments --skip-dump-date "$db" > "$out/mariadb.sql"
mariadb -h 127.0.0.1 -u root -e "drop database $db"

# Keycloak runs H2 with VALUE as a non-keyword; its changelog needs that.
h2=$(mktemp -d)/keycloak
build "jdbc:h2:$h2;NON_KEYWORDS=VALUE" sa ""
java -cp "$cp" org.h2.tools.Shell -url "jdbc:h2:$h2;NON_KEYWORDS=VALUE" -user sa \
  -sql "SCRIPT NODATA TO '$h2.sql'" >/dev/null
# The dump's first lines create the dump's own user; a test database has its own.
grep -v '^CREATE USER' "$h2.sql" > "$out/h2.sql"
rm -rf "$(dirname "$h2")"
echo "wrote $out/postgres.sql $out/mariadb.sql $out/h2.sql"
