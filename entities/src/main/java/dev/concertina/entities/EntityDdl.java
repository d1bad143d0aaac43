package dev.concertina.entities;

import dev.concertina.entities.internal.BootedModel;
import dev.concertina.entities.internal.HibernateScripts;
import java.util.List;

/**
 * Hibernate's own DDL for a set of entities on a target database: the statements
 * {@code hibernate.hbm2ddl.auto=create} would run, produced offline through Hibernate's schema
 * management tool writing a script. Used as the reference the entity reader is held to, and by the
 * drift check.
 */
public final class EntityDdl {

    private EntityDdl() {}

    /** The create script, one statement per element, without trailing semicolons. */
    public static List<String> createScript(EntitySource source, TargetDatabase target) {
        try (BootedModel model = BootedModel.boot(source, target)) {
            return HibernateScripts.create(model);
        }
    }
}
