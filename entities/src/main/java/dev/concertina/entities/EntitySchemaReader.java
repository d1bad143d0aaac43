package dev.concertina.entities;

import dev.concertina.engine.model.Schema;
import dev.concertina.entities.internal.BootedModel;
import dev.concertina.entities.internal.ConnectedSchema;
import dev.concertina.entities.internal.MetamodelReader;
import dev.concertina.entities.internal.NameLengths;
import dev.concertina.entities.internal.QuietHibernate;
import dev.concertina.entities.internal.RenamedFromReader;
import java.util.Objects;

/**
 * Reads JPA entity classes into the neutral {@link Schema}, through Hibernate ORM's boot metamodel
 * for a target database, without connecting to one. The result is what Hibernate's own DDL for that
 * dialect and version would leave in the database, as the live reader would read it back: names
 * folded as the database stores them, types, defaults and checks normalised by the engine's
 * per-dialect {@code Normalizer}, Hibernate's invented primary-key names dropped. Every element
 * carries its {@link dev.concertina.engine.model.Origin} (entity class and attribute).
 *
 * <p>A name longer than the target database allows fails with {@code ConcertinaException(MODEL)}
 * naming the entity, the name, its length and the limit. An entity that cannot be mapped fails with
 * {@code ConcertinaException(MODEL, "com.acme.Book#owner: …")}; a missing persistence unit or
 * classpath entry with {@code CONFIGURATION}. Hibernate's logging is kept off during the read.
 */
public final class EntitySchemaReader {

    private final TargetDatabase target;
    private final java.util.Optional<String> connectedSchema;

    public EntitySchemaReader(TargetDatabase target) {
        this(target, java.util.Optional.empty());
    }

    private EntitySchemaReader(TargetDatabase target, java.util.Optional<String> connectedSchema) {
        this.target = Objects.requireNonNull(target, "target");
        this.connectedSchema = connectedSchema;
    }

    /**
     * This reader, failing in one line ({@code CONFIGURATION}) when {@code hibernate.default_schema}
     * names another schema than {@code schema}, the one the connection reads and the entities are
     * compared with.
     */
    public EntitySchemaReader connectedTo(String schema) {
        return new EntitySchemaReader(target, java.util.Optional.of(schema));
    }

    public TargetDatabase target() {
        return target;
    }

    /** The schema the entities of {@code source} describe on the target database. */
    public Schema read(EntitySource source) {
        try (BootedModel model = BootedModel.boot(source, target)) {
            connectedSchema.ifPresent(connected -> ConnectedSchema.require(model, connected));
            Schema schema = QuietHibernate.call(() -> new MetamodelReader(model).read());
            NameLengths.require(schema, target.dialect());
            return schema;
        }
    }

    /**
     * The schema of {@code source} with the renames its {@code @RenamedFrom} annotations confirm.
     * The annotation is recognised by its name ({@value RenamedFromReader#ANNOTATION}), so the
     * entities need nothing but the small {@code concertina-annotations} jar, or even a copy of it.
     *
     * @throws dev.concertina.runtime.ConcertinaException (MODEL) naming the attribute when an
     *         annotation gives the element's current name, or no name
     */
    public EntityModel readModel(EntitySource source) {
        try (BootedModel model = BootedModel.boot(source, target)) {
            connectedSchema.ifPresent(connected -> ConnectedSchema.require(model, connected));
            Schema schema = QuietHibernate.call(() -> new MetamodelReader(model).read());
            NameLengths.require(schema, target.dialect());
            return new EntityModel(schema, RenamedFromReader.read(schema, model.classLoader()));
        }
    }
}
