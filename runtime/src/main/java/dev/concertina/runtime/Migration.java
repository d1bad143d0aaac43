package dev.concertina.runtime;

/**
 * What generated and hand-written migrations implement. The class also carries {@link Revision}
 * and has a public no-argument constructor.
 *
 * <p>A migration should do the same thing every time it runs: its checksum is computed by running
 * it against a recording connection (docs/runtime.md, "Checksums"), so reading the clock or random
 * numbers into the SQL it issues makes the checksum unstable.
 */
public interface Migration {

    /** Moves the schema forward by this revision. */
    void upgrade(MigrationContext ctx) throws Exception;

    /**
     * Undoes {@link #upgrade}. The default refuses: a migration without an inverse cannot be
     * downgraded, and says so.
     */
    default void downgrade(MigrationContext ctx) throws Exception {
        Revision r = getClass().getAnnotation(Revision.class);
        String id = r == null ? getClass().getName() : r.id();
        String message = r == null || r.message().isEmpty() ? getClass().getSimpleName() : r.message();
        throw new ConcertinaException(ErrorCode.REFUSED, "revision " + id + " (" + message + ") cannot be downgraded");
    }
}
