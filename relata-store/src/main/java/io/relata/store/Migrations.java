package io.relata.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * Brings a database to the store's current schema with Flyway ({@code db/migration/V*__*.sql}). Flyway works
 * on the store's own connection, so that a private in-memory H2 database is migrated too.
 */
final class Migrations {
    /**
     * Flyway reports every step at INFO through java.util.logging when no other logging library is present;
     * the store keeps it to warnings (held here: java.util.logging forgets loggers nobody references).
     */
    private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

    static {
        FLYWAY_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private Migrations() {}

    static void migrate(Connection connection, String describe) {
        try {
            Flyway.configure(Migrations.class.getClassLoader())
                    .dataSource(new OneConnection(connection))
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            connection.setAutoCommit(false);
        } catch (FlywayException | SQLException e) {
            throw new StoreException("cannot bring the store at " + describe + " to the current schema: "
                    + e.getMessage(), e);
        }
    }

    /** A data source that hands out the one connection and ignores close(): the store closes it. */
    private static final class OneConnection implements DataSource {
        private final Connection proxy;

        OneConnection(Connection target) {
            this.proxy = (Connection) Proxy.newProxyInstance(Migrations.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, (p, method, args) -> {
                        if (method.getName().equals("close")) return null;
                        try {
                            return method.invoke(target, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }

        @Override public Connection getConnection() { return proxy; }
        @Override public Connection getConnection(String username, String password) { return proxy; }
        @Override public PrintWriter getLogWriter() { return null; }
        @Override public void setLogWriter(PrintWriter out) {}
        @Override public void setLoginTimeout(int seconds) {}
        @Override public int getLoginTimeout() { return 0; }
        @Override public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }
        @Override public <T> T unwrap(Class<T> iface) throws SQLException {
            throw new SQLException("not a wrapper");
        }
        @Override public boolean isWrapperFor(Class<?> iface) { return false; }
    }
}
