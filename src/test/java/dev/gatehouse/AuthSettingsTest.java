package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.BreachedPasswordCheck;
import dev.gatehouse.config.Identifier;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AuthSettingsTest {

    static String failure(Runnable r) {
        return assertThrows(IllegalArgumentException.class, r::run).getMessage();
    }

    @Test
    void defaultsAreStrictAndSecure() {
        AuthSettings s = AuthSettings.defaults();
        assertTrue(s.strict());
        assertTrue(s.sessions().cookieSecure());
        assertEquals("__Host-gatehouse_session", s.sessions().effectiveCookieName());
        assertEquals(65536, s.hashing().argonMemoryKib());
        assertEquals(1800, s.links().passwordResetTtlSeconds());
        assertEquals(86400, s.links().emailVerifyTtlSeconds());
        assertEquals(3, s.rateLimits().rateLimitPasswordResetPerHour());
        assertEquals(100, s.accounts().maxConsecutiveFailures());
        assertEquals(Identifier.EMAIL, s.accounts().identifier());
        assertEquals(365, s.apiTokens().apiTokenMaxLifetimeDays());
        assertFalse(s.apiTokens().apiTokenAllowNoExpiry());
        assertTrue(s.accounts().usernameReserved().size() >= 50);
        s.accounts().usernameReserved().forEach(r -> assertEquals(r.toLowerCase(), r));
    }

    @Test
    void strictModeRefusesAnInsecureCookie() {
        assertTrue(failure(() -> AuthSettings.builder().cookieSecure(false).build()).contains("strict mode"));
    }

    @Test
    void strictModeRefusesSmtpCredentialsWithoutStartTls() {
        String m = failure(() -> AuthSettings.builder().smtpHost("smtp.example.test").smtpUser("app").smtpPassword("pw")
                .smtpStartTls(false).build());
        assertTrue(m.contains("smtpStartTls") && m.contains("strict mode"), m);
        AuthSettings.builder().smtpHost("smtp.example.test").smtpUser("app").smtpPassword("pw").build(); // STARTTLS: fine
        AuthSettings.builder().smtpHost("relay.internal").smtpStartTls(false).build(); // no credentials to protect
        AuthSettings.builder().strict(false).cookieSecure(false).smtpHost("localhost").smtpUser("dev").smtpPassword("pw")
                .smtpStartTls(false).build();
    }

    @Test
    void sameSiteNoneNeedsSecure() {
        assertTrue(failure(() -> AuthSettings.builder().strict(false).cookieSecure(false).cookieSameSite("None").build())
                .contains("SameSite=None"));
        assertTrue(failure(() -> AuthSettings.builder().cookieSameSite("lax").build()).contains("cookieSameSite"));
    }

    @Test
    void absoluteMaxMustCoverTheLifetime() {
        assertTrue(failure(() -> AuthSettings.builder().sessionLifetimeSeconds(100).sessionAbsoluteMaxSeconds(10).build())
                .contains("sessionAbsoluteMaxSeconds"));
    }

    @Test
    void ttlsAndLimitsMustBePositiveAndNameTheField() {
        for (long bad : new long[] {0, -1}) {
            assertTrue(failure(() -> AuthSettings.builder().passwordResetTtlSeconds(bad).build()).contains("passwordResetTtlSeconds"));
            assertTrue(failure(() -> AuthSettings.builder().emailVerifyTtlSeconds(bad).build()).contains("emailVerifyTtlSeconds"));
            assertTrue(failure(() -> AuthSettings.builder().rateLimitPasswordResetPerHour((int) bad).build())
                    .contains("rateLimitPasswordResetPerHour"));
        }
    }

    @Test
    void strictModeEnforcesOwaspArgonFloors() {
        assertTrue(failure(() -> AuthSettings.builder().argonMemoryKib(1024).build()).contains("argonMemoryKib"));
        assertTrue(failure(() -> AuthSettings.builder().argonTimeCost(1).argonMemoryKib(19456).build()).contains("argonTimeCost"));
        assertEquals(1, AuthSettings.builder().argonTimeCost(1).argonMemoryKib(47104).build().hashing().argonTimeCost());
        assertEquals(2, AuthSettings.builder().argonTimeCost(2).argonMemoryKib(19456).argonParallelism(1).build().hashing().argonTimeCost());
    }

    @Test
    void forTestsIsFastAndLenient() {
        AuthSettings t = AuthSettings.defaults().forTests();
        assertFalse(t.strict());
        assertFalse(t.sessions().cookieSecure());
        assertEquals(1, t.hashing().argonTimeCost());
        assertEquals(8, t.hashing().argonMemoryKib());
        assertEquals(60, t.links().passwordResetTtlSeconds());
        assertEquals(60, t.links().emailVerifyTtlSeconds());
        assertEquals(3, t.rateLimits().rateLimitPasswordResetPerHour());
        assertEquals("gatehouse_session", t.sessions().effectiveCookieName());
    }

    @Test
    void identifierAndUsernameRules() {
        assertTrue(failure(() -> AuthSettings.fromSources(Map.of("GATEHOUSE_IDENTIFIER", "phone"), new Properties()))
                .contains("identifier"));
        assertEquals(Identifier.USERNAME, AuthSettings.fromSources(Map.of("GATEHOUSE_IDENTIFIER", " Username "),
                new Properties()).accounts().identifier());
        assertThrows(IllegalArgumentException.class, () -> AuthSettings.builder().usernameMinLength(0).build());
        assertThrows(IllegalArgumentException.class, () -> AuthSettings.builder().usernameMinLength(5).usernameMaxLength(4).build());
        assertTrue(failure(() -> AuthSettings.builder().usernamePattern("(unclosed").build()).contains("usernamePattern"));
        assertEquals(Set.of("ceo"), AuthSettings.builder().usernameReserved(Set.of(" CEO ")).build().accounts().usernameReserved());
    }

    @Test
    void environmentIsReadAndPropertiesBeatIt() {
        Map<String, String> env = Map.of("GATEHOUSE_COOKIE_NAME", "x_session", "GATEHOUSE_STRICT", "false",
                "GATEHOUSE_SESSION_LIFETIME_SECONDS", "600", "GATEHOUSE_RATE_LIMIT_SIGN_IN_PER_HOUR", "5",
                "GATEHOUSE_PASSWORD_RESET_TTL_SECONDS", "900");
        Properties props = new Properties();
        props.setProperty("gatehouse.passwordResetTtlSeconds", "1234");
        AuthSettings s = AuthSettings.fromSources(env, props);
        assertEquals("x_session", s.sessions().cookieName());
        assertFalse(s.strict());
        assertFalse(s.sessions().cookieSecure()); // follows strict when unset
        assertEquals(600, s.sessions().sessionLifetimeSeconds());
        assertEquals(5, s.rateLimits().rateLimitSignInPerHour());
        assertEquals(1234, s.links().passwordResetTtlSeconds());
        assertEquals(86400, s.links().emailVerifyTtlSeconds());
    }

    @Test
    void environmentValuesAreParsedStrictly() {
        assertTrue(failure(() -> AuthSettings.fromSources(Map.of("GATEHOUSE_ARGON_TIME_COST", "three"), new Properties()))
                .contains("GATEHOUSE_ARGON_TIME_COST"));
        assertTrue(failure(() -> AuthSettings.fromSources(Map.of("GATEHOUSE_STRICT", "maybe"), new Properties()))
                .contains("true or false"));
        assertTrue(failure(() -> AuthSettings.fromSources(Map.of("GATEHOUSE_STRICT", "true", "GATEHOUSE_COOKIE_SECURE", "false"),
                new Properties())).contains("strict mode"));
    }

    @Test
    void unknownPropertyIsAnErrorListingTheSupportedOnes() {
        Properties props = new Properties();
        props.setProperty("gatehouse.cookeiSecure", "true");
        String msg = failure(() -> AuthSettings.fromSources(Map.of(), props));
        assertTrue(msg.contains("gatehouse.cookeiSecure") && msg.contains("gatehouse.cookieSecure"), msg);
    }

    @Test
    void toStringHidesTheDatabasePassword() {
        AuthSettings s = AuthSettings.builder().jdbcUrl("jdbc:h2:mem:x").jdbcPassword("hunter2-secret").build();
        assertFalse(s.toString().contains("hunter2-secret"));
        assertTrue(s.toString().contains("jdbcPassword=***"));
        assertNull(AuthSettings.builder().cookieDomain("  ").build().sessions().cookieDomain());
    }

    @Test
    void toStringHidesAPasswordInAJdbcUrl() {
        AuthSettings s = AuthSettings.builder().jdbcUrl("jdbc:postgresql://db/app?user=app&password=hunter2-secret")
                .cacheInvalidationListenerUrl("jdbc:postgresql://direct/app?password=hunter3-secret&ssl=true").build();
        assertFalse(s.toString().contains("hunter2-secret"), s.toString());
        assertFalse(s.toString().contains("hunter3-secret"), s.toString());
        assertTrue(s.toString().contains("password=***&ssl=true"), s.toString());
    }

    @Test
    void cacheInvalidationSettingsAreCheckedAtStart() {
        assertTrue(failure(() -> AuthSettings.builder().cacheInvalidationPollMillis(49).build()).contains("between 50 and 60000"));
        assertTrue(failure(() -> AuthSettings.builder().cacheInvalidationPollMillis(60_001).build()).contains("60000"));
        assertTrue(failure(() -> AuthSettings.builder().cacheInvalidationListenerUrl("jdbc:mariadb://db/app").build())
                .contains("jdbc:postgresql:"));
        assertTrue(failure(() -> AuthSettings.builder().cacheInvalidation(dev.gatehouse.config.CacheInvalidation.POLL)
                .cacheInvalidationListenerUrl("jdbc:postgresql://db/app").build()).contains("only used with"));
        assertTrue(failure(() -> AuthSettings.fromSources(Map.of("GATEHOUSE_CACHE_INVALIDATION", "redis"), new Properties()))
                .contains("cacheInvalidation"));
        assertEquals(dev.gatehouse.config.CacheInvalidation.AUTO, AuthSettings.builder().build().database().cacheInvalidation());
    }

    @Test
    void lockoutCapFollowsNist() {
        assertTrue(failure(() -> AuthSettings.builder().maxConsecutiveFailures(101).build()).contains("100"));
        assertThrows(IllegalArgumentException.class, () -> AuthSettings.builder().authPathPrefix("/auth/").build());
        assertThrows(IllegalArgumentException.class, () -> AuthSettings.builder().cookieName("__Host-x").build());
        assertThrows(IllegalArgumentException.class, () -> AuthSettings.builder().passwordMaxLength(32).build());
    }

    @Test
    void breachedPasswordCheckIsOffByDefaultWithTheRealServiceAndShortTimeout() {
        AuthSettings s = AuthSettings.defaults();
        assertEquals(BreachedPasswordCheck.OFF, s.passwords().breachedPasswordCheck());
        assertEquals("https://api.pwnedpasswords.com", s.passwords().breachedPasswordApiUrl());
        assertEquals(2000, s.passwords().breachedPasswordTimeoutMillis());
        assertEquals(1, s.passwords().breachedPasswordMinCount());
    }

    @Test
    void breachedPasswordSettingsAreReadFromTheEnvironmentAndProperties() {
        Properties props = new Properties();
        props.setProperty("gatehouse.breachedPasswordTimeoutMillis", "750");
        AuthSettings s = AuthSettings.fromSources(Map.of("GATEHOUSE_BREACHED_PASSWORD_CHECK", "fail-closed",
                "GATEHOUSE_BREACHED_PASSWORD_API_URL", "https://pwned.internal.example/v1/",
                "GATEHOUSE_BREACHED_PASSWORD_TIMEOUT_MILLIS", "5000", "GATEHOUSE_BREACHED_PASSWORD_MIN_COUNT", "10"), props);
        assertEquals(BreachedPasswordCheck.FAIL_CLOSED, s.passwords().breachedPasswordCheck());
        assertEquals("https://pwned.internal.example/v1", s.passwords().breachedPasswordApiUrl()); // no trailing slash
        assertEquals(750, s.passwords().breachedPasswordTimeoutMillis());
        assertEquals(10, s.passwords().breachedPasswordMinCount());
        for (String open : new String[] {"fail-open", "FAIL_OPEN", " Fail-Open "}) {
            assertEquals(BreachedPasswordCheck.FAIL_OPEN, AuthSettings.fromSources(
                    Map.of("GATEHOUSE_BREACHED_PASSWORD_CHECK", open), new Properties()).passwords().breachedPasswordCheck(), open);
        }
        assertEquals("fail-closed", BreachedPasswordCheck.FAIL_CLOSED.wireName());
    }

    @Test
    void breachedPasswordSettingsRefuseBadValuesSayingHowToFix() {
        String mode = failure(() -> AuthSettings.fromSources(Map.of("GATEHOUSE_BREACHED_PASSWORD_CHECK", "on"), new Properties()));
        assertTrue(mode.contains("'off', 'fail-open' or 'fail-closed'") && mode.contains("'on'"), mode);
        assertTrue(failure(() -> AuthSettings.builder().breachedPasswordCheck(null).build()).contains("breachedPasswordCheck"));
        String http = failure(() -> AuthSettings.builder().breachedPasswordApiUrl("http://api.pwnedpasswords.com").build());
        assertTrue(http.contains("breachedPasswordApiUrl must use https in strict mode"), http);
        assertEquals("http://127.0.0.1:9", AuthSettings.builder().strict(false).cookieSecure(false)
                .breachedPasswordApiUrl("http://127.0.0.1:9").build().passwords().breachedPasswordApiUrl());
        for (String bad : new String[] {"api.pwnedpasswords.com", "ftp://x.example", "https://x.example/?k=1",
                "https://x.example/#f", "https://user:pw@x.example", "", "https://x .example"}) {
            String msg = failure(() -> AuthSettings.builder().breachedPasswordApiUrl(bad).build());
            assertTrue(msg.contains("breachedPasswordApiUrl must be an absolute http(s) URL"), bad + ": " + msg);
        }
        for (long bad : new long[] {0, -1, 30_001}) {
            String msg = failure(() -> AuthSettings.builder().breachedPasswordTimeoutMillis(bad).build());
            assertTrue(msg.contains("breachedPasswordTimeoutMillis must be between 1 and 30000"), msg);
        }
        assertTrue(failure(() -> AuthSettings.builder().breachedPasswordMinCount(0).build())
                .contains("breachedPasswordMinCount must be > 0"));
    }

    @Test
    void secretKeysAreCheckedEntryByEntryWithTheFixAndWithoutEchoingAKey() {
        String good = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        String shortKey = java.util.Base64.getEncoder().encodeToString(new byte[16]);
        AuthSettings ok = AuthSettings.fromSources(Map.of("GATEHOUSE_SECRET_KEYS", "k2:" + good + ", k1:" + good), Map.of());
        assertEquals("k2:" + good + ", k1:" + good, ok.secretKeys());
        assertTrue(failure(() -> AuthSettings.builder().secretKeys(good).build()).contains("no key id"));
        String tooShort = failure(() -> AuthSettings.builder().secretKeys("k2:" + good + ",k1:" + shortKey).build());
        assertTrue(tooShort.contains("entry 2") && tooShort.contains("at least 32 bytes (got 16)")
                && tooShort.contains("openssl rand -base64 32"), tooShort);
        assertFalse(tooShort.contains(shortKey));
        assertTrue(failure(() -> AuthSettings.builder().secretKeys("k1:not base64!").build()).contains("not valid base64"));
        assertTrue(failure(() -> AuthSettings.builder().secretKeys("k1:" + good + ",k1:" + good).build()).contains("twice"));
        assertTrue(failure(() -> AuthSettings.builder().secretKeys("a b:" + good).build()).contains("key id"));
        assertNull(AuthSettings.builder().secretKeys("  ").build().secretKeys());
    }

    @Test
    void deviceCookieSettingsHaveBoundsAndTheNameFollowsSecure() {
        AuthSettings d = AuthSettings.defaults();
        assertEquals(180, d.sessions().deviceCookieMaxAgeDays());
        assertEquals(10, d.sessions().deviceCookieMaxFailures());
        assertEquals(1, d.hashing().trustedHashingSlots());
        assertEquals("__Host-gatehouse_device", d.sessions().deviceCookieName());
        assertEquals("gatehouse_device", d.forTests().sessions().deviceCookieName());
        assertTrue(failure(() -> AuthSettings.builder().deviceCookieMaxAgeDays(401).build()).contains("400 days"));
        assertTrue(failure(() -> AuthSettings.builder().deviceCookieMaxFailures(0).build()).contains("deviceCookieMaxFailures"));
        assertTrue(failure(() -> AuthSettings.builder().trustedHashingSlots(0).build()).contains("trustedHashingSlots"));
    }
}
