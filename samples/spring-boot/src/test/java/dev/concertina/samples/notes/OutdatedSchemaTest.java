package dev.concertina.samples.notes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.MigratorConfig;
import java.sql.Connection;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;

/** Without sync at startup, a database behind the code stops the application before Hibernate looks at it. */
class OutdatedSchemaTest {

    @Test
    void anOutdatedDatabaseStopsTheApplicationWithTheGuardsReason() throws Exception {
        String url = "jdbc:h2:mem:notes-outdated;DB_CLOSE_DELAY=-1";
        try (Connection keep = DriverManager.getConnection(url, "sa", "");
             Migrator m = Migrator.open(MigratorConfig.builder().url(url).user("sa")
                     .migrations(getClass().getClassLoader(), "dev.concertina.samples.notes.migrations").build())) {
            m.versionControl();
            Throwable failure = assertThrows(Throwable.class, () -> SpringApplication.run(NotesApplication.class,
                    "--spring.datasource.url=" + url, "--concertina.sync-on-startup=none", "--server.port=0",
                    "--spring.main.banner-mode=off", "--logging.level.root=off").close());
            while (!(failure instanceof ConcertinaException) && failure.getCause() != null) {
                failure = failure.getCause();
            }
            ConcertinaException refusal = (ConcertinaException) failure;
            assertEquals(ErrorCode.OUTDATED_SCHEMA, refusal.code());
            assertEquals(true, refusal.getMessage().startsWith("the database lacks expand revision "), refusal.getMessage());
        }
    }
}
