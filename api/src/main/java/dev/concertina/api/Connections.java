package dev.concertina.api;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Connection failures as one line a user can act on: the URL with its password masked, the user,
 * and what went wrong in words (an unknown host, nothing listening, a refused login), not only the
 * driver's own message.
 */
final class Connections {

    private Connections() {}

    /**
     * The user to connect as: {@code user}, or for PostgreSQL without one (in the option or the URL)
     * the system user, as {@code psql} does; pgjdbc would send an empty name and fail with "no
     * PostgreSQL user name specified".
     */
    static String user(String url, String user) {
        boolean named = url.toLowerCase(Locale.ROOT).matches(".*[?&]user=.*");
        if (!user.isEmpty() || Dialect.fromUrl(url) != Dialect.POSTGRES || named) {
            return user;
        }
        String system = System.getProperty("user.name");
        return system == null ? "" : system;
    }

    /** The error for a failed connection to {@code url} as {@code givenUser} (empty: none given). */
    static ConcertinaException failed(String url, String givenUser, String password, Throwable e) {
        String user = user(url, givenUser);
        StringBuilder m = new StringBuilder("cannot connect to ").append(JdbcUrls.masked(url));
        if (!user.isEmpty()) {
            m.append(" as ").append(user);
            if (givenUser.isEmpty()) {
                m.append(" (no user was given: the system user, as psql does)");
            }
        }
        m.append(": ");
        UnknownHostException unknown = find(e, UnknownHostException.class);
        if (unknown != null) {
            m.append("unknown host ").append(host(unknown)).append(" (check the host name in the URL)");
        } else if (find(e, ConnectException.class) != null) {
            m.append("nothing answers at that host and port (is the database running?): ")
                    .append(oneLine(e));
        } else {
            m.append(oneLine(e));
            if (loginRefused(e) && password.isEmpty()) {
                m.append(" (no password was given)");
            }
        }
        return new ConcertinaException(
                ErrorCode.CONNECTION, JdbcUrls.scrubbed(m.toString(), url, password), scrubbed(e, url, password));
    }

    /**
     * The driver's exception as a cause that can be printed (a stack trace under {@code -v}): its
     * message with the passwords masked, its SQLState and stack kept; its own causes, which may
     * quote the URL again, are left out.
     */
    private static Throwable scrubbed(Throwable e, String url, String password) {
        String message = JdbcUrls.scrubbed(String.valueOf(e.getMessage()), url, password);
        Throwable copy = e instanceof SQLException sql
                ? new SQLException(message, sql.getSQLState(), sql.getErrorCode())
                : new RuntimeException(e.getClass().getName() + ": " + message);
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    /**
     * The connection failure of the runtime's {@code Migrator.open}, said the same way as the API's
     * own (the runtime's message names the URL the driver got, which may carry added options).
     */
    static ConcertinaException explained(ConcertinaException e, String url, String givenUser, String password) {
        if (e.code() != ErrorCode.CONNECTION || !(e.getCause() instanceof SQLException)) {
            return e;
        }
        return failed(url, givenUser, password, e.getCause());
    }

    /** SQLState class 28, "invalid authorization specification", on every driver Concertina ships. */
    static boolean loginRefused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("28")) {
                return true;
            }
        }
        return false;
    }

    private static String host(UnknownHostException e) {
        String m = e.getMessage() == null ? "" : e.getMessage().strip();
        int colon = m.indexOf(':');
        // "nohost: Name or service not known" on Linux; the bare name elsewhere.
        return colon > 0 ? m.substring(0, colon) : m;
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
