package dev.concertina.runtime;

import java.util.Locale;
import org.jooq.SQLDialect;

/**
 * The database families Concertina supports, and the few facts about each that every stage needs:
 * how unquoted identifiers fold, how long an identifier may be, and jOOQ's dialect.
 *
 * <p>Behaviour that differs per dialect beyond these facts lives in one class per dialect in the
 * module that needs it; this enum is only the identity.
 */
public enum Dialect {
    /** H2 2.x: unquoted identifiers fold to upper case; 256-character identifiers. */
    H2(SQLDialect.H2, IdentifierCase.UPPER, 256),
    /** PostgreSQL: unquoted identifiers fold to lower case; NAMEDATALEN-1 = 63 bytes. */
    POSTGRES(SQLDialect.POSTGRES, IdentifierCase.LOWER, 63),
    /** MariaDB: names keep their case (table names are case-sensitive on Linux); 64 characters. */
    MARIADB(SQLDialect.MARIADB, IdentifierCase.AS_IS, 64),
    /** MySQL: as MariaDB. */
    MYSQL(SQLDialect.MYSQL, IdentifierCase.AS_IS, 64);

    /** What the database does to an identifier written without quotes. */
    public enum IdentifierCase {
        UPPER,
        LOWER,
        AS_IS
    }

    private final SQLDialect jooq;
    private final IdentifierCase unquotedCase;
    private final int maxIdentifierLength;

    Dialect(SQLDialect jooq, IdentifierCase unquotedCase, int maxIdentifierLength) {
        this.jooq = jooq;
        this.unquotedCase = unquotedCase;
        this.maxIdentifierLength = maxIdentifierLength;
    }

    public SQLDialect jooq() {
        return jooq;
    }

    public IdentifierCase unquotedCase() {
        return unquotedCase;
    }

    public int maxIdentifierLength() {
        return maxIdentifierLength;
    }

    /** The name as the database stores it when it was written unquoted. */
    public String foldUnquoted(String identifier) {
        switch (unquotedCase) {
            case UPPER:
                return identifier.toUpperCase(Locale.ROOT);
            case LOWER:
                return identifier.toLowerCase(Locale.ROOT);
            default:
                return identifier;
        }
    }

    /** Lower-case name, as used on the command line ({@code --dialect postgres}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The dialect of a JDBC URL ({@code jdbc:h2:…}, {@code jdbc:postgresql:…}, {@code jdbc:mariadb:…},
     * {@code jdbc:mysql:…}).
     *
     * @throws ConcertinaException (UNSUPPORTED_DATABASE) naming the URL's scheme when it is none of these
     */
    public static Dialect fromUrl(String jdbcUrl) {
        String url = jdbcUrl.toLowerCase(Locale.ROOT);
        if (url.startsWith("jdbc:h2:")) return H2;
        if (url.startsWith("jdbc:postgresql:")) return POSTGRES;
        if (url.startsWith("jdbc:mariadb:")) return MARIADB;
        if (url.startsWith("jdbc:mysql:")) return MYSQL;
        String scheme =
                url.startsWith("jdbc:") && url.indexOf(':', 5) > 0 ? url.substring(0, url.indexOf(':', 5)) : url;
        throw new ConcertinaException(
                ErrorCode.UNSUPPORTED_DATABASE,
                "unsupported database URL '" + scheme
                        + ":…': expected jdbc:h2:, jdbc:postgresql:, jdbc:mariadb: or jdbc:mysql:");
    }

    /** The dialect named on the command line: h2, postgres (postgresql), mariadb, mysql. */
    public static Dialect fromLabel(String label) {
        String l = label.trim().toLowerCase(Locale.ROOT);
        switch (l) {
            case "h2":
                return H2;
            case "postgres":
            case "postgresql":
            case "pg":
                return POSTGRES;
            case "mariadb":
                return MARIADB;
            case "mysql":
                return MYSQL;
            default:
                throw new ConcertinaException(
                        ErrorCode.UNSUPPORTED_DATABASE,
                        "unknown dialect '" + label + "': expected h2, postgres, mariadb or mysql");
        }
    }
}
