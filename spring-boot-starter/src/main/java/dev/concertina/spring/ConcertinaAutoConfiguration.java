package dev.concertina.spring;

import dev.concertina.runtime.ConcertinaException;
import dev.concertina.runtime.ErrorCode;
import dev.concertina.runtime.MigrationSource;
import javax.sql.DataSource;
import org.springframework.boot.LazyInitializationExcludeFilter;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * Concertina at application startup (docs/spring-boot.md): the phase-aware startup guard by default,
 * expand first when {@code concertina.sync-on-startup=expand}. Needs only Concertina's runtime, so the
 * application's Hibernate (if any) is its own.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(DataSource.class)
@ConditionalOnBean(DataSource.class)
@ConditionalOnBooleanProperty(name = "concertina.enabled", matchIfMissing = true)
@EnableConfigurationProperties(ConcertinaProperties.class)
public class ConcertinaAutoConfiguration {

    @Bean
    ConcertinaStartup concertinaStartup(
            DataSource dataSource, ConcertinaProperties properties, Environment environment) {
        SyncOnStartup sync = SyncOnStartup.parse(properties.getSyncOnStartup());
        MigrationSource source = migrations(properties);
        return new ConcertinaStartup(
                new MigrationDatabase(dataSource, properties, environment), source, sync, properties.isStartupGuard());
    }

    /** The startup check runs even when the application initializes its beans lazily. */
    @Bean
    static LazyInitializationExcludeFilter concertinaStartupNotLazy() {
        return LazyInitializationExcludeFilter.forBeanTypes(ConcertinaStartup.class);
    }

    static MigrationSource migrations(ConcertinaProperties properties) {
        String pkg = properties.getMigrationsPackage();
        if (pkg == null || pkg.isBlank()) {
            throw new ConcertinaException(
                    ErrorCode.CONFIGURATION,
                    "concertina.migrations-package is not set: name the package"
                            + " of the migration classes (or set concertina.enabled=false)");
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return MigrationSource.scan(
                loader == null ? ConcertinaAutoConfiguration.class.getClassLoader() : loader, pkg.trim());
    }
}
