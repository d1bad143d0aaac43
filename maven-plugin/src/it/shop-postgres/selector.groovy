// Runs this build when PostgreSQL answers, and always under CI=true (where a missing server must fail).
def host = System.getenv('CONCERTINA_TEST_PG_HOST') ?: '127.0.0.1'
def port = (System.getenv('CONCERTINA_TEST_PG_PORT') ?: '5432') as int
if ('true'.equalsIgnoreCase(System.getenv('CI'))) {
    return true
}
try {
    new Socket(host, port).close()
    return true
} catch (IOException e) {
    println "SKIPPED: no PostgreSQL at $host:$port"
    return false
}
