package dev.gatehouse.internal.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import liquibase.Scope;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.ClassLoaderResourceAccessor;

/**
 * Applies Gatehouse's Liquibase changelog from the classpath. Liquibase's own lock table cannot
 * protect its own creation (two nodes starting on an empty database both try to create it), so
 * appliers first take a database-wide lock: a PostgreSQL advisory lock, MariaDB/MySQL
 * {@code GET_LOCK}, and a JVM lock for embedded H2. Every changeset then runs exactly once.
 */
public final class Migrations {

    public static final String CHANGELOG = "dev/gatehouse/liquibase/changelog-master.xml";
    public static final String CHANGELOG_TABLE = "gatehouse_databasechangelog";
    public static final String LOCK_TABLE = "gatehouse_databasechangeloglock";

    private Migrations() {
    }

    private static final Object JVM_LOCK = new Object();
    private static final long ADVISORY_KEY = 0x6761746568L; // "gateh"
    private static final int LOCK_WAIT_SECONDS = 300;

    /** Applies every pending changeset. */
    public static void apply(DataSource dataSource) {
        try (Connection lockConnection = dataSource.getConnection()) {
            String product = lockConnection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT);
            if (!lock(lockConnection, product)) {
                synchronized (JVM_LOCK) {
                    update(dataSource);
                }
                return;
            }
            try {
                update(dataSource);
            } finally {
                unlock(lockConnection, product);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Gatehouse cannot reach its database to apply migrations: " + e.getMessage(), e);
        }
    }

    /** @return false when the database has no lock Gatehouse knows (H2): the caller serialises in the JVM */
    private static boolean lock(Connection c, String product) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            if (product.contains("postgres")) {
                s.execute("SELECT pg_advisory_lock(" + ADVISORY_KEY + ")");
                return true;
            } else if (product.contains("mariadb") || product.contains("mysql")) {
                try (java.sql.ResultSet rs = s.executeQuery("SELECT GET_LOCK('gatehouse_migrations', " + LOCK_WAIT_SECONDS + ")")) {
                    if (!rs.next() || rs.getInt(1) != 1) {
                        throw new SQLException("Timed out after " + LOCK_WAIT_SECONDS + " s waiting for another node's migration");
                    }
                }
                return true;
            }
            return false;
        }
    }

    private static void unlock(Connection c, String product) throws SQLException {
        try (java.sql.Statement s = c.createStatement()) {
            if (product.contains("postgres")) {
                s.execute("SELECT pg_advisory_unlock(" + ADVISORY_KEY + ")");
            } else if (product.contains("mariadb") || product.contains("mysql")) {
                s.execute("SELECT RELEASE_LOCK('gatehouse_migrations')");
            }
        }
    }

    private static void update(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDatabaseChangeLogTableName(CHANGELOG_TABLE);
            database.setDatabaseChangeLogLockTableName(LOCK_TABLE);
            Map<String, Object> scope = new HashMap<>();
            scope.put(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()));
            scope.put("liquibase.analytics.enabled", false);
            scope.put("liquibase.showBanner", false);
            // progress goes to the log, never to the application's (or the CLI's) standard output
            scope.put(Scope.Attr.ui.name(), new liquibase.ui.LoggerUIService());
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .addArgumentValue(liquibase.command.core.helpers.ShowSummaryArgument.SHOW_SUMMARY_OUTPUT,
                            liquibase.UpdateSummaryOutputEnum.LOG)
                    .execute());
        } catch (SQLException e) {
            throw new IllegalStateException("Gatehouse cannot reach its database to apply migrations: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Gatehouse migrations failed: " + e.getMessage(), e);
        }
    }
}
