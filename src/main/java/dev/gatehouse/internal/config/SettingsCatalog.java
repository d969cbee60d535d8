package dev.gatehouse.internal.config;

import static dev.gatehouse.internal.config.Codec.BOOLEAN;
import static dev.gatehouse.internal.config.Codec.INT;
import static dev.gatehouse.internal.config.Codec.LIST;
import static dev.gatehouse.internal.config.Codec.LONG;
import static dev.gatehouse.internal.config.Codec.TEXT;
import static dev.gatehouse.internal.config.Setting.derived;
import static dev.gatehouse.internal.config.Setting.of;

import dev.gatehouse.config.AccountSecuritySettings;
import dev.gatehouse.config.OidcProviderSettings;
import dev.gatehouse.config.OidcSettings;
import dev.gatehouse.config.PasskeySettings;
import dev.gatehouse.config.AccountSettings;
import dev.gatehouse.config.ApiTokenSettings;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.BreachedPasswordCheck;
import dev.gatehouse.config.CacheInvalidation;
import dev.gatehouse.config.DatabaseSettings;
import dev.gatehouse.config.FilterMode;
import dev.gatehouse.config.HashingSettings;
import dev.gatehouse.config.HttpSettings;
import dev.gatehouse.config.Identifier;
import dev.gatehouse.config.LinkSettings;
import dev.gatehouse.config.MailSettings;
import dev.gatehouse.config.PasswordSettings;
import dev.gatehouse.config.RateLimitSettings;
import dev.gatehouse.config.SessionSettings;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Every setting, once: its name (from which the property and environment names follow), how its
 * text is read, its default and where {@link AuthSettings} holds it. Validation is the records'.
 */
public final class SettingsCatalog {

    private SettingsCatalog() {
    }

    public static final Setting<Boolean> STRICT = of("strict", BOOLEAN, true, AuthSettings::strict);
    public static final Setting<String> SECRET_KEYS = of("secretKeys", TEXT, null, AuthSettings::secretKeys).secret();

    // hashing
    public static final Setting<Integer> ARGON_TIME_COST = of("argonTimeCost", INT, 3, s -> s.hashing().argonTimeCost());
    public static final Setting<Integer> ARGON_MEMORY_KIB = of("argonMemoryKib", INT, 65536, s -> s.hashing().argonMemoryKib());
    public static final Setting<Integer> ARGON_PARALLELISM = of("argonParallelism", INT, 2, s -> s.hashing().argonParallelism());
    public static final Setting<Integer> HASHING_CONCURRENCY = derived("hashingConcurrency", INT,
            v -> Math.max(1, Runtime.getRuntime().availableProcessors() / 2), s -> s.hashing().hashingConcurrency());
    public static final Setting<Long> HASHING_QUEUE_TIMEOUT_MILLIS = of("hashingQueueTimeoutMillis", LONG, 10_000L,
            s -> s.hashing().hashingQueueTimeoutMillis());
    public static final Setting<Integer> TRUSTED_HASHING_SLOTS = of("trustedHashingSlots", INT, 1,
            s -> s.hashing().trustedHashingSlots());
    public static final Setting<Integer> UNTRUSTED_HASHING_DUTY_PERCENT = of("untrustedHashingDutyPercent", INT, 50,
            s -> s.hashing().untrustedHashingDutyPercent());

