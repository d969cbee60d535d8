package dev.gatehouse.config;

import static dev.gatehouse.config.Checks.blankToNull;
import static dev.gatehouse.config.Checks.fail;
import static dev.gatehouse.internal.config.SettingsCatalog.*;

import dev.gatehouse.internal.config.Setting;
import dev.gatehouse.internal.config.SettingsCatalog;
import dev.gatehouse.internal.config.SettingsReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Every Gatehouse setting, grouped by concern and validated once when constructed: each group
 * record checks its own values, this constructor the rules across groups (strict mode's). Each
 * setting {@code fooBar} can be set by the system property {@code gatehouse.fooBar} or the
 * environment variable {@code GATEHOUSE_FOO_BAR}; a property beats the environment, which beats the
 * default (see {@link #fromEnvironment()}, and {@code docs/SETTINGS.md} for the list). A failed
 * validation throws {@link IllegalArgumentException} naming the setting and the fix.
 * {@link #toString()} hides {@code jdbcPassword}, {@code smtpPassword}, {@code secretKeys} and a JDBC URL's
 * {@code password=} parameter.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when a strict-mode rule across groups
 * is broken or {@code secretKeys} is malformed, and {@link NullPointerException} when a group is null.
 *
 * @param strict     require Secure cookies, https URLs, STARTTLS for SMTP credentials and OWASP Argon2id floors
 * @param secretKeys the server's keyring: {@code id:BASE64,id:BASE64}, each key at least 32 random bytes; the
 *                   first signs, every one verifies (rotate by putting a new key in front). Signs device cookies
 *                   and keys audit fingerprints. Null: a random key per process outside strict mode; in strict
 *                   mode device cookies are off
 * @param hashing    password hashing
 * @param passwords  the password policy
 * @param accounts   account identification, sign-up and lockout
 * @param sessions   sessions and their cookies
 * @param links      single-use links sent by email
 * @param apiTokens  API tokens
 * @param rateLimits hourly rate limits
 * @param database   the database and background work
 * @param mail       the built-in SMTP mailer
 * @param http       the HTTP API and the servlet filter
 * @param security   second factors, re-authentication and the audit trail
 * @param passkeys   passkeys (WebAuthn)
 * @param oidc       sign-in with OpenID Connect providers
 */
public record AuthSettings(
        boolean strict,
        String secretKeys,
        HashingSettings hashing,
        PasswordSettings passwords,
        AccountSettings accounts,
        SessionSettings sessions,
        LinkSettings links,
        ApiTokenSettings apiTokens,
        RateLimitSettings rateLimits,
        DatabaseSettings database,
        MailSettings mail,
        HttpSettings http,
        AccountSecuritySettings security,
        PasskeySettings passkeys,
        OidcSettings oidc) {

    /** OWASP Argon2id minimums: {memory KiB, time cost} pairs, any one of which suffices (p = 1). */
    private static final int[][] ARGON_FLOORS = {{47104, 1}, {19456, 2}, {12288, 3}, {9216, 4}, {7168, 5}};

    public AuthSettings {
        Objects.requireNonNull(hashing, "hashing");
        Objects.requireNonNull(passwords, "passwords");
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(apiTokens, "apiTokens");
        Objects.requireNonNull(rateLimits, "rateLimits");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(mail, "mail");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(security, "security");
        Objects.requireNonNull(passkeys, "passkeys");
        Objects.requireNonNull(oidc, "oidc");
        oidc.check(strict);
        secretKeys = blankToNull(secretKeys);
        if (secretKeys != null) {
            dev.gatehouse.internal.crypto.Keyring.parse(secretKeys); // throws with the entry at fault and the fix
        }
        checkRelyingParty(passkeys, links.publicBaseUrl());
        if (strict) {
            checkStrict(hashing, sessions, links, passwords, mail, http);
            for (String origin : passkeys.origins(links.publicBaseUrl())) {
                if (!origin.startsWith("https://")) {
                    fail("passkeyOrigins must use https in strict mode (got '" + origin + "')");
                }
            }
            if (secretKeys == null && !security.mfaRequiredRoles().isEmpty()) {
                fail("mfaRequiredRoles needs secretKeys in strict mode: second-factor secrets are encrypted with "
                        + "the keyring. Set gatehouse.secretKeys / GATEHOUSE_SECRET_KEYS to 'k1:' + `openssl rand -base64 32`.");
            }
        }
    }

    /** Every origin's host must be the relying party id or end with "." + it (WebAuthn's registrable-suffix rule). */
    private static void checkRelyingParty(PasskeySettings passkeys, String publicBaseUrl) {
        String rpId = passkeys.rpId(publicBaseUrl);
        if (rpId == null) {
            return;
        }
        for (String origin : passkeys.origins(publicBaseUrl)) {
            String host = java.net.URI.create(origin).getHost();
            if (!host.equals(rpId) && !host.endsWith("." + rpId)) {
                fail("passkeyRpId '" + rpId + "' does not cover the origin '" + origin + "': the origin's host must be "
                        + "the relying party id or a subdomain of it. Set passkeyRpId or passkeyOrigins to match.");
            }
        }
    }

    private static void checkStrict(HashingSettings hashing, SessionSettings sessions, LinkSettings links,
                                    PasswordSettings passwords, MailSettings mail, HttpSettings http) {
        if (!sessions.cookieSecure()) {
            fail("cookieSecure must be true in strict mode. Set strict=false for local development and tests.");
        }
        checkArgonFloors(hashing.argonTimeCost(), hashing.argonMemoryKib());
        if (links.publicBaseUrl() != null && !links.publicBaseUrl().startsWith("https://")) {
            fail("publicBaseUrl must use https in strict mode (got '" + links.publicBaseUrl() + "')");
        }
        if (mail.smtpUser() != null && !mail.smtpStartTls()) {
            fail("smtpStartTls must be true in strict mode when smtpUser is set (the SMTP password would cross the "
                    + "network in clear). Use a server with STARTTLS, or strict=false for local development.");
        }
        for (String origin : http.trustedOrigins()) {
            if (!origin.startsWith("https://")) {
                fail("trustedOrigins must use https in strict mode (got '" + origin + "')");
            }
        }
        if (!passwords.breachedPasswordApiUrl().startsWith("https://")) {
            fail("breachedPasswordApiUrl must use https in strict mode (got '" + passwords.breachedPasswordApiUrl() + "')");
        }
    }

    private static void checkArgonFloors(int t, int m) {
        if (m < 7168) {
            fail("argonMemoryKib must be >= 7168 in strict mode (OWASP Argon2id floor, with argonTimeCost >= 5; "
                    + "19456 with t >= 2 is the usual choice) (got " + m + ")");
        }
        for (int[] floor : ARGON_FLOORS) {
            if (m >= floor[0] && t >= floor[1]) {
                return;
            }
        }
        fail("argonTimeCost " + t + " is too low for argonMemoryKib " + m + " in strict mode (OWASP: m>=19456 needs "
                + "t>=2, m>=47104 needs t>=1); raise argonTimeCost or argonMemoryKib");
    }

    /** Defaults for production: strict, Secure cookie, Argon2id m=64 MiB t=3 p=2. */
    public static AuthSettings defaults() {
        return builder().build();
    }

    /**
     * Reads system properties {@code gatehouse.*} and environment variables {@code GATEHOUSE_*}.
     * An unknown {@code gatehouse.*} property is an error (a typo would otherwise be ignored); an
     * unknown {@code GATEHOUSE_*} variable is logged as a warning naming it, and start-up goes on.
     *
     * @throws IllegalArgumentException an unknown property, a value that does not parse, or a failed validation
     */
    public static AuthSettings fromEnvironment() {
        return fromSources(System.getenv(), System.getProperties());
    }

    /**
     * Like {@link #fromEnvironment()} over the given maps, for tests and tools.
     *
     * @param env        environment variables; the {@code GATEHOUSE_*} ones are read
     * @param properties properties; the {@code gatehouse.*} ones are read
     * @return the settings
     * @throws IllegalArgumentException an unknown property, a value that does not parse, or a failed validation
     */
    public static AuthSettings fromSources(Map<String, String> env, Map<?, ?> properties) {
        return new Builder(SettingsReader.read(env, properties, SettingsReader.LOG_WARNING)).build();
    }

    /** Fast, insecure parameters for tests: Argon2id t=1 m=8 KiB p=1 (16 at once), plain cookie, 60 s link TTLs. */
    public AuthSettings forTests() {
        return toBuilder().strict(false).argonTimeCost(1).argonMemoryKib(8).argonParallelism(1).hashingConcurrency(16)
                .cookieSecure(false).passwordResetTtlSeconds(60).emailVerifyTtlSeconds(60).build();
    }

    public static Builder builder() {
        return new Builder(Map.of());
    }

    /** A builder holding every value of these settings. */
    public Builder toBuilder() {
        return new Builder(SettingsCatalog.valuesOf(this));
    }

    @Override
    public String toString() {
        return SettingsCatalog.describe(this);
    }

    /**
     * Builds settings by setting name; every setting not given keeps its default ({@code cookieSecure}'s
     * follows {@code strict}). {@link #build()} validates.
     */
    public static final class Builder {

        private final Map<Setting<?>, Object> values;

        private Builder(Map<Setting<?>, Object> values) {
            this.values = new LinkedHashMap<>(values);
        }

        private <T> Builder set(Setting<T> setting, T value) {
            values.put(setting, value);
            return this;
        }

        /** @throws IllegalArgumentException a value is invalid; the message names the setting and the fix */
        public AuthSettings build() {
            return SettingsCatalog.build(values);
        }

        public Builder strict(boolean v) { return set(STRICT, v); }
        public Builder secretKeys(String v) { return set(SECRET_KEYS, v); }

        public Builder argonTimeCost(int v) { return set(ARGON_TIME_COST, v); }
        public Builder argonMemoryKib(int v) { return set(ARGON_MEMORY_KIB, v); }
        public Builder argonParallelism(int v) { return set(ARGON_PARALLELISM, v); }
        public Builder hashingConcurrency(int v) { return set(HASHING_CONCURRENCY, v); }
        public Builder hashingQueueTimeoutMillis(long v) { return set(HASHING_QUEUE_TIMEOUT_MILLIS, v); }
        public Builder trustedHashingSlots(int v) { return set(TRUSTED_HASHING_SLOTS, v); }
        public Builder untrustedHashingDutyPercent(int v) { return set(UNTRUSTED_HASHING_DUTY_PERCENT, v); }

        public Builder passwordMinLength(int v) { return set(PASSWORD_MIN_LENGTH, v); }
        public Builder passwordMaxLength(int v) { return set(PASSWORD_MAX_LENGTH, v); }
        public Builder rejectCommonPasswords(boolean v) { return set(REJECT_COMMON_PASSWORDS, v); }
        public Builder breachedPasswordCheck(BreachedPasswordCheck v) { return set(BREACHED_PASSWORD_CHECK, v); }
        public Builder breachedPasswordApiUrl(String v) { return set(BREACHED_PASSWORD_API_URL, v); }
        public Builder breachedPasswordTimeoutMillis(long v) { return set(BREACHED_PASSWORD_TIMEOUT_MILLIS, v); }
        public Builder breachedPasswordMinCount(int v) { return set(BREACHED_PASSWORD_MIN_COUNT, v); }

        public Builder identifier(Identifier v) { return set(IDENTIFIER, v); }
        public Builder usernameMinLength(int v) { return set(USERNAME_MIN_LENGTH, v); }
        public Builder usernameMaxLength(int v) { return set(USERNAME_MAX_LENGTH, v); }
        public Builder usernamePattern(String v) { return set(USERNAME_PATTERN, v); }
        public Builder usernameReserved(Set<String> v) { return set(USERNAME_RESERVED, v); }
        public Builder enableSignup(boolean v) { return set(ENABLE_SIGNUP, v); }
        public Builder requireEmailVerified(boolean v) { return set(REQUIRE_EMAIL_VERIFIED, v); }
        public Builder maxConsecutiveFailures(int v) { return set(MAX_CONSECUTIVE_FAILURES, v); }
        public Builder lockoutSeconds(long v) { return set(LOCKOUT_SECONDS, v); }

        public Builder sessionLifetimeSeconds(long v) { return set(SESSION_LIFETIME_SECONDS, v); }
        public Builder sessionAbsoluteMaxSeconds(long v) { return set(SESSION_ABSOLUTE_MAX_SECONDS, v); }
        public Builder maxSessionsPerUser(int v) { return set(MAX_SESSIONS_PER_USER, v); }
        public Builder cookieName(String v) { return set(COOKIE_NAME, v); }
        public Builder cookieSecure(boolean v) { return set(COOKIE_SECURE, v); }
        public Builder cookieSameSite(String v) { return set(COOKIE_SAME_SITE, v); }
        public Builder cookieDomain(String v) { return set(COOKIE_DOMAIN, v); }
        public Builder cookiePath(String v) { return set(COOKIE_PATH, v); }
        public Builder deviceCookieMaxAgeDays(int v) { return set(DEVICE_COOKIE_MAX_AGE_DAYS, v); }
        public Builder deviceCookieMaxFailures(int v) { return set(DEVICE_COOKIE_MAX_FAILURES, v); }

        public Builder publicBaseUrl(String v) { return set(PUBLIC_BASE_URL, v); }
        public Builder resetPath(String v) { return set(RESET_PATH, v); }
        public Builder verifyPath(String v) { return set(VERIFY_PATH, v); }
        public Builder emailChangePath(String v) { return set(EMAIL_CHANGE_PATH, v); }
        public Builder passwordResetTtlSeconds(long v) { return set(PASSWORD_RESET_TTL_SECONDS, v); }
        public Builder emailVerifyTtlSeconds(long v) { return set(EMAIL_VERIFY_TTL_SECONDS, v); }

        public Builder apiTokenMaxPerUser(int v) { return set(API_TOKEN_MAX_PER_USER, v); }
        public Builder apiTokenMaxLifetimeDays(int v) { return set(API_TOKEN_MAX_LIFETIME_DAYS, v); }
        public Builder apiTokenAllowNoExpiry(boolean v) { return set(API_TOKEN_ALLOW_NO_EXPIRY, v); }
        public Builder revokeApiTokensOnPasswordChange(boolean v) { return set(REVOKE_API_TOKENS_ON_PASSWORD_CHANGE, v); }

        public Builder rateLimitSignInPerHour(int v) { return set(RATE_LIMIT_SIGN_IN_PER_HOUR, v); }
        public Builder rateLimitSignUpPerHour(int v) { return set(RATE_LIMIT_SIGN_UP_PER_HOUR, v); }
        public Builder rateLimitPasswordResetPerHour(int v) { return set(RATE_LIMIT_PASSWORD_RESET_PER_HOUR, v); }
        public Builder rateLimitPasswordChangePerHour(int v) { return set(RATE_LIMIT_PASSWORD_CHANGE_PER_HOUR, v); }
        public Builder rateLimitUsernameCheckPerHour(int v) { return set(RATE_LIMIT_USERNAME_CHECK_PER_HOUR, v); }
        public Builder rateLimitVerificationEmailPerHour(int v) { return set(RATE_LIMIT_VERIFICATION_EMAIL_PER_HOUR, v); }
        public Builder rateLimitTokenRedeemPerHour(int v) { return set(RATE_LIMIT_TOKEN_REDEEM_PER_HOUR, v); }

        public Builder jdbcUrl(String v) { return set(JDBC_URL, v); }
        public Builder jdbcUser(String v) { return set(JDBC_USER, v); }
        public Builder jdbcPassword(String v) { return set(JDBC_PASSWORD, v); }
        public Builder jdbcPoolSize(int v) { return set(JDBC_POOL_SIZE, v); }
        public Builder dataSourceJndiName(String v) { return set(DATA_SOURCE_JNDI_NAME, v); }
        public Builder runMigrations(boolean v) { return set(RUN_MIGRATIONS, v); }
        public Builder databaseTimeoutSeconds(int v) { return set(DATABASE_TIMEOUT_SECONDS, v); }
        public Builder housekeepingIntervalSeconds(long v) { return set(HOUSEKEEPING_INTERVAL_SECONDS, v); }
        public Builder resolveCacheSeconds(long v) { return set(RESOLVE_CACHE_SECONDS, v); }
        public Builder resolveCacheSize(int v) { return set(RESOLVE_CACHE_SIZE, v); }
        public Builder cacheInvalidation(CacheInvalidation v) { return set(CACHE_INVALIDATION, v); }
        public Builder cacheInvalidationPollMillis(int v) { return set(CACHE_INVALIDATION_POLL_MILLIS, v); }
        public Builder cacheInvalidationListenerUrl(String v) { return set(CACHE_INVALIDATION_LISTENER_URL, v); }

        public Builder smtpHost(String v) { return set(SMTP_HOST, v); }
        public Builder smtpPort(int v) { return set(SMTP_PORT, v); }
        public Builder smtpUser(String v) { return set(SMTP_USER, v); }
        public Builder smtpPassword(String v) { return set(SMTP_PASSWORD, v); }
        public Builder smtpStartTls(boolean v) { return set(SMTP_START_TLS, v); }
        public Builder mailFrom(String v) { return set(MAIL_FROM, v); }

        public Builder authPathPrefix(String v) { return set(AUTH_PATH_PREFIX, v); }
        public Builder enableCredentialsApi(boolean v) { return set(ENABLE_CREDENTIALS_API, v); }
        public Builder trustedProxies(Set<String> v) { return set(TRUSTED_PROXIES, v); }
        public Builder trustedOrigins(Set<String> v) { return set(TRUSTED_ORIGINS, v); }
        public Builder maxRequestBytes(int v) { return set(MAX_REQUEST_BYTES, v); }
        public Builder filterMode(FilterMode v) { return set(FILTER_MODE, v); }
        public Builder filterRules(String v) { return set(FILTER_RULES, v); }
        public Builder filterAutoRegister(boolean v) { return set(FILTER_AUTO_REGISTER, v); }
        public Builder enableOpenApi(boolean v) { return set(ENABLE_OPEN_API, v); }

        public Builder mfaRequiredRoles(java.util.Set<String> v) { return set(MFA_REQUIRED_ROLES, v); }
        public Builder mfaChallengeSeconds(long v) { return set(MFA_CHALLENGE_SECONDS, v); }
        public Builder mfaMaxCodesPerChallenge(int v) { return set(MFA_MAX_CODES_PER_CHALLENGE, v); }
        public Builder reauthWindowSeconds(long v) { return set(REAUTH_WINDOW_SECONDS, v); }
        public Builder totpIssuer(String v) { return set(TOTP_ISSUER, v); }
        public Builder auditRetentionDays(int v) { return set(AUDIT_RETENTION_DAYS, v); }
        public Builder securityNotices(boolean v) { return set(SECURITY_NOTICES, v); }

        public Builder enablePasskeys(boolean v) { return set(ENABLE_PASSKEYS, v); }
        public Builder oidcProviders(java.util.List<OidcProviderSettings> v) { return set(OIDC_PROVIDERS, v); }
        public Builder oidcFlowSeconds(long v) { return set(OIDC_FLOW_SECONDS, v); }
        public Builder oidcClockSkewSeconds(long v) { return set(OIDC_CLOCK_SKEW_SECONDS, v); }
        public Builder oidcSecondStepPath(String v) { return set(OIDC_SECOND_STEP_PATH, v); }
        public Builder passkeyRpId(String v) { return set(PASSKEY_RP_ID, v); }
        public Builder passkeyRpName(String v) { return set(PASSKEY_RP_NAME, v); }
        public Builder passkeyOrigins(Set<String> v) { return set(PASSKEY_ORIGINS, v); }
        public Builder passkeyChallengeSeconds(long v) { return set(PASSKEY_CHALLENGE_SECONDS, v); }
        public Builder passwordlessSignUp(boolean v) { return set(PASSWORDLESS_SIGN_UP, v); }
    }
}
