package dev.gatehouse.mail;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.User;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.apitoken.ApiToken;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.audit.SecurityEvent;
import dev.gatehouse.config.AuthSettings;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Which security events mail the owner, and what the notices say and never say. */
class SecurityNoticesTest {

    private static final Instant AT = Instant.parse("2026-03-01T10:00:00.123456Z");
    private static final String WHEN = "When: 2026-03-01 10:00:00 UTC\n";
    private static final User ADA = new User("u1", "ada@example.com", null, null, AT, "free", null);
    private static final User GRACE = new User("u2", null, "grace", null, AT, "free", null);
    private static final String IP = "203.0.113.7";
    private static final String UA = "Firefox/140.0";
    private static final Set<EventType> MAILED = EnumSet.of(EventType.PASSWORD_CHANGED, EventType.PASSWORD_RESET,
            EventType.MFA_ENABLED, EventType.MFA_DISABLED, EventType.MFA_RESET, EventType.RECOVERY_CODE_USED,
            EventType.RECOVERY_CODES_REGENERATED);

    private final DevOutboxMailer outbox = new DevOutboxMailer();
    private final Map<String, User> users = new HashMap<>(Map.of(ADA.id(), ADA, GRACE.id(), GRACE));
    private final List<ApiToken> tokens = new ArrayList<>();
    private final AtomicInteger lookups = new AtomicInteger();
    private final SecurityNotices notices = notices(AuthSettings.defaults(), outbox);

    private SecurityNotices notices(AuthSettings settings, Mailer mailer) {
        AuthService auth = fake(AuthService.class, "findUser", args -> {
            lookups.incrementAndGet();
            return Optional.ofNullable(users.get((String) args[0]));
        });
        ApiTokenService apiTokens = fake(ApiTokenService.class, "list", args -> List.copyOf(tokens));
        return new SecurityNotices(settings, mailer, auth, apiTokens);
    }