    // passwords
    public static final Setting<Integer> PASSWORD_MIN_LENGTH = of("passwordMinLength", INT, 8,
            s -> s.passwords().passwordMinLength());
    public static final Setting<Integer> PASSWORD_MAX_LENGTH = of("passwordMaxLength", INT, 1024,
            s -> s.passwords().passwordMaxLength());
    public static final Setting<Boolean> REJECT_COMMON_PASSWORDS = of("rejectCommonPasswords", BOOLEAN, true,
            s -> s.passwords().rejectCommonPasswords());
    public static final Setting<BreachedPasswordCheck> BREACHED_PASSWORD_CHECK = of("breachedPasswordCheck",
            Codec.oneOf(BreachedPasswordCheck.values(), BreachedPasswordCheck::wireName, null), BreachedPasswordCheck.OFF,
            s -> s.passwords().breachedPasswordCheck());
    public static final Setting<String> BREACHED_PASSWORD_API_URL = of("breachedPasswordApiUrl", TEXT,
            "https://api.pwnedpasswords.com", s -> s.passwords().breachedPasswordApiUrl());
    public static final Setting<Long> BREACHED_PASSWORD_TIMEOUT_MILLIS = of("breachedPasswordTimeoutMillis", LONG, 2000L,
            s -> s.passwords().breachedPasswordTimeoutMillis());
    public static final Setting<Integer> BREACHED_PASSWORD_MIN_COUNT = of("breachedPasswordMinCount", INT, 1,
            s -> s.passwords().breachedPasswordMinCount());

    // accounts
    public static final Setting<Identifier> IDENTIFIER = of("identifier",
            Codec.oneOf(Identifier.values(), Identifier::wireName, Identifier.EMAIL), Identifier.EMAIL,
            s -> s.accounts().identifier());
    public static final Setting<Integer> USERNAME_MIN_LENGTH = of("usernameMinLength", INT, 3,
            s -> s.accounts().usernameMinLength());
    public static final Setting<Integer> USERNAME_MAX_LENGTH = of("usernameMaxLength", INT, 30,
            s -> s.accounts().usernameMaxLength());
    public static final Setting<String> USERNAME_PATTERN = of("usernamePattern", TEXT, "^[a-z0-9_-]+$",
            s -> s.accounts().usernamePattern());
    public static final Setting<Set<String>> USERNAME_RESERVED = of("usernameReserved", LIST,
            AccountSettings.DEFAULT_RESERVED_USERNAMES, s -> s.accounts().usernameReserved());
    public static final Setting<Boolean> ENABLE_SIGNUP = of("enableSignup", BOOLEAN, true, s -> s.accounts().enableSignup());
    public static final Setting<Boolean> REQUIRE_EMAIL_VERIFIED = of("requireEmailVerified", BOOLEAN, false,
            s -> s.accounts().requireEmailVerified());
    public static final Setting<Integer> MAX_CONSECUTIVE_FAILURES = of("maxConsecutiveFailures", INT, 100,
            s -> s.accounts().maxConsecutiveFailures());
    public static final Setting<Long> LOCKOUT_SECONDS = of("lockoutSeconds", LONG, 3600L, s -> s.accounts().lockoutSeconds());

    // sessions and their cookies
    public static final Setting<Long> SESSION_LIFETIME_SECONDS = of("sessionLifetimeSeconds", LONG, 2_592_000L,
            s -> s.sessions().sessionLifetimeSeconds());
    public static final Setting<Long> SESSION_ABSOLUTE_MAX_SECONDS = of("sessionAbsoluteMaxSeconds", LONG, 7_776_000L,
            s -> s.sessions().sessionAbsoluteMaxSeconds());
    public static final Setting<Integer> MAX_SESSIONS_PER_USER = of("maxSessionsPerUser", INT, 0,
            s -> s.sessions().maxSessionsPerUser());
    public static final Setting<String> COOKIE_NAME = of("cookieName", TEXT, "gatehouse_session",
            s -> s.sessions().cookieName());
    public static final Setting<Boolean> COOKIE_SECURE = derived("cookieSecure", BOOLEAN, v -> v.get(STRICT),
            s -> s.sessions().cookieSecure());
    public static final Setting<String> COOKIE_SAME_SITE = of("cookieSameSite", TEXT, "Lax", s -> s.sessions().cookieSameSite());
    public static final Setting<String> COOKIE_DOMAIN = of("cookieDomain", TEXT, null, s -> s.sessions().cookieDomain());
    public static final Setting<String> COOKIE_PATH = of("cookiePath", TEXT, "/", s -> s.sessions().cookiePath());
    public static final Setting<Integer> DEVICE_COOKIE_MAX_AGE_DAYS = of("deviceCookieMaxAgeDays", INT, 180,
            s -> s.sessions().deviceCookieMaxAgeDays());
    public static final Setting<Integer> DEVICE_COOKIE_MAX_FAILURES = of("deviceCookieMaxFailures", INT, 10,
            s -> s.sessions().deviceCookieMaxFailures());

