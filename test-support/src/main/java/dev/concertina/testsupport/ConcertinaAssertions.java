package dev.concertina.testsupport;

/**
 * Assertions for an application's test suite.
 *
 * <pre>{@code
 * class SchemaSyncTest {
 *     @Test
 *     void migrationsBuildTheSchemaTheEntitiesDescribe() {
 *         ConcertinaAssertions.assertMigrationsMatchModels("com.example.shop.migrations", "com.example.shop.model");
 *     }
 * }
 * }</pre>
 */
public final class ConcertinaAssertions {

    private ConcertinaAssertions() {}

    /**
     * Runs every migration of {@code migrationsPackage} (expand, then contract) on an H2 in-memory
     * database and fails, listing each difference, when the schema they build is not the one the
     * entities of {@code entityPackages} describe.
     */
    public static void assertMigrationsMatchModels(String migrationsPackage, String... entityPackages) {
        migrationsMatchModels(migrationsPackage, entityPackages).assertMatch();
    }

    /** The same check, to configure first (rules file, another scratch database, class loader). */
    public static MigrationsMatchModels migrationsMatchModels(String migrationsPackage, String... entityPackages) {
        return MigrationsMatchModels.of(migrationsPackage, entityPackages);
    }
}
