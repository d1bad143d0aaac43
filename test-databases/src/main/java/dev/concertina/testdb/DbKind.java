package dev.concertina.testdb;

/** The database servers every Concertina feature is tested on. */
public enum DbKind {
    H2,
    POSTGRES,
    MARIADB;

    /** Lower-case name used in test display names and database names. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
