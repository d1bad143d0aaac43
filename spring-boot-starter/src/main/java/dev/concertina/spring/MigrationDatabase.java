package dev.concertina.spring;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationListener;
import dev.concertina.runtime.MigrationSource;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.MigratorConfig;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.function.Function;
import javax.sql.DataSource;
import org.springframework.core.env.Environment;

/**
 * Where the {@link Migrator} connects: {@code concertina.url} when given, else the application's
 * {@code spring.datasource.*}, else what the data source's own connection reports (an embedded
 * database Spring Boot named itself). The runtime's Migrator connects by URL, not through a pool.
 */
final class MigrationDatabase {

    private final DataSource dataSource;
    private final ConcertinaProperties properties;
    private final Environment environment;

    MigrationDatabase(DataSource dataSource, ConcertinaProperties properties, Environment environment) {
        this.dataSource = dataSource;
        this.properties = properties;
        this.environment = environment;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Runs {@code work} on a Migrator for {@code source}, closing it afterwards. */
    <T> T withMigrator(MigrationSource source, MigrationListener listener, Function<Migrator, T> work) {
        // A pooled connection held meanwhile keeps an in-memory H2 database alive while the Migrator's own
        // connections come and go.
        try (Connection held = dataSource.getConnection()) {
            MigratorConfig config = config(held.getMetaData(), source, listener);
            try (Migrator migrator = Migrator.open(config)) {
                return work.apply(migrator);
            }
        } catch (SQLException e) {
            throw new ConcertinaException(
                    ErrorCode.CONNECTION,
                    "cannot connect through the application's data source: "
                            + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
                    e);
        }
    }

    private MigratorConfig config(DatabaseMetaData held, MigrationSource source, MigrationListener listener)
            throws SQLException {
        MigratorConfig.Builder b =
                MigratorConfig.builder().migrations(source).listener(listener).lockTimeout(properties.getLockTimeout());
        if (hasText(properties.getUrl())) {
            return b.url(properties.getUrl())
                    .user(orEmpty(properties.getUser()))
                    .password(orEmpty(properties.getPassword()))
                    .build();
        }
        String springUrl = environment.getProperty("spring.datasource.url");
        if (hasText(springUrl)) {
            // Without spring.datasource.username Spring Boot picks one itself (sa for an embedded database):
            // the user the connection reports is that choice.
            String user = environment.getProperty("spring.datasource.username");
            return b.url(springUrl)
                    .user(hasText(user) ? user : orEmpty(held.getUserName()))
                    .password(orEmpty(environment.getProperty("spring.datasource.password")))
                    .build();
        }
        return b.url(held.getURL()).user(orEmpty(held.getUserName())).build();
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