    // single-use links
    public static final Setting<String> PUBLIC_BASE_URL = of("publicBaseUrl", TEXT, null, s -> s.links().publicBaseUrl());
    public static final Setting<String> RESET_PATH = of("resetPath", TEXT, "/reset-password", s -> s.links().resetPath());
    public static final Setting<String> VERIFY_PATH = of("verifyPath", TEXT, "/verify-email", s -> s.links().verifyPath());
    public static final Setting<String> EMAIL_CHANGE_PATH = of("emailChangePath", TEXT, "/email/change",
            s -> s.links().emailChangePath());
    public static final Setting<Long> PASSWORD_RESET_TTL_SECONDS = of("passwordResetTtlSeconds", LONG, 1800L,
            s -> s.links().passwordResetTtlSeconds());
    public static final Setting<Long> EMAIL_VERIFY_TTL_SECONDS = of("emailVerifyTtlSeconds", LONG, 86_400L,
            s -> s.links().emailVerifyTtlSeconds());

    // API tokens
    public static final Setting<Integer> API_TOKEN_MAX_PER_USER = of("apiTokenMaxPerUser", INT, 50,
            s -> s.apiTokens().apiTokenMaxPerUser());
    public static final Setting<Integer> API_TOKEN_MAX_LIFETIME_DAYS = of("apiTokenMaxLifetimeDays", INT, 365,
            s -> s.apiTokens().apiTokenMaxLifetimeDays());
    public static final Setting<Boolean> API_TOKEN_ALLOW_NO_EXPIRY = of("apiTokenAllowNoExpiry", BOOLEAN, false,
            s -> s.apiTokens().apiTokenAllowNoExpiry());
    public static final Setting<Boolean> REVOKE_API_TOKENS_ON_PASSWORD_CHANGE = of("revokeApiTokensOnPasswordChange",
            BOOLEAN, false, s -> s.apiTokens().revokeApiTokensOnPasswordChange());

    // rate limits
    public static final Setting<Integer> RATE_LIMIT_SIGN_IN_PER_HOUR = of("rateLimitSignInPerHour", INT, 10,
            s -> s.rateLimits().rateLimitSignInPerHour());
    public static final Setting<Integer> RATE_LIMIT_SIGN_UP_PER_HOUR = of("rateLimitSignUpPerHour", INT, 5,
            s -> s.rateLimits().rateLimitSignUpPerHour());
    public static final Setting<Integer> RATE_LIMIT_PASSWORD_RESET_PER_HOUR = of("rateLimitPasswordResetPerHour", INT, 3,
            s -> s.rateLimits().rateLimitPasswordResetPerHour());
    public static final Setting<Integer> RATE_LIMIT_PASSWORD_CHANGE_PER_HOUR = of("rateLimitPasswordChangePerHour", INT, 10,
            s -> s.rateLimits().rateLimitPasswordChangePerHour());
    public static final Setting<Integer> RATE_LIMIT_USERNAME_CHECK_PER_HOUR = of("rateLimitUsernameCheckPerHour", INT, 120,
            s -> s.rateLimits().rateLimitUsernameCheckPerHour());
    public static final Setting<Integer> RATE_LIMIT_VERIFICATION_EMAIL_PER_HOUR = of("rateLimitVerificationEmailPerHour",
            INT, 3, s -> s.rateLimits().rateLimitVerificationEmailPerHour());
    public static final Setting<Integer> RATE_LIMIT_TOKEN_REDEEM_PER_HOUR = of("rateLimitTokenRedeemPerHour", INT, 30,
            s -> s.rateLimits().rateLimitTokenRedeemPerHour());

