package dev.concertina.entities;

import dev.concertina.runtime.Dialect;
import dev.concertina.testdb.DbKind;
import java.nio.file.Path;
import java.util.List;

/** Where the fixture entities are, and how test databases map to dialects. */
public final class Fixtures {

    /** The test classes directory: the fixture entities' classpath entry. */
    public static final Path TEST_CLASSES = Path.of("target", "test-classes");

    public static final String LIBRARY = "dev.concertina.entities.fixtures.library";
    public static final String SHOP = "dev.concertina.entities.fixtures.shop";
    public static final String HR = "dev.concertina.entities.fixtures.hr";

    /** The three domains that together cover every supported mapping feature. */
    public static final List<String> DOMAINS = List.of(LIBRARY, SHOP, HR);

    private Fixtures() {}

    public static EntitySource.Packages packages(String... packages) {
        return EntitySource.packages(List.of(TEST_CLASSES), packages);
    }

    public static Dialect dialect(DbKind kind) {
        switch (kind) {
            case H2: return Dialect.H2;
            case POSTGRES: return Dialect.POSTGRES;
            default: return Dialect.MARIADB;
        }
    }
}