    /** An implementation answering one method; any other call fails the test. */
    @SuppressWarnings("unchecked")
    static <T> T fake(Class<T> type, String method, java.util.function.Function<Object[], Object> answer) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            if (m.getName().equals(method)) {
                return answer.apply(args);
            }
            throw new AssertionError("unexpected call " + m.getName());
        });
    }

    static SecurityEvent event(EventType type, Outcome outcome, String userId, String actor, Map<String, String> details) {
        return new SecurityEvent("e-" + type, AT, type, outcome, userId, actor, "0123456789abcdef", null, IP, UA, details);
    }

    static SecurityEvent success(EventType type, Map<String, String> details) {
        return event(type, Outcome.SUCCESS, ADA.id(), ADA.id(), details);
    }

    private MailMessage only() {
        assertEquals(1, outbox.messages().size(), outbox.messages().toString());
        return outbox.messages().get(0);
    }

    @Test
    void aSignInFromANewDeviceMailsTheOwnerWhenAndFromWhere() {
        notices.accept(success(EventType.SIGN_IN, Map.of("newDevice", "true", "factor", "password")));
        assertEquals(new MailMessage("ada@example.com", "New sign-in to your account",
                "Your account was signed in to from a device or browser it was not used from before.\n\n" + WHEN
                        + "IP address: 203.0.113.7\nBrowser or app: Firefox/140.0\n\n"
                        + "If this was you, there is nothing to do. If it was not, change your password now: that signs "
                        + "out every device.\n"), only());
    }

    @Test
    void aSignInFromAKnownDeviceSendsNothing() {
        notices.accept(success(EventType.SIGN_IN, Map.of("newDevice", "false")));
        notices.accept(success(EventType.SIGN_IN, Map.of()));
        notices.accept(success(EventType.SIGN_IN_MFA, Map.of("newDevice", "false", "factor", "totp")));
        assertEquals(List.of(), outbox.messages());
        assertEquals(0, lookups.get(), "an event that mails nothing needs no lookup");
    }

    @Test
    void aSecondFactorSignInFromANewDeviceSaysWhichFactorsWereUsed() {
        notices.accept(success(EventType.SIGN_IN_MFA, Map.of("newDevice", "true", "factor", "totp")));
        notices.accept(success(EventType.SIGN_IN_MFA, Map.of("newDevice", "true", "factor", "recovery_code")));
        List<MailMessage> sent = outbox.messages();
        assertEquals(2, sent.size());
        assertEquals("New sign-in to your account", sent.get(0).subject());
        assertTrue(sent.get(0).body().contains(WHEN + "IP address: 203.0.113.7\nBrowser or app: Firefox/140.0\n"
                + "Signed in with: your password and a code from your authenticator app\n"), sent.get(0).body());
        assertTrue(sent.get(1).body().contains("Signed in with: your password and a recovery code\n"), sent.get(1).body());
    }

    @Test
    void aPasswordChangeListsTheApiTokensThatStillWork() {
        tokens.add(new ApiToken("t1", "u1", "ci", List.of("projects:read"), AT.minusSeconds(60), null, null, null));
        tokens.add(new ApiToken("t2", "u1", "old", List.of("projects:read"), AT.minusSeconds(600), AT, null, null));
        notices.accept(success(EventType.PASSWORD_CHANGED, Map.of()));
        assertEquals(new MailMessage("ada@example.com", "Your password was changed",
                "The password of your account was changed and every signed-in device was signed out.\n\n" + WHEN
                        + "IP address: 203.0.113.7\nBrowser or app: Firefox/140.0\n\n"
                        + "These API tokens were not revoked and work until they expire; revoke any you do not recognise:\n"
                        + "  - ci (scopes: projects:read, created 2026-03-01T09:59:00.123456Z)\n\n"
                        + "If this was not you, reset your password now and contact support.\n"), only());
    }

    @Test
    void aPasswordChangeWithoutApiTokensSaysSo() {
        notices.accept(success(EventType.PASSWORD_CHANGED, Map.of()));
        assertTrue(only().body().contains("\nYour account has no API tokens.\n"), only().body());
    }

    @Test
    void aPasswordResetSaysItWasReset() {
        notices.accept(success(EventType.PASSWORD_RESET, Map.of()));
        assertEquals("Your password was reset", only().subject());
        assertTrue(only().body().startsWith("The password of your account was reset with a link sent to this address"));
        assertTrue(only().body().contains(WHEN + "IP address: 203.0.113.7\n"));
    }

    @Test
    void turningTwoFactorSignInOnOrOffIsNoticed() {
        notices.accept(success(EventType.MFA_ENABLED, Map.of("factor", "totp")));
        notices.accept(success(EventType.MFA_DISABLED, Map.of("factor", "totp")));
        List<MailMessage> sent = outbox.messages();
        assertEquals(List.of("Two-factor sign-in was turned on", "Two-factor sign-in was turned off"),
                sent.stream().map(MailMessage::subject).toList());
        sent.forEach(m -> assertTrue(m.body().contains(WHEN) && m.body().contains("If this was not you"), m.body()));
    }

    @Test
    void anAdministratorsResetSaysAnAdministratorDidItButNotWhoOrFromWhere() {
        notices.accept(event(EventType.MFA_RESET, Outcome.SUCCESS, ADA.id(), "admin-7f3e", Map.of()));
        notices.accept(event(EventType.MFA_RESET, Outcome.SUCCESS, ADA.id(), "cli", Map.of()));
        List<MailMessage> sent = outbox.messages();
        assertEquals(2, sent.size());
        for (MailMessage m : sent) {
            assertEquals("ada@example.com", m.to());
            assertEquals("Two-factor sign-in was removed from your account", m.subject());
            assertTrue(m.body().contains(WHEN), m.body());
            assertFalse(m.body().contains("admin-7f3e") || m.body().contains(IP) || m.body().contains(UA), m.body());
        }
        assertTrue(sent.get(0).body().startsWith("An administrator removed two-factor sign-in"), sent.get(0).body());
        assertTrue(sent.get(1).body().startsWith("An administrator, on the command line, removed"), sent.get(1).body());
    }

    @Test
    void aUsedRecoveryCodeSaysHowManyAreLeft() {
        for (String remaining : List.of("3", "1", "0", "lots", "-1")) {
            notices.accept(success(EventType.RECOVERY_CODE_USED, Map.of("remaining", remaining)));
        }
        notices.accept(success(EventType.RECOVERY_CODE_USED, Map.of()));
        List<String> firstLines = outbox.messages().stream().map(m -> m.body().substring(0, m.body().indexOf('\n'))).toList();
        String used = "A recovery code was used to sign in to your account.";
        assertEquals(List.of(used + " You have 3 recovery codes left.", used + " You have 1 recovery code left.",
                used + " You have no recovery codes left: create new ones in your account settings.", used, used, used),
                firstLines);
        outbox.messages().forEach(m -> assertEquals("A recovery code was used", m.subject()));
    }

    @Test
    void newRecoveryCodesSayTheOldOnesNoLongerWork() {
        notices.accept(success(EventType.RECOVERY_CODES_REGENERATED, Map.of()));
        assertEquals("New recovery codes were issued", only().subject());
        assertTrue(only().body().startsWith("New recovery codes were issued for your account; the old ones no longer work."));
    }

    @Test
    void eventsOutsideTheTableSendNothing() {
        for (EventType t : EventType.values()) {
            if (!MAILED.contains(t) && t != EventType.SIGN_IN && t != EventType.SIGN_IN_MFA) {
                notices.accept(success(t, Map.of("newDevice", "true")));
            }
        }
        assertEquals(List.of(), outbox.messages(), "EMAIL_CHANGE_REQUESTED among others: the HTTP layer mails those");
    }

    @Test
    void failuresNeverMail() {
        for (EventType t : EventType.values()) {
            notices.accept(event(t, Outcome.FAILURE, ADA.id(), ADA.id(), Map.of("newDevice", "true", "remaining", "2")));
        }
        assertEquals(List.of(), outbox.messages());
    }

    @Test
    void eventsWithoutAUserNeverMail() {
        for (EventType t : EventType.values()) {
            notices.accept(event(t, Outcome.SUCCESS, null, "cli", Map.of("newDevice", "true")));
        }
        assertEquals(List.of(), outbox.messages());
        assertEquals(0, lookups.get());
    }

    @Test
    void nothingIsSentWhileTheSettingIsOff() {
        SecurityNotices off = notices(AuthSettings.builder().securityNotices(false).build(), outbox);
        for (EventType t : EventType.values()) {
            off.accept(success(t, Map.of("newDevice", "true", "remaining", "2")));
        }
        assertEquals(List.of(), outbox.messages());
        assertEquals(0, lookups.get());
    }

    @Test
    void anAccountWithoutAnAddressOrNoLongerThereGetsNothing() {
        notices.accept(event(EventType.PASSWORD_CHANGED, Outcome.SUCCESS, GRACE.id(), GRACE.id(), Map.of()));
        notices.accept(event(EventType.PASSWORD_CHANGED, Outcome.SUCCESS, "deleted", "deleted", Map.of()));
        assertEquals(List.of(), outbox.messages());
        assertEquals(2, lookups.get());
    }

    @Test
    void theNoticeGoesToTheCurrentAddress() {
        users.put(ADA.id(), new User(ADA.id(), "ada@new.example", null, AT, AT, "free", null));
        notices.accept(success(EventType.MFA_ENABLED, Map.of()));
        assertEquals("ada@new.example", only().to());
    }

    @Test
    void aFailedDeliveryOrLookupIsLoggedNeverThrown() {
        Mailer down = m -> {
            throw GatehouseUnavailableException.unavailable("mail server down", 5, null);
        };
        SecurityNotices failing = notices(AuthSettings.defaults(), down);
        assertDoesNotThrow(() -> failing.accept(success(EventType.PASSWORD_RESET, Map.of())));
        SecurityNotices brokenLookup = new SecurityNotices(AuthSettings.defaults(), outbox,
                fake(AuthService.class, "findUser", args -> {
                    throw new IllegalStateException("database down");
                }), fake(ApiTokenService.class, "list", args -> List.of()));
        assertDoesNotThrow(() -> brokenLookup.accept(success(EventType.MFA_DISABLED, Map.of())));
        assertEquals(List.of(), outbox.messages());
    }

    @Test
    void noticesNeverCarryWhatWasPlantedInTheDetails() {
        Map<String, String> planted = Map.of("newDevice", "true", "factor", "S3CRET-factor", "remaining", "S3CRET-7",
                "code", "S3CRET-123456", "token", "S3CRET-gh_live_abc", "secret", "S3CRET-JBSWY3DP", "reason", "S3CRET-r");
        for (EventType t : EventType.values()) {
            notices.accept(success(t, planted));
        }
        assertEquals(MAILED.size() + 2, outbox.messages().size(), "every mailed type plus both new-device sign-ins");
        outbox.messages().forEach(m -> assertFalse((m.subject() + m.body()).contains("S3CRET"), m.body()));
    }

    @Test
    void theClientsAddressAndBrowserAreCleanedAndClipped() {
        String agent = "Evil\r\nBcc: victim@example.com\u2028\u202e\u0085" + "x".repeat(300);
        notices.accept(new SecurityEvent("e1", AT, EventType.PASSWORD_RESET, Outcome.SUCCESS, ADA.id(), ADA.id(), null,
                null, "198.51.100.1\n", agent, Map.of()));
        String body = only().body();
        String clean = "EvilBcc: victim@example.com" + "x".repeat(300);
        String line = body.lines().filter(l -> l.startsWith("Browser or app: ")).findFirst().orElseThrow();
        assertEquals("Browser or app: " + clean.substring(0, 160) + "...", line);
        assertTrue(body.contains("IP address: 198.51.100.1\n"), body);
        assertTrue(body.chars().noneMatch(c -> c != '\n' && (Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT || c == '\u2028')), body);
    }

    @Test
    void anUnknownAddressAndBrowserAreLeftOut() {
        notices.accept(new SecurityEvent("e1", AT, EventType.MFA_ENABLED, Outcome.SUCCESS, ADA.id(), ADA.id(), null,
                null, null, " \t", Map.of()));
        assertFalse(only().body().contains("IP address") || only().body().contains("Browser"), only().body());
    }
}
