package dev.concertina.samples.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.concertina.runtime.Dialect;
import dev.concertina.samples.identity.ModelVersion.LoadedModel;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The three model versions differ in exactly the planned ways, read through the entity reader on
 * each dialect. These tables are what README.md promises; the migrations autogenerate writes
 * between the versions are held to the same list.
 */
class VersionStepsTest {

    /** v1 → v2: a new table, a nullable and a defaulted NOT NULL column, a declared rename. */
    static final List<String> V1_TO_V2 = List.of(
            "add column identity_user.email VARCHAR(255) null",
            "add column project.is_domain BOOLEAN not null with default",
            "add table application_credential",
            "rename column identity_user.full_name to display_name");

    /** v1 → v2 as the differ sees it before reading {@code @RenamedFrom}: a drop and an add it must not guess about. */
    static final List<String> V1_TO_V2_UNHINTED = List.of(
            "add column identity_user.display_name VARCHAR(255) null",
            "add column identity_user.email VARCHAR(255) null",
            "add column project.is_domain BOOLEAN not null with default",
            "add table application_credential",
            "drop column identity_user.full_name");

    /**
     * v2 → v3: an incompatible type change (under a new name, declared with {@code @RenamedFrom}),
     * a new index, a new foreign key, a dropped column.
     */
    static final List<String> V2_TO_V3 = List.of(
            "add foreign key endpoint.fk_endpoint_region (region_id) references region (id)",
            "add index identity_user.ix_identity_user_email (email)",
            "alter column identity_user.is_enabled type VARCHAR(1) to BOOLEAN",
            "drop column project.extra",
            "rename column identity_user.enabled to is_enabled");

    /** v2 → v3 unhinted: an incompatible type is never a possible rename, so this is what a differ without the hint finds. */
    static final List<String> V2_TO_V3_UNHINTED = List.of(
            "add column identity_user.is_enabled BOOLEAN not null",
            "add foreign key endpoint.fk_endpoint_region (region_id) references region (id)",
            "add index identity_user.ix_identity_user_email (email)",
            "drop column identity_user.enabled",
            "drop column project.extra");

    static Stream<Arguments> steps() {
        return Stream.of(Dialect.H2, Dialect.POSTGRES, Dialect.MARIADB).flatMap(d -> Stream.of(
                Arguments.of(ModelVersion.V1, ModelVersion.V2, d, V1_TO_V2, V1_TO_V2_UNHINTED),
                Arguments.of(ModelVersion.V2, ModelVersion.V3, d, V2_TO_V3, V2_TO_V3_UNHINTED)));
    }

    @ParameterizedTest(name = "{0} to {1} on {2}")
    @MethodSource("steps")
    void eachStepChangesExactlyWhatThePlanSays(ModelVersion from, ModelVersion to, Dialect dialect,
                                               List<String> expected, List<String> unhinted) throws Exception {
        Set<SchemaChanges.Rename> renames;
        try (LoadedModel model = to.loadEntities()) {
            renames = SchemaChanges.declaredRenames(model.classes());
        }
        assertEquals(expected, SchemaChanges.between(from.schema(dialect), to.schema(dialect), renames),
                from.label() + " → " + to.label() + " on " + dialect.label());
    }

    @ParameterizedTest(name = "{0} to {1} on {2}")
    @MethodSource("steps")
    void withoutTheRenameHintsARenameIsADropAndAnAdd(ModelVersion from, ModelVersion to, Dialect dialect,
                                                      List<String> expected, List<String> unhinted) {
        assertEquals(unhinted, SchemaChanges.between(from.schema(dialect), to.schema(dialect), Set.of()),
                from.label() + " → " + to.label() + " on " + dialect.label());
    }

    @Test
    void theRenameHintsAreOnlyInTheVersionThatRenames() throws Exception {
        for (ModelVersion v : ModelVersion.values()) {
            try (LoadedModel model = v.loadEntities()) {
                Set<SchemaChanges.Rename> expected = switch (v) {
                    case V1 -> Set.of();
                    case V2 -> Set.of(new SchemaChanges.Rename("identity_user", "full_name", "display_name"));
                    case V3 -> Set.of(new SchemaChanges.Rename("identity_user", "enabled", "is_enabled"));
                };
                assertEquals(expected, SchemaChanges.declaredRenames(model.classes()), v.label());
            }
        }
    }
}