    // database
    public static final Setting<String> JDBC_URL = of("jdbcUrl", TEXT, null, s -> s.database().jdbcUrl());
    public static final Setting<String> JDBC_USER = of("jdbcUser", TEXT, null, s -> s.database().jdbcUser());
    public static final Setting<String> JDBC_PASSWORD = of("jdbcPassword", TEXT, null, s -> s.database().jdbcPassword())
            .secret();
    public static final Setting<Integer> JDBC_POOL_SIZE = of("jdbcPoolSize", INT, 10, s -> s.database().jdbcPoolSize());
    public static final Setting<String> DATA_SOURCE_JNDI_NAME = of("dataSourceJndiName", TEXT, null,
            s -> s.database().dataSourceJndiName());
    public static final Setting<Boolean> RUN_MIGRATIONS = of("runMigrations", BOOLEAN, true, s -> s.database().runMigrations());
    public static final Setting<Integer> DATABASE_TIMEOUT_SECONDS = of("databaseTimeoutSeconds", INT, 5,
            s -> s.database().databaseTimeoutSeconds());
    public static final Setting<Long> HOUSEKEEPING_INTERVAL_SECONDS = of("housekeepingIntervalSeconds", LONG, 3600L,
            s -> s.database().housekeepingIntervalSeconds());
    public static final Setting<Long> RESOLVE_CACHE_SECONDS = of("resolveCacheSeconds", LONG, 5L,
            s -> s.database().resolveCacheSeconds());
    public static final Setting<Integer> RESOLVE_CACHE_SIZE = of("resolveCacheSize", INT, 10_000,
            s -> s.database().resolveCacheSize());
    public static final Setting<CacheInvalidation> CACHE_INVALIDATION = of("cacheInvalidation",
            Codec.oneOf(CacheInvalidation.values(), CacheInvalidation::wireName, null), CacheInvalidation.AUTO,
            s -> s.database().cacheInvalidation());
    public static final Setting<Integer> CACHE_INVALIDATION_POLL_MILLIS = of("cacheInvalidationPollMillis", INT, 500,
            s -> s.database().cacheInvalidationPollMillis());
    public static final Setting<String> CACHE_INVALIDATION_LISTENER_URL = of("cacheInvalidationListenerUrl", TEXT, null,
            s -> s.database().cacheInvalidationListenerUrl());

    // mail
    public static final Setting<String> SMTP_HOST = of("smtpHost", TEXT, null, s -> s.mail().smtpHost());
    public static final Setting<Integer> SMTP_PORT = of("smtpPort", INT, 587, s -> s.mail().smtpPort());
    public static final Setting<String> SMTP_USER = of("smtpUser", TEXT, null, s -> s.mail().smtpUser());
    public static final Setting<String> SMTP_PASSWORD = of("smtpPassword", TEXT, null, s -> s.mail().smtpPassword()).secret();
    public static final Setting<Boolean> SMTP_START_TLS = of("smtpStartTls", BOOLEAN, true, s -> s.mail().smtpStartTls());
    public static final Setting<String> MAIL_FROM = of("mailFrom", TEXT, "no-reply@localhost", s -> s.mail().mailFrom());

