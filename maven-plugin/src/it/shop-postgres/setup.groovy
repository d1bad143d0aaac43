// A fresh PostgreSQL database for this build, named in the concertina.properties the plugin reads.
def host = System.getenv('CONCERTINA_TEST_PG_HOST') ?: '127.0.0.1'
def port = System.getenv('CONCERTINA_TEST_PG_PORT') ?: '5432'
def user = System.getenv('CONCERTINA_TEST_PG_USER') ?: 'postgres'
def name = 'cc_it_' + Long.toString(System.nanoTime(), 36)
def credentials = new Properties()
credentials.user = user
credentials.password = ''
def admin = new org.postgresql.Driver().connect("jdbc:postgresql://$host:$port/postgres", credentials)
try {
    admin.createStatement().execute("CREATE DATABASE " + name)
} finally {
    admin.close()
}
new File(basedir, 'concertina.properties').text = """# written by setup.groovy
url = jdbc:postgresql://$host:$port/$name
user = $user
migrations.package = com.example.shop.migrations
models.packages = com.example.shop.model
"""
return true
