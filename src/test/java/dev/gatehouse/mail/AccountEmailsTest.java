package dev.gatehouse.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.User;
import dev.gatehouse.apitoken.ApiToken;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.token.EmailToken;
import dev.gatehouse.token.PasswordResetToken;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The account emails, byte for byte: the HTTP API and the example application send exactly these. */
class AccountEmailsTest {

    private static final Instant T = Instant.parse("2026-01-02T03:04:05Z");
    private static final User ADA = new User("u1", "ada@example.com", null, null, T, "free", null);
    private static final AuthSettings SETTINGS = AuthSettings.builder().publicBaseUrl("https://app.example/base/").build();

    private final DevOutboxMailer outbox = new DevOutboxMailer();
    private final AccountEmails emails = new AccountEmails(SETTINGS, outbox);

    @Test
    void resetLinkComesFromPublicBaseUrlWithTheTokenEncoded() {
        emails.sendPasswordReset(new PasswordResetToken(ADA, "a+b/c="));
        assertEquals(List.of(new MailMessage("ada@example.com", "Reset your password",
                "Someone asked to reset the password of your account.\n\nTo choose a new password, open:\n"
                        + "https://app.example/base/reset-password?token=a%2Bb%2Fc%3D\n\n"
                        + "The link works once and expires in 30 minutes. If you did not ask for this, ignore this email.\n")),
                outbox.messages());
    }

    @Test
    void verificationLinkGoesToTheVerifyPage() {
        emails.sendEmailVerification(new EmailToken(ADA, "tok_1"));
        assertEquals(List.of(new MailMessage("ada@example.com", "Confirm your email address",
                "To confirm this email address, open:\nhttps://app.example/base/verify-email?token=tok_1\n\n"
                        + "The link works once and expires in 24 hours.\n")), outbox.messages());
    }

    @Test
    void passwordChangedListsTheTokensThatStillWork() {
        ApiToken ci = new ApiToken("t1", "u1", "ci", List.of("projects:read", "projects:write"), T, null, null, null);
        emails.sendPasswordChanged(ADA, List.of(ci));
        emails.sendPasswordChanged(ADA, List.of());
        String head = "The password of your account was just changed and every signed-in device was signed out.\n"
                + "If this was not you, reset your password now and contact support.\n\n";
        assertEquals(List.of(new MailMessage("ada@example.com", "Your password was changed", head
                        + "These API tokens were not revoked and work until they expire; revoke any you do not recognise:\n"
                        + "  - ci (scopes: projects:read projects:write, created 2026-01-02T03:04:05Z)\n"),
                new MailMessage("ada@example.com", "Your password was changed", head + "Your account has no API tokens.\n")),
                outbox.messages());
    }

    @Test
    void passwordChangedSendsNothingWithoutAnAddress() {
        emails.sendPasswordChanged(new User("u2", null, "grace", null, T, "free", null), List.of());
        assertEquals(List.of(), outbox.messages());
    }

    @Test
    void withoutPublicBaseUrlThereAreNoLinks() {
        AccountEmails off = new AccountEmails(AuthSettings.builder().build(), outbox);
        assertFalse(off.linksEnabled());
        assertTrue(emails.linksEnabled());
        assertThrows(IllegalStateException.class, () -> off.passwordResetLink("x"));
        assertThrows(IllegalStateException.class, () -> off.sendPasswordReset(new PasswordResetToken(ADA, "x")));
        assertThrows(IllegalStateException.class, () -> off.sendEmailVerification(ADA, "x"));
        off.sendPasswordChanged(ADA, List.of()); // no link in it: still sent
        assertEquals(1, outbox.messages().size());
    }

    @Test
    void aFailedResetOrNoticeDeliveryIsNotRaisedButAVerificationIs() {
        Mailer down = m -> {
            throw GatehouseUnavailableException.unavailable("mail server down", 5, null);
        };
        AccountEmails failing = new AccountEmails(SETTINGS, down);
        failing.sendPasswordReset(new PasswordResetToken(ADA, "x")); // the answer must not say the account exists
        failing.sendPasswordChanged(ADA, List.of());
        assertThrows(GatehouseUnavailableException.class, () -> failing.sendEmailVerification(ADA, "x"));
    }
}
