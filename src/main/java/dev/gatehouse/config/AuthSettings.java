package dev.gatehouse.config;

import dev.gatehouse.Gatehouse;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Every Gatehouse setting, validated once when constructed. Each field {@code fooBar} can be set
 * by the system property {@code gatehouse.fooBar} or the environment variable
 * {@code GATEHOUSE_FOO_BAR}; a property beats the environment, which beats the default (see
 * {@link #fromEnvironment()}). A failed validation throws {@link IllegalArgumentException} naming
 * the field and the fix. {@link #toString()} hides {@code jdbcPassword}, {@code smtpPassword} and {@code secretKeys}.
 *
 * @param strict                   require Secure cookies and OWASP Argon2id floors (default true)
 * @param hashingConcurrency       password hashes allowed at once (default: half the available processors, at
 *                                 least 1, so hashing under attack leaves CPU for other requests); sign-in
 *                                 attempts in progress are capped at 5 x this
 * @param hashingQueueTimeoutMillis how long a caller waits for a hashing slot before {@code overloaded}
 * @param rejectCommonPasswords    reject the 30,000 most common passwords (default true)
 * @param maxConsecutiveFailures   failed sign-ins in a row that lock an account (default 100, at most 100)
 * @param lockoutSeconds           quiet time after which the failure count of an account is forgotten
 * @param apiTokenMaxPerUser       live API tokens one user may hold
 * @param apiTokenMaxLifetimeDays  longest API token lifetime, and the lifetime when none is asked for
 * @param apiTokenAllowNoExpiry    allow API tokens that never expire (default false)
 * @param revokeApiTokensOnPasswordChange whether a password change or reset also revokes API tokens (default false)
 * @param housekeepingIntervalSeconds how often {@link Gatehouse} sweeps expired rows; 0 disables
 * @param jdbcUrl                  JDBC URL when Gatehouse builds its own pool (no DataSource supplied)
 * @param dataSourceJndiName       JNDI name of a container DataSource (must not be a JTA/XA source)
 * @param runMigrations            apply the Liquibase changelog at start-up (default true)
 * @param databaseTimeoutSeconds   connection acquisition, statement and lock timeout; a database that does not
 *                                 answer at all is given twice this (JDBC network timeout) before the request fails
 * @param publicBaseUrl            absolute URL the application is reached at; links in emails are built
 *                                 from it, never from the request's Host header (https in strict mode)
 * @param resetPath                path of the application's reset-password page (the link adds {@code ?token=})
 * @param verifyPath               path of the application's verify-email page
 * @param trustedProxies           proxy addresses or CIDR blocks whose {@code X-Forwarded-For} is believed
 * @param maxRequestBytes          largest JSON body the HTTP API reads (413 beyond)
 * @param smtpHost                 SMTP server for the built-in mailer; none means the dev outbox (non-strict)
 * @param resolveCacheSeconds      how long a node may reuse a resolved session or API token (and the user's
 *                                 roles) before asking the database again; changes made on the same node
 *                                 apply at once, on other nodes within this bound; 0 disables the cache
 * @param resolveCacheSize         most entries that cache holds
 * @param trustedOrigins           other origins ({@code https://admin.example.com}) whose browser pages may send
 *                                 state-changing requests; every other cross-origin one, {@code same-site} included,
 *                                 is refused (403 {@code csrf})
 * @param maxSessionsPerUser       live sessions one user may hold; a new sign-in ends the oldest beyond it (0, the
 *                                 default: unlimited)
 * @param rateLimitPasswordChangePerHour password change attempts per session per hour (wrong current passwords also
 *                                 count towards the account's consecutive-failure lock)
 * @param breachedPasswordCheck    look new passwords up in Have I Been Pwned's Pwned Passwords corpus: {@code off}
 *                                 (default; nothing leaves the server), {@code fail-open} (accept when the service
 *                                 cannot answer) or {@code fail-closed} (refuse with 503 until it answers); only
 *                                 the first 5 hex digits of the password's SHA-1 are sent (k-anonymity, padded)
 * @param breachedPasswordApiUrl   base URL of the range API, {@code /range/<prefix>} is appended (default
 *                                 {@code https://api.pwnedpasswords.com}; https in strict mode)
 * @param breachedPasswordTimeoutMillis longest wait for the whole answer (default 2000) before the service counts
 *                                 as unavailable
 * @param breachedPasswordMinCount how many times a password must appear in the corpus to be refused (default 1)
 * @param secretKeys               the server's keyring: {@code id:BASE64,id:BASE64}, each key at least 32 random
 *                                 bytes; the first signs, every one verifies (rotate by putting a new key in
 *                                 front). Signs device cookies and keys audit fingerprints. Unset: a random key
 *                                 per process outside strict mode; in strict mode device cookies are off
 * @param deviceCookieMaxAgeDays   lifetime of a device cookie (default 180)
 * @param deviceCookieMaxFailures  failed sign-ins in a row with one device cookie before it stops being trusted,
 *                                 for {@code lockoutSeconds} (default 10; {@code maxConsecutiveFailures} when
 *                                 that is smaller)
 * @param trustedHashingSlots      password hashes reserved for sign-ins with a valid device cookie, on top of
 *                                 {@code hashingConcurrency}, which untrusted attempts cannot take (default 1)
 * @param untrustedHashingDutyPercent while callers wait for a hashing slot, the share of its time a slot may spend on
 *                                 untrusted hashes: after each it rests for the rest (default 50; 100 never rests), so
 *                                 a flood leaves CPU to trusted sign-ins and other requests
 */
public record AuthSettings(
        boolean strict,
        int argonTimeCost,
        int argonMemoryKib,
        int argonParallelism,
        int hashingConcurrency,
        long hashingQueueTimeoutMillis,
        int passwordMinLength,
        int passwordMaxLength,
        boolean rejectCommonPasswords,
        long sessionLifetimeSeconds,
        long sessionAbsoluteMaxSeconds,
        String cookieName,
        boolean cookieSecure,
        String cookieSameSite,
        String cookieDomain,
        String cookiePath,
        String authPathPrefix,
        boolean enableCredentialsApi,
        boolean enableSignup,
        long passwordResetTtlSeconds,
        long emailVerifyTtlSeconds,
        int rateLimitSignInPerHour,
        int rateLimitSignUpPerHour,
        int rateLimitPasswordResetPerHour,
        int rateLimitUsernameCheckPerHour,
        int rateLimitVerificationEmailPerHour,
        int rateLimitTokenRedeemPerHour,
        int maxConsecutiveFailures,
        long lockoutSeconds,
        boolean requireEmailVerified,
        Identifier identifier,
        int usernameMinLength,
        int usernameMaxLength,
        String usernamePattern,
        Set<String> usernameReserved,
        int apiTokenMaxPerUser,
        int apiTokenMaxLifetimeDays,
        boolean apiTokenAllowNoExpiry,
        boolean revokeApiTokensOnPasswordChange,
        long housekeepingIntervalSeconds,
        String jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        String dataSourceJndiName,
        int jdbcPoolSize,
        boolean runMigrations,
        int databaseTimeoutSeconds,
        String publicBaseUrl,
        String resetPath,
        String verifyPath,
        Set<String> trustedProxies,
        int maxRequestBytes,
        String smtpHost,
        int smtpPort,
        String smtpUser,
        String smtpPassword,
        boolean smtpStartTls,
        String mailFrom,
        long resolveCacheSeconds,
        int resolveCacheSize,
        Set<String> trustedOrigins,
        int maxSessionsPerUser,
        int rateLimitPasswordChangePerHour,
        BreachedPasswordCheck breachedPasswordCheck,
        String breachedPasswordApiUrl,
        long breachedPasswordTimeoutMillis,
        int breachedPasswordMinCount,
        String secretKeys,
        int deviceCookieMaxAgeDays,
        int deviceCookieMaxFailures,
        int trustedHashingSlots,
        int untrustedHashingDutyPercent) {

    /** The built-in reserved usernames (pyxle-auth's list). */
    public static final Set<String> DEFAULT_RESERVED_USERNAMES = Set.copyOf(Arrays.asList((
            "admin administrator root superuser sysadmin system support help helpdesk staff team moderator mod "
            + "owner official security abuse postmaster webmaster noreply no-reply donotreply login logout "
            + "signin sign-in signout sign-out signup sign-up register auth oauth sso session account accounts "
            + "settings profile password verify me user users api app www mail email ftp smtp static assets "
            + "public cdn media files download downloads dashboard home index search explore billing payment "
            + "payments checkout status health metrics about contact terms privacy legal docs blog favicon "
            + "robots sitemap null undefined none nan anonymous guest test").split(" ")));

    /** OWASP Argon2id minimums: {memory KiB, time cost} pairs, any one of which suffices (p = 1). */
    private static final int[][] ARGON_FLOORS = {{47104, 1}, {19456, 2}, {12288, 3}, {9216, 4}, {7168, 5}};

    public AuthSettings {
        usernameReserved = normaliseReserved(usernameReserved);
        cookieDomain = blankToNull(cookieDomain);
        jdbcUrl = blankToNull(jdbcUrl);
        jdbcUser = blankToNull(jdbcUser);
        jdbcPassword = blankToNull(jdbcPassword);
        dataSourceJndiName = blankToNull(dataSourceJndiName);
        if (identifier == null) {
            throw new IllegalArgumentException("identifier must be 'email' or 'username'");
        }
        validate(strict, argonTimeCost, argonMemoryKib, argonParallelism, cookieSecure, cookieSameSite);
        positive("hashingConcurrency", hashingConcurrency);
        positive("hashingQueueTimeoutMillis", hashingQueueTimeoutMillis);
        positive("passwordMinLength", passwordMinLength);
        if (passwordMaxLength <= passwordMinLength) {
            fail("passwordMaxLength must be > passwordMinLength (got " + passwordMaxLength + " <= " + passwordMinLength + ")");
        }
        if (passwordMaxLength < 64) {
            fail("passwordMaxLength must be >= 64 so long passphrases fit (got " + passwordMaxLength + ")");
        }
        positive("sessionLifetimeSeconds", sessionLifetimeSeconds);
        if (sessionAbsoluteMaxSeconds < sessionLifetimeSeconds) {
            fail("sessionAbsoluteMaxSeconds must be >= sessionLifetimeSeconds (got " + sessionAbsoluteMaxSeconds
                    + " < " + sessionLifetimeSeconds + ")");
        }
        if (cookieName == null || !cookieName.matches("[A-Za-z0-9_.-]+") || cookieName.startsWith("__")) {
            fail("cookieName must be letters, digits, '_', '.' or '-' without a '__' prefix (got '" + cookieName
                    + "'); Gatehouse adds __Host- itself when the cookie is Secure without a Domain");
        }
        if (cookiePath == null || !cookiePath.startsWith("/")) {
            fail("cookiePath must start with '/' (got '" + cookiePath + "')");
        }
        if (authPathPrefix == null || !authPathPrefix.startsWith("/") || authPathPrefix.length() < 2
                || authPathPrefix.endsWith("/")) {
            fail("authPathPrefix must start with '/', have at least 2 characters and not end with '/' (got '"
                    + authPathPrefix + "')");
        }
        positive("passwordResetTtlSeconds", passwordResetTtlSeconds);
        positive("emailVerifyTtlSeconds", emailVerifyTtlSeconds);
        positive("rateLimitSignInPerHour", rateLimitSignInPerHour);
        positive("rateLimitSignUpPerHour", rateLimitSignUpPerHour);
        positive("rateLimitPasswordResetPerHour", rateLimitPasswordResetPerHour);
        positive("rateLimitUsernameCheckPerHour", rateLimitUsernameCheckPerHour);
        positive("rateLimitVerificationEmailPerHour", rateLimitVerificationEmailPerHour);
        positive("rateLimitTokenRedeemPerHour", rateLimitTokenRedeemPerHour);
        if (maxConsecutiveFailures < 1 || maxConsecutiveFailures > 100) {
            fail("maxConsecutiveFailures must be between 1 and 100 (NIST SP 800-63B) (got " + maxConsecutiveFailures + ")");
        }
        positive("lockoutSeconds", lockoutSeconds);
        if (usernameMinLength < 1) {
            fail("usernameMinLength must be >= 1 (got " + usernameMinLength + ")");
        }
        if (usernameMaxLength < usernameMinLength || usernameMaxLength > 64) {
            fail("usernameMaxLength must be between usernameMinLength and 64 (got " + usernameMaxLength + ")");
        }
        try {
            Pattern.compile(usernamePattern);
        } catch (PatternSyntaxException | NullPointerException e) {
            fail("usernamePattern is not a valid regular expression: " + usernamePattern);
        }
        positive("apiTokenMaxPerUser", apiTokenMaxPerUser);
        positive("apiTokenMaxLifetimeDays", apiTokenMaxLifetimeDays);
        if (housekeepingIntervalSeconds < 0) {
            fail("housekeepingIntervalSeconds must be >= 0; 0 disables the sweep (got " + housekeepingIntervalSeconds + ")");
        }
        positive("jdbcPoolSize", jdbcPoolSize);
        positive("databaseTimeoutSeconds", databaseTimeoutSeconds);
        publicBaseUrl = blankToNull(publicBaseUrl);
        if (publicBaseUrl != null) {
            if (!publicBaseUrl.matches("https?://[^/?#\\s]+(/[^?#\\s]*)?")) {
                fail("publicBaseUrl must be an absolute http(s) URL without query (got '" + publicBaseUrl + "')");
            }
            if (strict && !publicBaseUrl.startsWith("https://")) {
                fail("publicBaseUrl must use https in strict mode (got '" + publicBaseUrl + "')");
            }
            if (publicBaseUrl.endsWith("/")) {
                publicBaseUrl = publicBaseUrl.substring(0, publicBaseUrl.length() - 1);
            }
        }
        if (resetPath == null || !resetPath.startsWith("/") || verifyPath == null || !verifyPath.startsWith("/")) {
            fail("resetPath and verifyPath must start with '/' (got '" + resetPath + "', '" + verifyPath + "')");
        }
        trustedProxies = trustedProxies == null ? Set.of() : Set.copyOf(trustedProxies);
        if (maxRequestBytes < 1024) {
            fail("maxRequestBytes must be >= 1024 (got " + maxRequestBytes + ")");
        }
        smtpHost = blankToNull(smtpHost);
        smtpUser = blankToNull(smtpUser);
        smtpPassword = blankToNull(smtpPassword);
        if (smtpPort < 1 || smtpPort > 65535) {
            fail("smtpPort must be between 1 and 65535 (got " + smtpPort + ")");
        }
        if (strict && smtpUser != null && !smtpStartTls) {
            fail("smtpStartTls must be true in strict mode when smtpUser is set (the SMTP password would cross the "
                    + "network in clear). Use a server with STARTTLS, or strict=false for local development.");
        }
        if (resolveCacheSeconds < 0 || resolveCacheSeconds > 300) {
            fail("resolveCacheSeconds must be between 0 (off) and 300 (got " + resolveCacheSeconds + ")");
        }
        positive("resolveCacheSize", resolveCacheSize);
        trustedOrigins = trustedOrigins == null ? Set.of() : Set.copyOf(trustedOrigins);
        for (String origin : trustedOrigins) {
            if (!origin.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
                fail("trustedOrigins must be origins like https://admin.example.com (scheme, host, optional port; "
                        + "no path or trailing '/') (got '" + origin + "')");
            }
            if (strict && !origin.startsWith("https://")) {
                fail("trustedOrigins must use https in strict mode (got '" + origin + "')");
            }
        }
        if (maxSessionsPerUser < 0) {
            fail("maxSessionsPerUser must be >= 0; 0 means unlimited (got " + maxSessionsPerUser + ")");
        }
        positive("rateLimitPasswordChangePerHour", rateLimitPasswordChangePerHour);
        if (mailFrom == null || !mailFrom.contains("@")) {
            fail("mailFrom must be an email address (got '" + mailFrom + "')");
        }
        if (breachedPasswordCheck == null) {
            fail("breachedPasswordCheck must be 'off', 'fail-open' or 'fail-closed'");
        }
        breachedPasswordApiUrl = breachedPasswordApiUrl(strict, blankToNull(breachedPasswordApiUrl));
        if (breachedPasswordTimeoutMillis < 1 || breachedPasswordTimeoutMillis > 30_000) {
            fail("breachedPasswordTimeoutMillis must be between 1 and 30000; every sign-up, password change and reset "
                    + "may wait this long (got " + breachedPasswordTimeoutMillis + ")");
        }
        positive("breachedPasswordMinCount", breachedPasswordMinCount);
        secretKeys = blankToNull(secretKeys);
        if (secretKeys != null) {
            dev.gatehouse.internal.crypto.Keyring.parse(secretKeys); // throws with the entry at fault and the fix
        }
        if (deviceCookieMaxAgeDays < 1 || deviceCookieMaxAgeDays > 400) {
            fail("deviceCookieMaxAgeDays must be between 1 and 400 (browsers cap cookies at 400 days) (got "
                    + deviceCookieMaxAgeDays + ")");
        }
        if (deviceCookieMaxFailures < 1 || deviceCookieMaxFailures > 100) {
            fail("deviceCookieMaxFailures must be between 1 and 100 (got " + deviceCookieMaxFailures + ")");
        }
        positive("trustedHashingSlots", trustedHashingSlots);
        if (untrustedHashingDutyPercent < 10 || untrustedHashingDutyPercent > 100) {
            fail("untrustedHashingDutyPercent must be between 10 and 100; 100 lets untrusted hashes run back to back "
                    + "(got " + untrustedHashingDutyPercent + ")");
        }
    }

    private static String breachedPasswordApiUrl(boolean strict, String url) {
        if (url == null || !url.matches("https?://[^/?#\\s@]+(/[^?#\\s]*)?")) {
            fail("breachedPasswordApiUrl must be an absolute http(s) URL without user info, query or fragment, "
                    + "e.g. https://api.pwnedpasswords.com (got '" + url + "')");
        }
        if (strict && !url.startsWith("https://")) {
            fail("breachedPasswordApiUrl must use https in strict mode (got '" + url + "')");
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    private static void validate(boolean strict, int t, int m, int p, boolean secure, String sameSite) {
        if (!List.of("Lax", "Strict", "None").contains(sameSite)) {
            fail("cookieSameSite must be Lax, Strict or None (got '" + sameSite + "')");
        }
        if (sameSite.equals("None") && !secure) {
            fail("SameSite=None requires cookieSecure=true; browsers reject it otherwise");
        }
        positive("argonTimeCost", t);
        positive("argonParallelism", p);
        if (m < 8 * p) {
            fail("argonMemoryKib must be >= 8 x argonParallelism (got " + m + ")");
        }
        if (!strict) {
            return;
        }
        if (!secure) {
            fail("cookieSecure must be true in strict mode. Set strict=false for local development and tests.");
        }
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
     * An unknown {@code gatehouse.*} property is an error (a typo would otherwise be ignored).
     */
    public static AuthSettings fromEnvironment() {
        return fromSources(System.getenv(), System.getProperties());
    }

    /** Like {@link #fromEnvironment()} over the given maps, for tests and tools. */
    public static AuthSettings fromSources(Map<String, String> env, Map<?, ?> properties) {
        List<String> names = componentNames();
        List<String> unknown = new ArrayList<>();
        for (Object key : properties.keySet()) {
            String k = String.valueOf(key);
            if (k.startsWith("gatehouse.") && !names.contains(k.substring("gatehouse.".length()))) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            unknown.sort(null);
            fail("Unknown Gatehouse setting(s) " + unknown + "; supported: gatehouse." + String.join(", gatehouse.", names));
        }
        Builder builder = builder();
        for (RecordComponent c : AuthSettings.class.getRecordComponents()) {
            String prop = "gatehouse." + c.getName();
            String envName = envName(c.getName());
            Object raw = properties.get(prop);
            String value = raw != null ? raw.toString() : env.get(envName);
            if (value != null) {
                builder.values.put(c.getName(), parse(c, value, prop + " / " + envName));
            }
        }
        return builder.build();
    }

    /** Fast, insecure parameters for tests: Argon2id t=1 m=8 KiB p=1 (16 at once), plain cookie, 60 s link TTLs. */
    public AuthSettings forTests() {
        return toBuilder().strict(false).argonTimeCost(1).argonMemoryKib(8).argonParallelism(1).hashingConcurrency(16)
                .cookieSecure(false).passwordResetTtlSeconds(60).emailVerifyTtlSeconds(60).build();
    }

    /**
     * The cookie name the browser sees: with {@code __Host-} in front when the cookie is Secure,
     * host-only and for path {@code /} (ASVS 3.3.1).
     */
    public String effectiveCookieName() {
        return cookieSecure && cookieDomain == null && cookiePath.equals("/") ? "__Host-" + cookieName : cookieName;
    }

    /**
     * The device cookie's name: {@code __Host-gatehouse_device} when cookies are Secure, else
     * {@code gatehouse_device}. It is always host-only with path {@code /}.
     */
    public String deviceCookieName() {
        return cookieSecure ? "__Host-gatehouse_device" : "gatehouse_device";
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        for (RecordComponent c : AuthSettings.class.getRecordComponents()) {
            try {
                b.values.put(c.getName(), c.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
        return b;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("AuthSettings[");
        for (RecordComponent c : AuthSettings.class.getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(this);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if ((c.getName().equals("jdbcPassword") || c.getName().equals("smtpPassword")
                    || c.getName().equals("secretKeys")) && v != null) {
                v = "***";
            }
            if (c.getName().equals("usernameReserved")) {
                v = ((Set<?>) v).size() + " names";
            }
            s.append(c.getName()).append('=').append(v).append(", ");
        }
        return s.substring(0, s.length() - 2) + "]";
    }

    static String envName(String field) {
        return "GATEHOUSE_" + field.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    private static List<String> componentNames() {
        return Arrays.stream(AuthSettings.class.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static Object parse(RecordComponent c, String value, String source) {
        Class<?> type = c.getType();
        String v = value.trim();
        try {
            if (type == int.class) {
                return Integer.parseInt(v);
            }
            if (type == long.class) {
                return Long.parseLong(v);
            }
        } catch (NumberFormatException e) {
            fail(source + " must be a whole number (got '" + value + "')");
        }
        if (type == boolean.class) {
            switch (v.toLowerCase(Locale.ROOT)) {
                case "true", "1", "yes", "on" -> {
                    return true;
                }
                case "false", "0", "no", "off" -> {
                    return false;
                }
                default -> fail(source + " must be true or false (got '" + value + "')");
            }
        }
        if (type == Identifier.class) {
            return Identifier.parse(v);
        }
        if (type == BreachedPasswordCheck.class) {
            return BreachedPasswordCheck.parse(v);
        }
        if (type == Set.class) {
            return v.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(v.split("\\s*,\\s*")));
        }
        return value;
    }

    private static Set<String> normaliseReserved(Set<String> reserved) {
        Set<String> out = new TreeSet<>();
        if (reserved != null) {
            for (String r : reserved) {
                if (r != null && !r.isBlank()) {
                    out.add(r.trim().toLowerCase(Locale.ROOT));
                }
            }
        }
        return Set.copyOf(out);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void positive(String field, long value) {
        if (value <= 0) {
            fail(field + " must be > 0 (got " + value + ")");
        }
    }

    private static void fail(String message) {
        throw new IllegalArgumentException(message);
    }

    /** Builds settings from the defaults; {@link #build()} validates. */
    public static final class Builder {

        private final Map<String, Object> values = new LinkedHashMap<>();

        private Builder() {
        }

        private Builder put(String name, Object value) {
            values.put(name, value);
            return this;
        }

        public Builder strict(boolean v) { return put("strict", v); }
        public Builder argonTimeCost(int v) { return put("argonTimeCost", v); }
        public Builder argonMemoryKib(int v) { return put("argonMemoryKib", v); }
        public Builder argonParallelism(int v) { return put("argonParallelism", v); }
        public Builder hashingConcurrency(int v) { return put("hashingConcurrency", v); }
        public Builder hashingQueueTimeoutMillis(long v) { return put("hashingQueueTimeoutMillis", v); }
        public Builder passwordMinLength(int v) { return put("passwordMinLength", v); }
        public Builder passwordMaxLength(int v) { return put("passwordMaxLength", v); }
        public Builder rejectCommonPasswords(boolean v) { return put("rejectCommonPasswords", v); }
        public Builder sessionLifetimeSeconds(long v) { return put("sessionLifetimeSeconds", v); }
        public Builder sessionAbsoluteMaxSeconds(long v) { return put("sessionAbsoluteMaxSeconds", v); }
        public Builder cookieName(String v) { return put("cookieName", v); }
        public Builder cookieSecure(boolean v) { return put("cookieSecure", v); }
        public Builder cookieSameSite(String v) { return put("cookieSameSite", v); }
        public Builder cookieDomain(String v) { return put("cookieDomain", v); }
        public Builder cookiePath(String v) { return put("cookiePath", v); }
        public Builder authPathPrefix(String v) { return put("authPathPrefix", v); }
        public Builder enableCredentialsApi(boolean v) { return put("enableCredentialsApi", v); }
        public Builder enableSignup(boolean v) { return put("enableSignup", v); }
        public Builder passwordResetTtlSeconds(long v) { return put("passwordResetTtlSeconds", v); }
        public Builder emailVerifyTtlSeconds(long v) { return put("emailVerifyTtlSeconds", v); }
        public Builder rateLimitSignInPerHour(int v) { return put("rateLimitSignInPerHour", v); }
        public Builder rateLimitSignUpPerHour(int v) { return put("rateLimitSignUpPerHour", v); }
        public Builder rateLimitPasswordResetPerHour(int v) { return put("rateLimitPasswordResetPerHour", v); }
        public Builder rateLimitUsernameCheckPerHour(int v) { return put("rateLimitUsernameCheckPerHour", v); }
        public Builder rateLimitVerificationEmailPerHour(int v) { return put("rateLimitVerificationEmailPerHour", v); }
        public Builder rateLimitTokenRedeemPerHour(int v) { return put("rateLimitTokenRedeemPerHour", v); }
        public Builder maxConsecutiveFailures(int v) { return put("maxConsecutiveFailures", v); }
        public Builder lockoutSeconds(long v) { return put("lockoutSeconds", v); }
        public Builder requireEmailVerified(boolean v) { return put("requireEmailVerified", v); }
        public Builder identifier(Identifier v) { return put("identifier", v); }
        public Builder usernameMinLength(int v) { return put("usernameMinLength", v); }
        public Builder usernameMaxLength(int v) { return put("usernameMaxLength", v); }
        public Builder usernamePattern(String v) { return put("usernamePattern", v); }
        public Builder usernameReserved(Set<String> v) { return put("usernameReserved", v); }
        public Builder apiTokenMaxPerUser(int v) { return put("apiTokenMaxPerUser", v); }
        public Builder apiTokenMaxLifetimeDays(int v) { return put("apiTokenMaxLifetimeDays", v); }
        public Builder apiTokenAllowNoExpiry(boolean v) { return put("apiTokenAllowNoExpiry", v); }
        public Builder revokeApiTokensOnPasswordChange(boolean v) { return put("revokeApiTokensOnPasswordChange", v); }
        public Builder housekeepingIntervalSeconds(long v) { return put("housekeepingIntervalSeconds", v); }
        public Builder jdbcUrl(String v) { return put("jdbcUrl", v); }
        public Builder jdbcUser(String v) { return put("jdbcUser", v); }
        public Builder jdbcPassword(String v) { return put("jdbcPassword", v); }
        public Builder dataSourceJndiName(String v) { return put("dataSourceJndiName", v); }
        public Builder jdbcPoolSize(int v) { return put("jdbcPoolSize", v); }
        public Builder runMigrations(boolean v) { return put("runMigrations", v); }
        public Builder databaseTimeoutSeconds(int v) { return put("databaseTimeoutSeconds", v); }
        public Builder publicBaseUrl(String v) { return put("publicBaseUrl", v); }
        public Builder resetPath(String v) { return put("resetPath", v); }
        public Builder verifyPath(String v) { return put("verifyPath", v); }
        public Builder trustedProxies(Set<String> v) { return put("trustedProxies", v); }
        public Builder maxRequestBytes(int v) { return put("maxRequestBytes", v); }
        public Builder smtpHost(String v) { return put("smtpHost", v); }
        public Builder smtpPort(int v) { return put("smtpPort", v); }
        public Builder smtpUser(String v) { return put("smtpUser", v); }
        public Builder smtpPassword(String v) { return put("smtpPassword", v); }
        public Builder smtpStartTls(boolean v) { return put("smtpStartTls", v); }
        public Builder mailFrom(String v) { return put("mailFrom", v); }
        public Builder resolveCacheSeconds(long v) { return put("resolveCacheSeconds", v); }
        public Builder resolveCacheSize(int v) { return put("resolveCacheSize", v); }
        public Builder trustedOrigins(Set<String> v) { return put("trustedOrigins", v); }
        public Builder maxSessionsPerUser(int v) { return put("maxSessionsPerUser", v); }
        public Builder rateLimitPasswordChangePerHour(int v) { return put("rateLimitPasswordChangePerHour", v); }
        public Builder breachedPasswordCheck(BreachedPasswordCheck v) { return put("breachedPasswordCheck", v); }
        public Builder breachedPasswordApiUrl(String v) { return put("breachedPasswordApiUrl", v); }
        public Builder breachedPasswordTimeoutMillis(long v) { return put("breachedPasswordTimeoutMillis", v); }
        public Builder breachedPasswordMinCount(int v) { return put("breachedPasswordMinCount", v); }
        public Builder secretKeys(String v) { return put("secretKeys", v); }
        public Builder deviceCookieMaxAgeDays(int v) { return put("deviceCookieMaxAgeDays", v); }
        public Builder deviceCookieMaxFailures(int v) { return put("deviceCookieMaxFailures", v); }
        public Builder trustedHashingSlots(int v) { return put("trustedHashingSlots", v); }
        public Builder untrustedHashingDutyPercent(int v) { return put("untrustedHashingDutyPercent", v); }

        /** @throws IllegalArgumentException a value is invalid; the message names the field and the fix */
        public AuthSettings build() {
            Map<String, Object> v = new LinkedHashMap<>(DEFAULTS);
            v.putAll(values);
            if (!values.containsKey("cookieSecure")) {
                v.put("cookieSecure", v.get("strict"));
            }
            RecordComponent[] components = AuthSettings.class.getRecordComponents();
            Object[] args = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                args[i] = v.get(components[i].getName());
                types[i] = components[i].getType();
            }
            try {
                Constructor<AuthSettings> ctor = AuthSettings.class.getDeclaredConstructor(types);
                return ctor.newInstance(args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static final Map<String, Object> DEFAULTS = defaultValues();

    private static Map<String, Object> defaultValues() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("strict", true);
        d.put("argonTimeCost", 3);
        d.put("argonMemoryKib", 65536);
        d.put("argonParallelism", 2);
        d.put("hashingConcurrency", Math.max(1, Runtime.getRuntime().availableProcessors() / 2));
        d.put("hashingQueueTimeoutMillis", 10_000L);
        d.put("passwordMinLength", 8);
        d.put("passwordMaxLength", 1024);
        d.put("rejectCommonPasswords", true);
        d.put("sessionLifetimeSeconds", 2_592_000L);
        d.put("sessionAbsoluteMaxSeconds", 7_776_000L);
        d.put("cookieName", "gatehouse_session");
        d.put("cookieSecure", true);
        d.put("cookieSameSite", "Lax");
        d.put("cookieDomain", null);
        d.put("cookiePath", "/");
        d.put("authPathPrefix", "/auth");
        d.put("enableCredentialsApi", true);
        d.put("enableSignup", true);
        d.put("passwordResetTtlSeconds", 1800L);
        d.put("emailVerifyTtlSeconds", 86_400L);
        d.put("rateLimitSignInPerHour", 10);
        d.put("rateLimitSignUpPerHour", 5);
        d.put("rateLimitPasswordResetPerHour", 3);
        d.put("rateLimitUsernameCheckPerHour", 120);
        d.put("rateLimitVerificationEmailPerHour", 3);
        d.put("rateLimitTokenRedeemPerHour", 30);
        d.put("maxConsecutiveFailures", 100);
        d.put("lockoutSeconds", 3600L);
        d.put("requireEmailVerified", false);
        d.put("identifier", Identifier.EMAIL);
        d.put("usernameMinLength", 3);
        d.put("usernameMaxLength", 30);
        d.put("usernamePattern", "^[a-z0-9_-]+$");
        d.put("usernameReserved", DEFAULT_RESERVED_USERNAMES);
        d.put("apiTokenMaxPerUser", 50);
        d.put("apiTokenMaxLifetimeDays", 365);
        d.put("apiTokenAllowNoExpiry", false);
        d.put("revokeApiTokensOnPasswordChange", false);
        d.put("housekeepingIntervalSeconds", 3600L);
        d.put("jdbcUrl", null);
        d.put("jdbcUser", null);
        d.put("jdbcPassword", null);
        d.put("dataSourceJndiName", null);
        d.put("jdbcPoolSize", 10);
        d.put("runMigrations", true);
        d.put("databaseTimeoutSeconds", 5);
        d.put("publicBaseUrl", null);
        d.put("resetPath", "/reset-password");
        d.put("verifyPath", "/verify-email");
        d.put("trustedProxies", Set.of());
        d.put("maxRequestBytes", 16_384);
        d.put("smtpHost", null);
        d.put("smtpPort", 587);
        d.put("smtpUser", null);
        d.put("smtpPassword", null);
        d.put("smtpStartTls", true);
        d.put("mailFrom", "no-reply@localhost");
        d.put("resolveCacheSeconds", 5L);
        d.put("resolveCacheSize", 10_000);
        d.put("trustedOrigins", Set.of());
        d.put("maxSessionsPerUser", 0);
        d.put("rateLimitPasswordChangePerHour", 10);
        d.put("breachedPasswordCheck", BreachedPasswordCheck.OFF);
        d.put("breachedPasswordApiUrl", "https://api.pwnedpasswords.com");
        d.put("breachedPasswordTimeoutMillis", 2000L);
        d.put("breachedPasswordMinCount", 1);
        d.put("secretKeys", null);
        d.put("deviceCookieMaxAgeDays", 180);
        d.put("deviceCookieMaxFailures", 10);
        d.put("trustedHashingSlots", 1);
        d.put("untrustedHashingDutyPercent", 50);
        return d;
    }
}
