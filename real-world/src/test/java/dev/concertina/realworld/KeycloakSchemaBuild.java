package dev.concertina.realworld;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;
import org.keycloak.connections.jpa.updater.liquibase.ThreadLocalSessionContext;
import org.keycloak.models.KeycloakSession;

/**
 * Builds Keycloak's schema on an empty database with Keycloak's own Liquibase changelog, as Keycloak does at its
 * first start. Run by {@code real-world/build-schemas.sh}, never by the tests: they load the dumps it produced.
 *
 * <p>Keycloak's custom changes ask for a session only to migrate existing realms; on an empty database they find
 * none, so a session that refuses every call is enough, and proves that none of them ran.
 */
public final class KeycloakSchemaBuild {

    private KeycloakSchemaBuild() {}

    /** {@code URL [USER [PASSWORD]]}. */
    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            throw new IllegalArgumentException("usage: KeycloakSchemaBuild JDBC_URL [USER [PASSWORD]]");
        }
        KeycloakSession refusing = (KeycloakSession) Proxy.newProxyInstance(
                KeycloakSchemaBuild.class.getClassLoader(),
                new Class<?>[] {KeycloakSession.class},
                (proxy, method, arguments) -> {
                    throw new UnsupportedOperationException("KeycloakSession." + method.getName());
                });
        ThreadLocalSessionContext.setCurrentSession(refusing);
        String user = args.length > 1 ? args[1] : null;
        String password = args.length > 2 ? args[2] : null;
        try (Connection connection = DriverManager.getConnection(args[0], user, password)) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            Liquibase liquibase = new Liquibase(
                    "META-INF/jpa-changelog-master.xml", new ClassLoaderResourceAccessor(), database);
            liquibase.update(new Contexts(), new LabelExpression());
        }
    }
}
