package dev.concertina.runtime.online;

import dev.concertina.runtime.Branch;
import dev.concertina.runtime.Dialect;
import dev.concertina.runtime.Migration;
import dev.concertina.runtime.MigrationContext;
import dev.concertina.runtime.ResolvedMigration;
import dev.concertina.runtime.Revision;
import dev.concertina.runtime.internal.RunContext;
import dev.concertina.runtime.internal.Sql;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Contexts for calling {@link OnlineDdl} directly, as a running revision would. */
final class OnlineContexts {

    private OnlineContexts() {}

    @Revision(id = "online1", branch = Branch.EXPAND, transactional = false)
    static final class NonTransactional implements Migration {
        @Override
        public void upgrade(MigrationContext ctx) {}
    }

    @Revision(id = "online2", branch = Branch.EXPAND)
    static final class Transactional implements Migration {
        @Override
        public void upgrade(MigrationContext ctx) {}
    }

    /** A context of a non-transactional revision on {@code c} (auto-commit). */
    static MigrationContext of(Connection c, Dialect dialect, LockRetry retry, Consumer<String> progress) {
        return new RunContext(Sql.dsl(c, dialect), c, dialect, ResolvedMigration.of(NonTransactional.class), progress, retry);
    }

    static List<String> column(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static void exec(Connection c, String... sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        }
    }
}