    // HTTP and the servlet filter
    public static final Setting<String> AUTH_PATH_PREFIX = of("authPathPrefix", TEXT, "/auth", s -> s.http().authPathPrefix());
    public static final Setting<Boolean> ENABLE_CREDENTIALS_API = of("enableCredentialsApi", BOOLEAN, true,
            s -> s.http().enableCredentialsApi());
    public static final Setting<Set<String>> TRUSTED_PROXIES = of("trustedProxies", LIST, Set.of(),
            s -> s.http().trustedProxies());
    public static final Setting<Set<String>> TRUSTED_ORIGINS = of("trustedOrigins", LIST, Set.of(),
            s -> s.http().trustedOrigins());
    public static final Setting<Integer> MAX_REQUEST_BYTES = of("maxRequestBytes", INT, 16_384, s -> s.http().maxRequestBytes());
    public static final Setting<FilterMode> FILTER_MODE = of("filterMode",
            Codec.oneOf(FilterMode.values(), FilterMode::wireName, null), FilterMode.CONTAINER, s -> s.http().filterMode());
    public static final Setting<String> FILTER_RULES = of("filterRules", TEXT, "", s -> s.http().filterRules());
    public static final Setting<Boolean> FILTER_AUTO_REGISTER = of("filterAutoRegister", BOOLEAN, true,
            s -> s.http().filterAutoRegister());
    public static final Setting<Boolean> ENABLE_OPEN_API = of("enableOpenApi", BOOLEAN, true, s -> s.http().enableOpenApi());

    // second factors, re-authentication, audit trail
    public static final Setting<Set<String>> MFA_REQUIRED_ROLES = of("mfaRequiredRoles", LIST, Set.of(),
            s -> s.security().mfaRequiredRoles());
    public static final Setting<Long> MFA_CHALLENGE_SECONDS = of("mfaChallengeSeconds", LONG, 300L,
            s -> s.security().mfaChallengeSeconds());
    public static final Setting<Integer> MFA_MAX_CODES_PER_CHALLENGE = of("mfaMaxCodesPerChallenge", INT, 5,
            s -> s.security().mfaMaxCodesPerChallenge());
    public static final Setting<Long> REAUTH_WINDOW_SECONDS = of("reauthWindowSeconds", LONG, 300L,
            s -> s.security().reauthWindowSeconds());
    public static final Setting<String> TOTP_ISSUER = of("totpIssuer", TEXT, "Gatehouse", s -> s.security().totpIssuer());
    public static final Setting<Integer> AUDIT_RETENTION_DAYS = of("auditRetentionDays", INT, 365,
            s -> s.security().auditRetentionDays());
    public static final Setting<Boolean> SECURITY_NOTICES = of("securityNotices", BOOLEAN, true,
            s -> s.security().securityNotices());

    // passkeys
    public static final Setting<Boolean> ENABLE_PASSKEYS = of("enablePasskeys", BOOLEAN, true, s -> s.passkeys().enablePasskeys());
    public static final Setting<String> PASSKEY_RP_ID = of("passkeyRpId", TEXT, null, s -> s.passkeys().passkeyRpId());
    public static final Setting<String> PASSKEY_RP_NAME = of("passkeyRpName", TEXT, "Gatehouse", s -> s.passkeys().passkeyRpName());
    public static final Setting<Set<String>> PASSKEY_ORIGINS = of("passkeyOrigins", LIST, Set.of(),
            s -> s.passkeys().passkeyOrigins());
    public static final Setting<Long> PASSKEY_CHALLENGE_SECONDS = of("passkeyChallengeSeconds", LONG, 300L,
            s -> s.passkeys().passkeyChallengeSeconds());
    public static final Setting<Boolean> PASSWORDLESS_SIGN_UP = of("passwordlessSignUp", BOOLEAN, false,
            s -> s.passkeys().passwordlessSignUp());

    // OpenID Connect sign-in
    /** Not written as one text: each provider has its own settings, which {@link SettingsReader} gathers into this list. */
    public static final Setting<List<OidcProviderSettings>> OIDC_PROVIDERS = of("oidcProviders", OidcProviderReader.CODEC,
            List.of(), s -> s.oidc().oidcProviders());
    public static final Setting<Long> OIDC_FLOW_SECONDS = of("oidcFlowSeconds", LONG, 600L, s -> s.oidc().oidcFlowSeconds());
    public static final Setting<Long> OIDC_CLOCK_SKEW_SECONDS = of("oidcClockSkewSeconds", LONG, 60L,
            s -> s.oidc().oidcClockSkewSeconds());
    public static final Setting<String> OIDC_SECOND_STEP_PATH = of("oidcSecondStepPath", TEXT, "/login/code",
            s -> s.oidc().oidcSecondStepPath());

