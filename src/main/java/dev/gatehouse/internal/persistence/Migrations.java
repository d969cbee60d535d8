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
 * Applies Gatehouse's Liquibase changelog from the classpath. Liquibase's lock table serialises
 * concurrent start-ups, so every changeset runs exactly once even when several nodes start at once.
 */
public final class Migrations {

    public static final String CHANGELOG = "dev/gatehouse/liquibase/changelog-master.xml";
    public static final String CHANGELOG_TABLE = "gatehouse_databasechangelog";
    public static final String LOCK_TABLE = "gatehouse_databasechangeloglock";

    private Migrations() {
    }

    /** Applies every pending changeset. */
    public static void apply(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            Database database = DatabaseFactory.getInstance()
                    .findCorrectDatabaseImplementation(new JdbcConnection(connection));
            database.setDatabaseChangeLogTableName(CHANGELOG_TABLE);
            database.setDatabaseChangeLogLockTableName(LOCK_TABLE);
            Map<String, Object> scope = new HashMap<>();
            scope.put(Scope.Attr.resourceAccessor.name(), new ClassLoaderResourceAccessor(Migrations.class.getClassLoader()));
            scope.put("liquibase.analytics.enabled", false);
            scope.put("liquibase.showBanner", false);
            Scope.child(scope, () -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
                    .addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
                    .addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, CHANGELOG)
                    .execute());
        } catch (SQLException e) {
            throw new IllegalStateException("Gatehouse cannot reach its database to apply migrations: " + e.getMessage(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Gatehouse migrations failed: " + e.getMessage(), e);
        }
    }
}
