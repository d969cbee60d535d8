package dev.gatehouse.internal.web.api;

import dev.gatehouse.User;
import dev.gatehouse.apitoken.ApiToken;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.mail.MailMessage;
import dev.gatehouse.mail.Mailer;
import dev.gatehouse.token.PasswordResetToken;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The emails of the account flows. Links come from {@link AuthSettings#publicBaseUrl()}, never the Host header. */
@ApplicationScoped
public class Emails {

    private static final System.Logger LOG = System.getLogger(Emails.class.getName());

    private AuthSettings settings;
    private Mailer mailer;

    protected Emails() {
    }

    @Inject
    public Emails(AuthSettings settings, Mailer mailer) {
        this.settings = settings;
        this.mailer = mailer;
    }

    /**
     * Without {@link AuthSettings#publicBaseUrl()} the email-link rows are off: 404 for every caller,
     * like any disabled feature, so no configuration hint reaches a client and an existing account
     * answers as an unknown one. Start-up logs what to set.
     */
    void requireLinks() {
        if (settings.links().publicBaseUrl() == null) {
            throw new ApiError(404, "not_found", "Not found.");
        }
    }

    /** Sends the reset link; a delivery failure is logged, never raised, so the answer does not say the account exists. */
    void resetLink(PasswordResetToken t) {
        String link = link(settings.links().resetPath(), t.rawToken());
        try {
            mailer.send(new MailMessage(t.user().email(), "Reset your password",
                    "Someone asked to reset the password of your account.\n\nTo choose a new password, open:\n" + link
                            + "\n\nThe link works once and expires in " + settings.links().passwordResetTtlSeconds() / 60
                            + " minutes. If you did not ask for this, ignore this email.\n"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reset email for user " + t.user().id() + " not sent: " + e.getClass().getSimpleName());
        }
    }

    void verifyLink(User u, String raw) {
        String link = link(settings.links().verifyPath(), raw);
        mailer.send(new MailMessage(u.email(), "Confirm your email address",
                "To confirm this email address, open:\n" + link + "\n\nThe link works once and expires in "
                        + settings.links().emailVerifyTtlSeconds() / 3600 + " hours.\n"));
    }

    /**
     * Tells the owner that the password changed (ASVS 6.3.7), listing the API tokens that still
     * work; a delivery failure is logged, not raised.
     */
    void passwordChanged(User u, List<ApiToken> surviving) {
        if (u.email() == null) {
            return;
        }
        StringBuilder tokens = new StringBuilder();
        if (surviving.isEmpty()) {
            tokens.append("Your account has no API tokens.\n");
        } else {
            tokens.append("These API tokens were not revoked and work until they expire; revoke any you do not recognise:\n");
            surviving.forEach(t -> tokens.append("  - ").append(t.name()).append(" (scopes: ")
                    .append(String.join(" ", t.scopes())).append(", created ").append(t.createdAt()).append(")\n"));
        }
        try {
            mailer.send(new MailMessage(u.email(), "Your password was changed",
                    "The password of your account was just changed and every signed-in device was signed out.\n"
                            + "If this was not you, reset your password now and contact support.\n\n" + tokens));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "password-change notification for user " + u.id() + " not sent: " + e.getMessage());
        }
    }

    private String link(String path, String token) {
        return settings.links().publicBaseUrl() + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
