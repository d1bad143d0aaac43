// Runs after the four builds of invoker.properties; basedir is this project's copy under target/it.
def log = new File(basedir, 'build.log').text

// 1. verify failed on the drift, with the report and the exit code's meaning on one error line.
assert log.contains('concertina check failed with exit code 6: the entities differ from the schema the migrations build (drift)')
assert log =~ /\[ERROR\] .*EMAIL/
// Errors are Maven error lines, not stack traces; the libraries' chatter stays out.
assert !(log =~ /(?m)^\s+at dev\.concertina/)
assert !log.contains('HHH')
assert !log.contains('jOOQ tip') && !log.contains('Thank you for using jOOQ')
assert !log.contains('SchemaCrawler')

// 2. revision wrote the expand migration into src/main/java.
def expand = new File(basedir, 'src/main/java/com/example/shop/migrations/expand')
def written = expand.listFiles().findAll { it.name.startsWith('E0002') }
assert written.size() == 1 : "expected one new expand migration, found ${expand.list()}"
def source = written[0].text
assert source.contains('message = "add email"')
def revision = (source =~ /id = "([0-9a-f]+)"/)[0][1]
assert log.contains("(expand revision ${revision})")

// 3. verify then passed: the entities match what the migrations build.
assert log.contains('entities match the schema the migrations build')

// 4. sync applied it, with the password from settings.xml (the database was created with it).
def credentials = new Properties()
credentials.user = 'sa'
credentials.password = 's3cret'
def c = new org.h2.Driver().connect("jdbc:h2:${basedir}/target/db/shop", credentials)
try {
    def rs = c.createStatement().executeQuery("SELECT REVISION FROM CONCERTINA_VERSION WHERE BRANCH = 'expand'")
    assert rs.next() && rs.getString(1) == revision
    def cols = c.metaData.getColumns(null, 'PUBLIC', 'CUSTOMER', 'EMAIL')
    assert cols.next()
} finally {
    c.close()
}
return true
