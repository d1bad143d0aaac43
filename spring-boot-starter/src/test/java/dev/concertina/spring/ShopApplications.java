package dev.concertina.spring;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.Migrator;
import dev.concertina.runtime.MigratorConfig;
import dev.concertina.runtime.SyncScope;
import dev.concertina.testdb.FreshDatabase;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** A real Spring Boot application per release of the fixture migrations, started on a test database. */
final class ShopApplications {

    static final String RELEASE_1 = "dev.concertina.spring.fixtures.release1";
    static final String RELEASE_2 = "dev.concertina.spring.fixtures.release2";

    private ShopApplications() {}

    /** The application: everything Spring Boot auto-configures from the test class path (JDBC, Actuator, the starter). */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class Shop {}

    /** Starts the application of {@code release} on {@code db}, with {@code extra} properties. */
    static ConfigurableApplicationContext start(FreshDatabase db, String release, String... extra) {
        List<String> props = new ArrayList<>(List.of(
                "spring.datasource.url=" + db.url(),
                "spring.datasource.username=" + db.user(),
                "spring.datasource.password=" + db.password(),
                "concertina.migrations-package=" + release,
                "management.endpoints.web.exposure.include=concertina",
                // Quiet: the tests assert what matters; a failed start is reported through the exception.
                "logging.level.root=off"));
        props.addAll(List.of(extra));
        return new SpringApplicationBuilder(Shop.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties(props.toArray(String[]::new))
                .run();
    }

    /** The Concertina refusal that stopped the application, from anywhere in the cause chain. */
    static ConcertinaException refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConcertinaException e) {
                return e;
            }
        }
        throw new AssertionError("the application failed without a Concertina refusal", failure);
    }

    /** Brings {@code db} to {@code scope} with {@code release}'s migrations, as a deployment step would. */
    static void migrate(FreshDatabase db, String release, SyncScope scope) {
        try (Migrator m = Migrator.open(MigratorConfig.builder().url(db.url()).user(db.user()).password(db.password())
                .migrations(ShopApplications.class.getClassLoader(), release).build())) {
            m.sync(scope);
        }
    }
}
