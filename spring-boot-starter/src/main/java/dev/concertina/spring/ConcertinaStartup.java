package dev.concertina.spring;

import dev.concertina.runtime.AppliedRevision;
import dev.concertina.runtime.MigrationSource;
import dev.concertina.runtime.StartupGuard;
import dev.concertina.runtime.SyncScope;
import java.util.List;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs before anything that uses the database (JPA, JdbcTemplate: Spring Boot's database
 * initialization ordering, see {@link ConcertinaDatabaseInitializerDetector}): brings expand to head
 * when {@code concertina.sync-on-startup=expand}, then runs the runtime's phase-aware
 * {@link StartupGuard}. A refusal is a {@link dev.concertina.runtime.ConcertinaException}, which stops
 * the application with its one-line reason ({@link ConcertinaFailureAnalyzer}).
 */
public class ConcertinaStartup implements InitializingBean {

    private static final Log LOG = LogFactory.getLog("dev.concertina.spring");

    private final MigrationDatabase database;
    private final MigrationSource source;
    private final SyncOnStartup sync;
    private final boolean guard;
    private List<AppliedRevision> applied = List.of();

    ConcertinaStartup(MigrationDatabase database, MigrationSource source, SyncOnStartup sync, boolean guard) {
        this.database = database;
        this.source = source;
        this.sync = sync;
        this.guard = guard;
    }

    @Override
    public void afterPropertiesSet() {
        if (sync == SyncOnStartup.EXPAND) {
            applied = database.withMigrator(source, new LoggingMigrationListener(), m -> m.sync(SyncScope.EXPAND));
            if (!applied.isEmpty()) {
                LOG.info("expanded the schema: " + applied.size() + " revision" + (applied.size() == 1 ? "" : "s")
                        + " applied");
            }
        }
        if (guard) {
            StartupGuard.verify(database.dataSource(), source);
        }
    }

    MigrationDatabase database() {
        return database;
    }

    MigrationSource source() {
        return source;
    }

    /** The revisions the startup sync applied (empty without {@code sync-on-startup=expand}). */
    public List<AppliedRevision> applied() {
        return applied;
    }
}
