package dev.concertina.runtime.expand;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MariaDB/MySQL refuse {@code CREATE TRIGGER} when binary logging is on, the server does not
 * trust function creators, and the user lacks SUPER (error 1419). This check finds that out
 * before anything is changed and says what to set. {@link SyncTriggers} and {@link WriteGuard}
 * run it before creating triggers; a migration that first adds columns should call
 * {@link #check(Connection, Dialect)} first, so a refusal leaves the schema untouched.
 */
public final class TriggerPreflight {

    private TriggerPreflight() {}

    /**
     * What the server says about trigger creation.
     *
     * @param binaryLogging         {@code @@log_bin}
     * @param trustFunctionCreators {@code @@log_bin_trust_function_creators}
     * @param hasSuper              SUPER granted to the current user or one of its enabled roles
     * @param user                  {@code CURRENT_USER()}, for the message
     */
    public record Facts(boolean binaryLogging, boolean trustFunctionCreators, boolean hasSuper, String user) {}

    /** Reads the facts from a MariaDB/MySQL connection. */
    public static Facts read(Connection connection) throws SQLException {
        boolean logBin;
        boolean trust;
        String user;
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery(
                        "SELECT @@GLOBAL.log_bin, @@GLOBAL.log_bin_trust_function_creators, CURRENT_USER()")) {
            if (!rs.next()) {
                // Only a recording connection (the runner's checksum run) answers with no row; a
                // server always has these variables. Let the trigger DDL be recorded.
                return new Facts(false, false, false, "unknown");
            }
            logBin = rs.getBoolean(1);
            trust = rs.getBoolean(2);
            user = rs.getString(3);
        }
        List<String> grantees = new ArrayList<>();
        grantees.add(grantee(user));
        // Roles: MariaDB lists a role's grants under 'role' (no host) in information_schema.
        try (Statement s = connection.createStatement();
                ResultSet rs = s.executeQuery("SELECT ROLE_NAME FROM information_schema.ENABLED_ROLES")) {
            while (rs.next()) {
                String role = rs.getString(1);
                if (role != null) {
                    grantees.add("'" + role.replace("'", "''") + "'");
                    grantees.add("'" + role.replace("'", "''") + "'@''");
                }
            }
        } catch (SQLException e) {
            // MySQL before 8.0.19 has no ENABLED_ROLES; the user's own grants are all there is.
        }
        boolean hasSuper = false;
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT GRANTEE FROM information_schema.USER_PRIVILEGES WHERE PRIVILEGE_TYPE = 'SUPER'")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (grantees.contains(rs.getString(1))) {
                        hasSuper = true;
                    }
                }
            }
        }
        return new Facts(logBin, trust, hasSuper, user);
    }

    /** {@code root@localhost} as information_schema writes grantees: {@code 'root'@'localhost'}. */
    static String grantee(String currentUser) {
        int at = currentUser.lastIndexOf('@');
        String name = at < 0 ? currentUser : currentUser.substring(0, at);
        String host = at < 0 ? "%" : currentUser.substring(at + 1);
        return "'" + name.replace("'", "''") + "'@'" + host.replace("'", "''") + "'";
    }

    /**
     * The reason trigger creation will fail, with the fix, or empty when it will not fail for
     * this reason.
     */
    public static Optional<String> problem(Facts facts) {
        if (!facts.binaryLogging() || facts.trustFunctionCreators() || facts.hasSuper()) {
            return Optional.empty();
        }
        return Optional.of("binary logging is on, log_bin_trust_function_creators is OFF and " + facts.user()
                + " lacks SUPER, so the server refuses CREATE TRIGGER: run SET GLOBAL log_bin_trust_function_creators = 1"
                + " (and set log_bin_trust_function_creators=1 under [mysqld] in the server configuration to keep it),"
                + " or run the migration as a user with SUPER");
    }

    /** {@link #check(Connection, Dialect)} on the migration's connection: call it first in a migration that creates triggers. */
    public static void check(MigrationContext ctx) {
        check(ctx.connection(), ctx.dialect());
    }

    /**
     * Fails (REFUSED) on MariaDB/MySQL when creating triggers would be refused; nothing on other dialects.
     */
    public static void check(Connection connection, Dialect dialect) {
        if (dialect != Dialect.MARIADB && dialect != Dialect.MYSQL) {
            return;
        }
        Facts facts;
        try {
            facts = read(connection);
        } catch (SQLException e) {
            throw new ConcertinaException(
                    ErrorCode.MIGRATION_FAILED, "trigger preflight: cannot read server settings: " + e.getMessage(), e);
        }
        problem(facts).ifPresent(p -> {
            throw new ConcertinaException(ErrorCode.REFUSED, "create triggers: " + p);
        });
    }
}
