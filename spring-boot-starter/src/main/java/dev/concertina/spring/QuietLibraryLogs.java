package dev.concertina.spring;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Keeps jOOQ's start-up chatter (a logo, tips, "database version is supported") out of the
 * application's log when the runtime runs migrations. Lowest precedence: the application's own
 * {@code logging.level.*} wins.
 */
public class QuietLibraryLogs implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        quietByDefault("org.jooq.no-logo");
        quietByDefault("org.jooq.no-tips");
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "concertinaQuietLibraryLogs",
                        Map.of("logging.level.org.jooq.impl.DefaultExecuteContext.logVersionSupport", "warn")));
    }

    private static void quietByDefault(String key) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, "true");
        }
    }
}
