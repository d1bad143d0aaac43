package dev.concertina.spring;

import java.util.Set;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that {@link ConcertinaStartup} initializes the database, so the beans that use it
 * (JPA's EntityManagerFactory, JdbcTemplate, …) are created after it: the guard speaks before
 * Hibernate's own schema validation would.
 */
public class ConcertinaDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

    @Override
    protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
        return Set.of(ConcertinaStartup.class);
    }
}
