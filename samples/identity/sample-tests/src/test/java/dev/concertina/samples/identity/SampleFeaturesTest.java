package dev.concertina.samples.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.concertina.engine.model.Column;
import dev.concertina.engine.model.ForeignKey;
import dev.concertina.engine.model.PrimaryKey;
import dev.concertina.engine.model.Schema;
import dev.concertina.engine.model.Sequence;
import dev.concertina.engine.model.Table;
import dev.concertina.engine.model.TypeKind;
import dev.concertina.runtime.Dialect;
import dev.concertina.samples.identity.ModelVersion.LoadedModel;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinTable;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.Version;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sample keeps the mapping features it exists to exercise, in every version: a composite
 * primary key, enums stored as strings, a large object, optimistic locking, an embedded value, a
 * many-to-many join table, sequence and identity ids, and one reserved-word table name. If an edit
 * drops one, the sample silently stops testing it; this test says so instead.
 */
class SampleFeaturesTest {

    static Stream<Arguments> versionsAndDialects() {
        return Stream.of(ModelVersion.values())
                .flatMap(v -> Stream.of(Dialect.H2, Dialect.POSTGRES, Dialect.MARIADB).map(d -> Arguments.of(v, d)));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(ModelVersion.class)
    void entitiesUseEveryFeatureTheSampleIsFor(ModelVersion version) throws Exception {
        try (LoadedModel model = version.loadEntities()) {
            List<Class<?>> entities = model.classes().stream().filter(c -> c.isAnnotationPresent(Entity.class)).toList();
            assertTrue(entities.size() >= 12, "at least 12 entities, found " + entities.size());
            assertTrue(entities.stream().anyMatch(c -> c.isAnnotationPresent(IdClass.class)), "a composite key (@IdClass)");
            assertField(entities, "@Enumerated(STRING)", f -> has(f, Enumerated.class) && f.getAnnotation(Enumerated.class).value() == EnumType.STRING);
            assertField(entities, "@Lob", f -> has(f, Lob.class));
            assertField(entities, "@Version", f -> has(f, Version.class));
            assertField(entities, "@Embedded", f -> has(f, Embedded.class));
            assertField(entities, "@ManyToMany with @JoinTable", f -> has(f, ManyToMany.class) && has(f, JoinTable.class));
            assertField(entities, "a SEQUENCE id", f -> has(f, GeneratedValue.class) && f.getAnnotation(GeneratedValue.class).strategy() == GenerationType.SEQUENCE);
            assertField(entities, "an IDENTITY id", f -> has(f, GeneratedValue.class) && f.getAnnotation(GeneratedValue.class).strategy() == GenerationType.IDENTITY);
        }
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("versionsAndDialects")
    void schemaHasTheShapesTheSampleIsFor(ModelVersion version, Dialect dialect) {
        Schema s = version.schema(dialect);

        // The reserved word is quoted, so it is stored exactly as written on every database.
        Table group = table(s, dialect, "group");
        assertEquals("group", group.name(), "quoted names are not folded");

        Table assignment = table(s, dialect, "assignment");
        assertEquals(List.of("actor_id", "inherited", "role_id", "target_id", "type"),
                assignment.primaryKey().map(PrimaryKey::columns).orElseThrow().stream().map(SampleFeaturesTest::lower).sorted().toList());
        Column type = column(assignment, dialect, "type");
        // One neutral ENUM on every database, so one generated migration serves all three.
        assertEquals(TypeKind.ENUM, type.type().kind());
        assertEquals(List.of("GROUP_DOMAIN", "GROUP_PROJECT", "USER_DOMAIN", "USER_PROJECT"), type.type().enumValues().stream().sorted().toList());
        if (dialect == Dialect.POSTGRES) {
            // PostgreSQL has no inline enum type: Hibernate writes varchar plus a CHECK, which reads as that ENUM.
            assertTrue(type.type().raw().toLowerCase(Locale.ROOT).contains("varchar"), type.type().raw());
        }

        Column blob = column(table(s, dialect, "credential"), dialect, "encrypted_blob");
        assertTrue(blob.type().kind() != TypeKind.VARCHAR && !blob.type().raw().toLowerCase(Locale.ROOT).contains("tiny"),
                "a large object, not a short string: " + blob.type().raw());

        assertTrue(column(table(s, dialect, "user_password"), dialect, "id").identity(), "user_password.id is an identity column");
        assertTrue(s.sequences().stream().map(Sequence::name).anyMatch(n -> n.equalsIgnoreCase("login_audit_seq")),
                "login_audit ids come from a sequence: " + s.sequences());

        Table membership = table(s, dialect, "user_group_membership");
        assertEquals(List.of("group", "identity_user"),
                membership.foreignKeys().stream().map(ForeignKey::referencedTable).map(SampleFeaturesTest::lower).sorted().toList());
        assertEquals(List.of("group_id", "user_id"),
                membership.primaryKey().map(PrimaryKey::columns).orElseThrow().stream().map(SampleFeaturesTest::lower).sorted().toList());
    }

    private static void assertField(List<Class<?>> entities, String what, Predicate<Field> test) {
        assertTrue(entities.stream().flatMap(c -> Stream.of(c.getDeclaredFields())).anyMatch(test), "some entity field has " + what);
    }

    private static boolean has(Field f, Class<? extends Annotation> a) {
        return f.isAnnotationPresent(a);
    }

    private static Table table(Schema s, Dialect dialect, String name) {
        return s.tables().stream().filter(t -> t.name().equals(name) || t.name().equals(dialect.foldUnquoted(name))).findFirst()
                .orElseThrow(() -> new AssertionError("no table " + name + " in " + s.tables().stream().map(Table::name).toList()));
    }

    private static Column column(Table t, Dialect dialect, String name) {
        return t.column(dialect.foldUnquoted(name))
                .orElseThrow(() -> new AssertionError("no column " + name + " in " + t.name()));
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
