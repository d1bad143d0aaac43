// Runs after the builds of invoker.properties; the database is the one setup.groovy created.
def log = new File(basedir, 'build.log').text
def settings = new Properties()
new File(basedir, 'concertina.properties').withReader { settings.load(it) }
def url = settings.url
def credentials = new Properties()
credentials.user = settings.user
credentials.password = ''
try {
    def expand = new File(basedir, 'src/main/java/com/example/shop/migrations/expand')
    def written = expand.listFiles().findAll { it.name.startsWith('E0002') }
    assert written.size() == 1 : "expected one new expand migration, found ${expand.list()}"
    def revision = (written[0].text =~ /id = "([0-9a-f]+)"/)[0][1]
    assert log.contains('entities match the schema the migrations build')
    assert log.contains("database: up to date (exit code 0)")
    assert !(log =~ /(?m)^\s+at dev\.concertina/)
    assert !log.contains('HHH')

    def c = new org.postgresql.Driver().connect(url, credentials)
    try {
        def rs = c.createStatement().executeQuery("SELECT revision FROM concertina_version WHERE branch = 'expand'")
        assert rs.next() && rs.getString(1) == revision
        assert c.metaData.getColumns(null, 'public', 'customer', 'email').next()
    } finally {
        c.close()
    }
} finally {
    def name = url.substring(url.lastIndexOf('/') + 1)
    def admin = new org.postgresql.Driver().connect(url.substring(0, url.lastIndexOf('/') + 1) + 'postgres', credentials)
    try {
        admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)")
    } finally {
        admin.close()
    }
}
return true
