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

    @Test
    void emailChangeLinkGoesToTheNewAddressAndTheChangePage() {
        emails.sendEmailChangeLink("ada@new.example", "c+1/");
        assertEquals(List.of(new MailMessage("ada@new.example", "Confirm your new email address",
                "Someone asked to use this address for their account.\n\nTo confirm it, open:\n"
                        + "https://app.example/base/email/change?token=c%2B1%2F\n\n"
                        + "The link works once and expires in 24 hours. If you did not ask for this, ignore this email: "
                        + "nothing changes.\n")), outbox.messages());
        AccountEmails custom = new AccountEmails(SETTINGS.toBuilder().emailChangePath("/account/email").build(), outbox);
        assertEquals("https://app.example/base/account/email?token=t", custom.emailChangeLink("t"));
    }

    @Test
    void anAddressInUseGetsNoLinkAndNothingAboutTheAccount() {
        emails.sendEmailAddressInUse("grace@example.com");
        assertEquals(List.of(new MailMessage("grace@example.com", "Confirm your new email address",
                "Someone asked to use this address for an account, but it already belongs to another account.\n"
                        + "If that was you, sign in with this address instead. If not, ignore this email: nothing changes.\n")),
                outbox.messages());
    }

    @Test
    void anAddressInUseFailsExactlyWhenTheLinkWould() {
        AccountEmails off = new AccountEmails(AuthSettings.builder().build(), outbox);
        assertThrows(IllegalStateException.class, () -> off.sendEmailChangeLink("a@example.com", "t"));
        assertThrows(IllegalStateException.class, () -> off.sendEmailAddressInUse("a@example.com"));
        AccountEmails failing = new AccountEmails(SETTINGS, m -> {
            throw GatehouseUnavailableException.unavailable("mail server down", 5, null);
        });
        assertThrows(GatehouseUnavailableException.class, () -> failing.sendEmailChangeLink("a@example.com", "t"));
        assertThrows(GatehouseUnavailableException.class, () -> failing.sendEmailAddressInUse("a@example.com"));
        assertEquals(List.of(), outbox.messages());
    }

    @Test
    void theOldAddressHearsOfTheRequestAndOfTheChangeWithTheNewAddressMasked() {
        AccountEmails noLinks = new AccountEmails(AuthSettings.builder().build(), outbox); // no link in either
        noLinks.sendEmailChangeRequested(ADA, AccountEmails.maskEmail("ada.lovelace@new.example"));
        noLinks.sendEmailChanged("ada@example.com", AccountEmails.maskEmail("ada.lovelace@new.example"));
        assertEquals(List.of(new MailMessage("ada@example.com", "Your email address is being changed",
                        "Someone asked to change the email address of your account to a***@new.example.\n"
                                + "The change happens only when a link sent to that address is opened.\n\n"
                                + "If this was not you, change your password now: someone else may be signed in to your "
                                + "account.\n"),
                new MailMessage("ada@example.com", "Your email address was changed",
                        "The email address of your account was changed to a***@new.example. Emails about your account "
                                + "now go there, and this address no longer signs in.\n\n"
                                + "If this was not you, contact support now.\n")),
                outbox.messages());
    }

    @Test
    void changeNoticesSkipAMissingOldAddressAndNeverRaiseADeliveryFailure() {
        User grace = new User("u2", null, "grace", null, T, "free", null);
        emails.sendEmailChangeRequested(grace, "g***@example.com");
        emails.sendEmailChanged(null, "g***@example.com");
        assertEquals(List.of(), outbox.messages());
        AccountEmails failing = new AccountEmails(SETTINGS, m -> {
            throw GatehouseUnavailableException.unavailable("mail server down", 5, null);
        });
        failing.sendEmailChangeRequested(ADA, "a***@new.example");
        failing.sendEmailChanged("ada@example.com", "a***@new.example");
    }

    @Test
    void maskingKeepsTheFirstCharacterAndTheDomain() {
        assertEquals("a***@example.com", AccountEmails.maskEmail("ada.lovelace@example.com"));
        assertEquals("a***@example.com", AccountEmails.maskEmail("a@example.com"));
        assertEquals("q***@b.example", AccountEmails.maskEmail("q\"x@y\"@b.example"));
        assertEquals("***", AccountEmails.maskEmail("no-at-sign"));
        assertEquals("***", AccountEmails.maskEmail("@example.com"));
        assertEquals(null, AccountEmails.maskEmail(null));
    }
}
