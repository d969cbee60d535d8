package dev.gatehouse.internal.persistence;

import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.SharedCacheMode;
import jakarta.persistence.ValidationMode;
import jakarta.persistence.spi.ClassTransformer;
import jakarta.persistence.spi.PersistenceUnitInfo;
import jakarta.persistence.spi.PersistenceUnitTransactionType;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.hibernate.jpa.HibernatePersistenceProvider;

/**
 * Gatehouse's persistence unit, built in code rather than from {@code META-INF/persistence.xml},
 * so WildFly and Payara do not deploy it with their own providers. Resource-local on a non-JTA
 * data source: Gatehouse's writes commit on their own, whatever the caller's transaction does.
 * Hibernate only validates the schema; Liquibase owns it.
 */
public final class GatehousePersistenceUnit {

    static final List<Class<?>> ENTITIES = List.of(UserEntity.class, SessionEntity.class, AuthTokenEntity.class,
            ApiTokenEntity.class, RoleEntity.class, UserRoleEntity.class, RateLimitBucketEntity.class, TotpEntity.class,
            RecoveryCodeEntity.class, MfaChallengeEntity.class, AuditEventEntity.class, PasskeyEntity.class,
            PasskeyChallengeEntity.class, OidcIdentityEntity.class, OidcFlowEntity.class);

    private GatehousePersistenceUnit() {
    }

    public static EntityManagerFactory create(DataSource dataSource, int timeoutSeconds) {
        Map<String, Object> props = Map.ofEntries(
                Map.entry("hibernate.type.json_format_mapper", NoFormatMapper.class.getName()),
                Map.entry("hibernate.type.xml_format_mapper", NoFormatMapper.class.getName()),
                Map.entry("hibernate.hbm2ddl.auto", "validate"),
                Map.entry("hibernate.jdbc.time_zone", "UTC"),
                Map.entry("jakarta.persistence.query.timeout", timeoutSeconds * 1000),
                Map.entry("jakarta.persistence.lock.timeout", timeoutSeconds * 1000),
                Map.entry("hibernate.connection.handling_mode", "DELAYED_ACQUISITION_AND_RELEASE_AFTER_TRANSACTION"),
                Map.entry("jakarta.persistence.validation.mode", "none"),
                Map.entry("hibernate.show_sql", "false"));
        return new HibernatePersistenceProvider().createContainerEntityManagerFactory(
                new Info(new NetworkTimeoutDataSource(dataSource, networkTimeoutMillis(timeoutSeconds))), props);
    }

    /**
     * Twice the statement timeout: a slow but live database is stopped by the statement timeout
     * (and its cancel); a silent one by this.
     */
    static int networkTimeoutMillis(int timeoutSeconds) {
        return (int) Math.min(Integer.MAX_VALUE, timeoutSeconds * 2000L);
    }

    private record Info(DataSource dataSource) implements PersistenceUnitInfo {
        @Override public String getPersistenceUnitName() { return "gatehouse"; }
        @Override public String getPersistenceProviderClassName() { return HibernatePersistenceProvider.class.getName(); }
        @Override public PersistenceUnitTransactionType getTransactionType() { return PersistenceUnitTransactionType.RESOURCE_LOCAL; }
        @Override public DataSource getJtaDataSource() { return null; }
        @Override public DataSource getNonJtaDataSource() { return dataSource; }
        @Override public List<String> getMappingFileNames() { return List.of(); }
        @Override public List<URL> getJarFileUrls() { return List.of(); }
        @Override public URL getPersistenceUnitRootUrl() { return null; }
        @Override public List<String> getManagedClassNames() { return ENTITIES.stream().map(Class::getName).toList(); }
        @Override public boolean excludeUnlistedClasses() { return true; }
        @Override public SharedCacheMode getSharedCacheMode() { return SharedCacheMode.NONE; }
        @Override public ValidationMode getValidationMode() { return ValidationMode.NONE; }
        @Override public Properties getProperties() { return new Properties(); }
        @Override public String getPersistenceXMLSchemaVersion() { return "3.0"; }
        @Override public ClassLoader getClassLoader() { return GatehousePersistenceUnit.class.getClassLoader(); }
        @Override public void addTransformer(ClassTransformer transformer) { }
        @Override public ClassLoader getNewTempClassLoader() { return null; }
    }
}
