package dev.gatehouse.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.OidcProviderSettings;
import java.lang.reflect.RecordComponent;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The catalog against the records: every setting lands in its own component and nowhere else,
 * and every component is a setting.
 */
class SettingsCatalogTest {

    /** A valid value other than the default for every setting, as text (on a non-strict base with a Secure cookie). */
    static final Map<String, String> OTHER = new LinkedHashMap<>();

    static {
        OTHER.put("strict", "true");
        OTHER.put("secretKeys", "k1:" + Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'B'));
        OTHER.put("argonTimeCost", "4");
        OTHER.put("argonMemoryKib", "32768");
        OTHER.put("argonParallelism", "1");
        OTHER.put("hashingConcurrency", "7");
        OTHER.put("hashingQueueTimeoutMillis", "2500");
        OTHER.put("trustedHashingSlots", "3");
        OTHER.put("untrustedHashingDutyPercent", "75");
        OTHER.put("passwordMinLength", "12");
        OTHER.put("passwordMaxLength", "256");
        OTHER.put("rejectCommonPasswords", "false");
        OTHER.put("breachedPasswordCheck", "fail-open");
        OTHER.put("breachedPasswordApiUrl", "https://pwned.example.test");
        OTHER.put("breachedPasswordTimeoutMillis", "1500");
        OTHER.put("breachedPasswordMinCount", "5");
        OTHER.put("identifier", "username");
        OTHER.put("usernameMinLength", "4");
        OTHER.put("usernameMaxLength", "20");
        OTHER.put("usernamePattern", "^[a-z]+$");
        OTHER.put("usernameReserved", "root,admin");
        OTHER.put("enableSignup", "false");
        OTHER.put("requireEmailVerified", "true");
        OTHER.put("maxConsecutiveFailures", "20");
        OTHER.put("lockoutSeconds", "900");
        OTHER.put("sessionLifetimeSeconds", "3600");
        OTHER.put("sessionAbsoluteMaxSeconds", "9000000");
        OTHER.put("maxSessionsPerUser", "5");
        OTHER.put("cookieName", "sid");
        OTHER.put("cookieSecure", "false");
        OTHER.put("cookieSameSite", "Strict");
        OTHER.put("cookieDomain", "example.test");
        OTHER.put("cookiePath", "/app");
        OTHER.put("deviceCookieMaxAgeDays", "30");
        OTHER.put("deviceCookieMaxFailures", "5");
        OTHER.put("publicBaseUrl", "https://app.example.test");
        OTHER.put("resetPath", "/reset");
        OTHER.put("verifyPath", "/verify");
        OTHER.put("emailChangePath", "/change-email");
        OTHER.put("passwordResetTtlSeconds", "600");
        OTHER.put("emailVerifyTtlSeconds", "7200");
        OTHER.put("apiTokenMaxPerUser", "5");
        OTHER.put("apiTokenMaxLifetimeDays", "30");
        OTHER.put("apiTokenAllowNoExpiry", "true");
        OTHER.put("revokeApiTokensOnPasswordChange", "true");
        OTHER.put("rateLimitSignInPerHour", "11");
        OTHER.put("rateLimitSignUpPerHour", "6");
        OTHER.put("rateLimitPasswordResetPerHour", "4");
        OTHER.put("rateLimitPasswordChangePerHour", "12");
        OTHER.put("rateLimitUsernameCheckPerHour", "121");
        OTHER.put("rateLimitVerificationEmailPerHour", "2");
        OTHER.put("rateLimitTokenRedeemPerHour", "31");
        OTHER.put("jdbcUrl", "jdbc:h2:mem:other");
        OTHER.put("jdbcUser", "app");
        OTHER.put("jdbcPassword", "hunter2");
        OTHER.put("jdbcPoolSize", "4");
        OTHER.put("dataSourceJndiName", "java:comp/env/jdbc/other");
        OTHER.put("runMigrations", "false");
        OTHER.put("databaseTimeoutSeconds", "9");
        OTHER.put("housekeepingIntervalSeconds", "0");
        OTHER.put("resolveCacheSeconds", "0");
        OTHER.put("resolveCacheSize", "100");
        OTHER.put("cacheInvalidation", "notify");
        OTHER.put("cacheInvalidationPollMillis", "250");
        OTHER.put("cacheInvalidationListenerUrl", "jdbc:postgresql://db.internal:5432/app");
        OTHER.put("smtpHost", "smtp.example.test");
        OTHER.put("smtpPort", "2525");
        OTHER.put("smtpUser", "mailer");
        OTHER.put("smtpPassword", "pw");
        OTHER.put("smtpStartTls", "false");
        OTHER.put("mailFrom", "gate@example.test");
        OTHER.put("authPathPrefix", "/api/auth");
        OTHER.put("enableCredentialsApi", "false");
        OTHER.put("trustedProxies", "10.0.0.0/8");
        OTHER.put("trustedOrigins", "https://admin.example.test");
        OTHER.put("maxRequestBytes", "4096");
        OTHER.put("filterMode", "filter");
        OTHER.put("filterRules", "/admin/*=admin");
        OTHER.put("filterAutoRegister", "false");
        OTHER.put("enableOpenApi", "false");
        OTHER.put("mfaRequiredRoles", "admin");
        OTHER.put("mfaChallengeSeconds", "120");
        OTHER.put("mfaMaxCodesPerChallenge", "3");
        OTHER.put("reauthWindowSeconds", "600");
        OTHER.put("totpIssuer", "Example Corp");
        OTHER.put("auditRetentionDays", "90");
        OTHER.put("securityNotices", "false");
        OTHER.put("enablePasskeys", "false");
        OTHER.put("passkeyRpId", "example.com");
        OTHER.put("passkeyRpName", "Example Corp");
        OTHER.put("passkeyOrigins", "https://example.com");
        OTHER.put("passkeyChallengeSeconds", "120");
        OTHER.put("passwordlessSignUp", "true");
        OTHER.put("oidcProviders", "corp"); // not one text: read() turns it into the provider's own settings
        OTHER.put("oidcFlowSeconds", "300");
        OTHER.put("oidcClockSkewSeconds", "30");
        OTHER.put("oidcSecondStepPath", "/sign-in/second-step");
    }

    /** The provider "corp" that read() configures for oidcProviders. */
    static final List<OidcProviderSettings> PROVIDERS = List.of(
            new OidcProviderSettings("corp", "https://login.example.test", "app", null, null, false, null));

    static Object expected(Setting<?> setting, String text) {
        return setting == SettingsCatalog.OIDC_PROVIDERS ? PROVIDERS : setting.parse(text);
    }

    static AuthSettings read(Map<String, String> given) {
        Map<String, String> props = new HashMap<>(Map.of("gatehouse.strict", "false", "gatehouse.cookieSecure", "true"));
        given.forEach((k, v) -> {
            if (k.equals("oidcProviders")) {
                props.put("gatehouse.oidc." + v + ".issuer", "https://login.example.test");
                props.put("gatehouse.oidc." + v + ".clientId", "app");
            } else {
                props.put("gatehouse." + k, v);
            }
        });
        return SettingsCatalog.build(SettingsReader.read(Map.of(), props, w -> { }));
    }

    @Test
    void everySettingHasATestValue() {
        assertEquals(SettingsCatalog.ALL.stream().map(Setting::name).collect(Collectors.toCollection(TreeSet::new)),
                new TreeSet<>(OTHER.keySet()));
    }

    /** Catches a setting built into the wrong position of its record, or read from the wrong component. */
    @Test
    void eachSettingChangesItsOwnValueAndNoOther() {
        AuthSettings base = read(Map.of());
        for (Setting<?> changed : SettingsCatalog.ALL) {
            String text = OTHER.get(changed.name());
            AuthSettings s = read(Map.of(changed.name(), text));
            assertEquals(expected(changed, text), changed.read(s), changed.name());
            assertNotEquals(changed.read(base), changed.read(s), changed.name() + ": the test value is the default");
            for (Setting<?> other : SettingsCatalog.ALL) {
                if (other != changed) {
                    assertEquals(other.read(base), other.read(s), "setting " + changed.name() + " changed " + other.name());
                }
            }
        }
    }

    /** The catalog's names are the records' component names, both ways, each in exactly one place. */
    @Test
    void theCatalogNamesEveryRecordComponent() throws ReflectiveOperationException {
        AuthSettings s = read(Map.of());
        Map<String, Object> components = new LinkedHashMap<>();
        for (RecordComponent top : AuthSettings.class.getRecordComponents()) {
            Object value = top.getAccessor().invoke(s);
            if (top.getType().isRecord()) {
                for (RecordComponent c : top.getType().getRecordComponents()) {
                    assertEquals(null, components.put(c.getName(), c.getAccessor().invoke(value)), c.getName() + " twice");
                }
            } else {
                components.put(top.getName(), value);
            }
        }
        assertEquals(new TreeSet<>(components.keySet()),
                SettingsCatalog.ALL.stream().map(Setting::name).collect(Collectors.toCollection(TreeSet::new)));
        for (Setting<?> setting : SettingsCatalog.ALL) {
            assertEquals(components.get(setting.name()), setting.read(s), setting.name());
        }
    }

    @Test
    void toBuilderKeepsEveryValue() {
        Map<String, String> all = new HashMap<>(OTHER);
        all.remove("strict"); // the test values include plain-text SMTP credentials
        AuthSettings s = read(all);
        assertEquals(s, s.toBuilder().build());
        assertEquals(AuthSettings.defaults(), AuthSettings.defaults().toBuilder().build());
    }

    @Test
    void environmentNamesAreUpperSnakeCase() {
        assertEquals("GATEHOUSE_ARGON_TIME_COST", SettingsCatalog.ARGON_TIME_COST.envName());
        assertEquals("GATEHOUSE_SMTP_START_TLS", SettingsCatalog.SMTP_START_TLS.envName());
        assertEquals("GATEHOUSE_RATE_LIMIT_SIGN_IN_PER_HOUR", SettingsCatalog.RATE_LIMIT_SIGN_IN_PER_HOUR.envName());
        assertEquals("GATEHOUSE_FILTER_AUTO_REGISTER", SettingsCatalog.FILTER_AUTO_REGISTER.envName());
        assertEquals("gatehouse.dataSourceJndiName", SettingsCatalog.DATA_SOURCE_JNDI_NAME.propertyName());
        assertEquals(SettingsCatalog.ALL.size(), SettingsCatalog.ALL.stream().map(Setting::envName).distinct().count());
        assertEquals(Set.of(), SettingsCatalog.ALL.stream().map(Setting::envName)
                .filter(n -> !n.matches("GATEHOUSE_[A-Z0-9]+(_[A-Z0-9]+)*")).collect(Collectors.toSet()));
    }
}
