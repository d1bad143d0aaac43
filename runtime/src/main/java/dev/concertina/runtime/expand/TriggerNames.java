package dev.concertina.runtime.expand;

import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.OwnObjects;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The deterministic names of Concertina's triggers (and PostgreSQL trigger functions). They start
 * with {@link OwnObjects#SYNC_PREFIX} or {@link OwnObjects#GUARD_PREFIX} (folded to the dialect's
 * case, so upper case on H2), so the live reader recognises them with
 * {@link OwnObjects#isOwnTrigger(String)}; a name longer than the dialect allows is cut and ends
 * with {@code _} and 8 hex digits of the SHA-256 of the full name, so two long names stay apart.
 *
 * <p>MariaDB/MySQL need one trigger per event: their names carry {@code _ins}, {@code _upd} and
 * {@code _del} before shortening.
 */
public final class TriggerNames {

    private static final int HASH_CHARS = 8;

    private TriggerNames() {}

    /** {@code concertina_sync_<table>_<old>_<new>}, fitted to the dialect. */
    public static String sync(Dialect dialect, String table, String oldColumn, String newColumn) {
        return fit(dialect, dialect.foldUnquoted(OwnObjects.SYNC_PREFIX) + table + "_" + oldColumn + "_" + newColumn);
    }

    /** The sync trigger name for one event ({@code ins}, {@code upd}) where the dialect needs one per event. */
    public static String sync(Dialect dialect, String table, String oldColumn, String newColumn, String event) {
        return fit(
                dialect,
                dialect.foldUnquoted(OwnObjects.SYNC_PREFIX) + table + "_" + oldColumn + "_" + newColumn + "_" + event);
    }

    /**
     * {@code concertina_sync_table_<source>_<target>}: the table sync trigger on {@code source} that
     * writes {@code target} (a table rename has one on each table), fitted to the dialect.
     */
    public static String tableSync(Dialect dialect, String source, String target) {
        return fit(dialect, dialect.foldUnquoted(OwnObjects.SYNC_PREFIX + "table_") + source + "_" + target);
    }

    /** The table sync trigger name for one event ({@code ins}, {@code upd}, {@code del}) where the dialect needs one per event. */
    public static String tableSync(Dialect dialect, String source, String target, String event) {
        return fit(
                dialect, dialect.foldUnquoted(OwnObjects.SYNC_PREFIX + "table_") + source + "_" + target + "_" + event);
    }

    /** {@code concertina_guard_<table>}, fitted to the dialect. */
    public static String guard(Dialect dialect, String table) {
        return fit(dialect, dialect.foldUnquoted(OwnObjects.GUARD_PREFIX) + table);
    }

    /** The guard trigger name for one event ({@code ins}, {@code upd}, {@code del}). */
    public static String guard(Dialect dialect, String table, String event) {
        return fit(dialect, dialect.foldUnquoted(OwnObjects.GUARD_PREFIX) + table + "_" + event);
    }

    /**
     * The name itself when it fits {@link Dialect#maxIdentifierLength()} (counted in UTF-8 bytes,
     * which is what PostgreSQL's limit counts and never less than MariaDB's characters), otherwise
     * its longest prefix that fits with {@code _} + 8 hex digits of its hash.
     */
    public static String fit(Dialect dialect, String name) {
        int max = dialect.maxIdentifierLength();
        if (utf8Length(name) <= max) {
            return name;
        }
        String suffix = "_" + hash(name);
        int budget = max - suffix.length();
        StringBuilder head = new StringBuilder();
        int bytes = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int len = utf8Length(new String(Character.toChars(cp)));
            if (bytes + len > budget) {
                break;
            }
            head.appendCodePoint(cp);
            bytes += len;
            i += Character.charCount(cp);
        }
        return head + suffix;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