    /** Every setting, in the order {@link #describe} prints them. */
    public static final List<Setting<?>> ALL = List.of(STRICT, SECRET_KEYS,
            ARGON_TIME_COST, ARGON_MEMORY_KIB, ARGON_PARALLELISM, HASHING_CONCURRENCY, HASHING_QUEUE_TIMEOUT_MILLIS,
            TRUSTED_HASHING_SLOTS, UNTRUSTED_HASHING_DUTY_PERCENT,
            PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH, REJECT_COMMON_PASSWORDS, BREACHED_PASSWORD_CHECK,
            BREACHED_PASSWORD_API_URL, BREACHED_PASSWORD_TIMEOUT_MILLIS, BREACHED_PASSWORD_MIN_COUNT,
            IDENTIFIER, USERNAME_MIN_LENGTH, USERNAME_MAX_LENGTH, USERNAME_PATTERN, USERNAME_RESERVED, ENABLE_SIGNUP,
            REQUIRE_EMAIL_VERIFIED, MAX_CONSECUTIVE_FAILURES, LOCKOUT_SECONDS,
            SESSION_LIFETIME_SECONDS, SESSION_ABSOLUTE_MAX_SECONDS, MAX_SESSIONS_PER_USER, COOKIE_NAME, COOKIE_SECURE,
            COOKIE_SAME_SITE, COOKIE_DOMAIN, COOKIE_PATH, DEVICE_COOKIE_MAX_AGE_DAYS, DEVICE_COOKIE_MAX_FAILURES,
            PUBLIC_BASE_URL, RESET_PATH, VERIFY_PATH, EMAIL_CHANGE_PATH, PASSWORD_RESET_TTL_SECONDS, EMAIL_VERIFY_TTL_SECONDS,
            API_TOKEN_MAX_PER_USER, API_TOKEN_MAX_LIFETIME_DAYS, API_TOKEN_ALLOW_NO_EXPIRY,
            REVOKE_API_TOKENS_ON_PASSWORD_CHANGE,
            RATE_LIMIT_SIGN_IN_PER_HOUR, RATE_LIMIT_SIGN_UP_PER_HOUR, RATE_LIMIT_PASSWORD_RESET_PER_HOUR,
            RATE_LIMIT_PASSWORD_CHANGE_PER_HOUR, RATE_LIMIT_USERNAME_CHECK_PER_HOUR,
            RATE_LIMIT_VERIFICATION_EMAIL_PER_HOUR, RATE_LIMIT_TOKEN_REDEEM_PER_HOUR,
            JDBC_URL, JDBC_USER, JDBC_PASSWORD, JDBC_POOL_SIZE, DATA_SOURCE_JNDI_NAME, RUN_MIGRATIONS,
            DATABASE_TIMEOUT_SECONDS, HOUSEKEEPING_INTERVAL_SECONDS, RESOLVE_CACHE_SECONDS, RESOLVE_CACHE_SIZE,
            CACHE_INVALIDATION, CACHE_INVALIDATION_POLL_MILLIS, CACHE_INVALIDATION_LISTENER_URL,
            SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD, SMTP_START_TLS, MAIL_FROM,
            AUTH_PATH_PREFIX, ENABLE_CREDENTIALS_API, TRUSTED_PROXIES, TRUSTED_ORIGINS, MAX_REQUEST_BYTES, FILTER_MODE,
            FILTER_RULES, FILTER_AUTO_REGISTER, ENABLE_OPEN_API,
            MFA_REQUIRED_ROLES, MFA_CHALLENGE_SECONDS, MFA_MAX_CODES_PER_CHALLENGE, REAUTH_WINDOW_SECONDS, TOTP_ISSUER,
            AUDIT_RETENTION_DAYS, SECURITY_NOTICES,
            ENABLE_PASSKEYS, PASSKEY_RP_ID, PASSKEY_RP_NAME, PASSKEY_ORIGINS, PASSKEY_CHALLENGE_SECONDS, PASSWORDLESS_SIGN_UP,
            OIDC_PROVIDERS, OIDC_FLOW_SECONDS, OIDC_CLOCK_SKEW_SECONDS, OIDC_SECOND_STEP_PATH);

    /**
     * Settings from the given values, every other one at its default.
     *
     * @throws IllegalArgumentException a value is invalid; the message names the setting and the fix
     */
    public static AuthSettings build(Map<Setting<?>, ?> given) {
        Values v = new Values(given);
        return new AuthSettings(v.get(STRICT), v.get(SECRET_KEYS),
                new HashingSettings(v.get(ARGON_TIME_COST), v.get(ARGON_MEMORY_KIB), v.get(ARGON_PARALLELISM),
                        v.get(HASHING_CONCURRENCY), v.get(HASHING_QUEUE_TIMEOUT_MILLIS), v.get(TRUSTED_HASHING_SLOTS),
                        v.get(UNTRUSTED_HASHING_DUTY_PERCENT)),
                new PasswordSettings(v.get(PASSWORD_MIN_LENGTH), v.get(PASSWORD_MAX_LENGTH), v.get(REJECT_COMMON_PASSWORDS),
                        v.get(BREACHED_PASSWORD_CHECK), v.get(BREACHED_PASSWORD_API_URL),
                        v.get(BREACHED_PASSWORD_TIMEOUT_MILLIS), v.get(BREACHED_PASSWORD_MIN_COUNT)),
                new AccountSettings(v.get(IDENTIFIER), v.get(USERNAME_MIN_LENGTH), v.get(USERNAME_MAX_LENGTH),
                        v.get(USERNAME_PATTERN), v.get(USERNAME_RESERVED), v.get(ENABLE_SIGNUP), v.get(REQUIRE_EMAIL_VERIFIED),
                        v.get(MAX_CONSECUTIVE_FAILURES), v.get(LOCKOUT_SECONDS)),
                new SessionSettings(v.get(SESSION_LIFETIME_SECONDS), v.get(SESSION_ABSOLUTE_MAX_SECONDS),
                        v.get(MAX_SESSIONS_PER_USER), v.get(COOKIE_NAME), v.get(COOKIE_SECURE), v.get(COOKIE_SAME_SITE),
                        v.get(COOKIE_DOMAIN), v.get(COOKIE_PATH), v.get(DEVICE_COOKIE_MAX_AGE_DAYS),
                        v.get(DEVICE_COOKIE_MAX_FAILURES)),
                new LinkSettings(v.get(PUBLIC_BASE_URL), v.get(RESET_PATH), v.get(VERIFY_PATH), v.get(EMAIL_CHANGE_PATH),
                        v.get(PASSWORD_RESET_TTL_SECONDS), v.get(EMAIL_VERIFY_TTL_SECONDS)),
                new ApiTokenSettings(v.get(API_TOKEN_MAX_PER_USER), v.get(API_TOKEN_MAX_LIFETIME_DAYS),
                        v.get(API_TOKEN_ALLOW_NO_EXPIRY), v.get(REVOKE_API_TOKENS_ON_PASSWORD_CHANGE)),
                new RateLimitSettings(v.get(RATE_LIMIT_SIGN_IN_PER_HOUR), v.get(RATE_LIMIT_SIGN_UP_PER_HOUR),
                        v.get(RATE_LIMIT_PASSWORD_RESET_PER_HOUR), v.get(RATE_LIMIT_PASSWORD_CHANGE_PER_HOUR),
                        v.get(RATE_LIMIT_USERNAME_CHECK_PER_HOUR), v.get(RATE_LIMIT_VERIFICATION_EMAIL_PER_HOUR),
                        v.get(RATE_LIMIT_TOKEN_REDEEM_PER_HOUR)),
                new DatabaseSettings(v.get(JDBC_URL), v.get(JDBC_USER), v.get(JDBC_PASSWORD), v.get(JDBC_POOL_SIZE),
                        v.get(DATA_SOURCE_JNDI_NAME), v.get(RUN_MIGRATIONS), v.get(DATABASE_TIMEOUT_SECONDS),
                        v.get(HOUSEKEEPING_INTERVAL_SECONDS), v.get(RESOLVE_CACHE_SECONDS), v.get(RESOLVE_CACHE_SIZE),
                        v.get(CACHE_INVALIDATION), v.get(CACHE_INVALIDATION_POLL_MILLIS),
                        v.get(CACHE_INVALIDATION_LISTENER_URL)),
                new MailSettings(v.get(SMTP_HOST), v.get(SMTP_PORT), v.get(SMTP_USER), v.get(SMTP_PASSWORD),
                        v.get(SMTP_START_TLS), v.get(MAIL_FROM)),
                new HttpSettings(v.get(AUTH_PATH_PREFIX), v.get(ENABLE_CREDENTIALS_API), v.get(TRUSTED_PROXIES),
                        v.get(TRUSTED_ORIGINS), v.get(MAX_REQUEST_BYTES), v.get(FILTER_MODE), v.get(FILTER_RULES),
                        v.get(FILTER_AUTO_REGISTER), v.get(ENABLE_OPEN_API)),
                new AccountSecuritySettings(v.get(MFA_REQUIRED_ROLES), v.get(MFA_CHALLENGE_SECONDS),
                        v.get(MFA_MAX_CODES_PER_CHALLENGE), v.get(REAUTH_WINDOW_SECONDS), v.get(TOTP_ISSUER),
                        v.get(AUDIT_RETENTION_DAYS), v.get(SECURITY_NOTICES)),
                new PasskeySettings(v.get(ENABLE_PASSKEYS), v.get(PASSKEY_RP_ID), v.get(PASSKEY_RP_NAME),
                        v.get(PASSKEY_ORIGINS), v.get(PASSKEY_CHALLENGE_SECONDS), v.get(PASSWORDLESS_SIGN_UP)),
                new OidcSettings(v.get(OIDC_PROVIDERS), v.get(OIDC_FLOW_SECONDS), v.get(OIDC_CLOCK_SKEW_SECONDS),
                        v.get(OIDC_SECOND_STEP_PATH)));
    }

    /** Every value {@code settings} holds, so a builder can start from them. */
    public static Map<Setting<?>, Object> valuesOf(AuthSettings settings) {
        Map<Setting<?>, Object> values = new java.util.LinkedHashMap<>();
        for (Setting<?> s : ALL) {
            values.put(s, s.read(settings));
        }
        return values;
    }

    /** {@code AuthSettings[strict=true, ...]}, secrets as {@code ***}, reserved usernames counted. */
    public static String describe(AuthSettings settings) {
        StringJoiner out = new StringJoiner(", ", "AuthSettings[", "]");
        for (Setting<?> s : ALL) {
            Object v = s.read(settings);
            if (s.isSecret() && v != null) {
                v = "***";
            } else if (s == JDBC_URL || s == CACHE_INVALIDATION_LISTENER_URL) {
                v = dev.gatehouse.internal.persistence.Pools.redact((String) v);
            } else if (s == USERNAME_RESERVED) {
                v = ((Set<?>) v).size() + " names";
            }
            out.add(s.name() + "=" + v);
        }
        return out.toString();
    }
}
