package dev.gatehouse.mail;

import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.User;
import dev.gatehouse.apitoken.ApiToken;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.LinkSettings;
import dev.gatehouse.token.EmailToken;
import dev.gatehouse.token.PasswordResetToken;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/**
 * The emails of the account flows, as the HTTP API sends them: the password-reset link, the
 * email-verification link and the "your password was changed" notice. Inject it (or construct it
 * with the settings and {@link Mailer} of a running Gatehouse) to send the same texts from your
 * own pages.
 *
 * <p>Links are {@link LinkSettings#publicBaseUrl()} + {@link LinkSettings#resetPath()} or
 * {@link LinkSettings#verifyPath()} + {@code ?token=} and the raw token, URL-encoded. They never come
 * from a request's {@code Host} header, which a client chooses. Without a {@code publicBaseUrl}
 * there are no links: {@link #linksEnabled()} is false and every method that builds one throws
 * {@link IllegalStateException}, so check first (the HTTP API answers such rows 404).
 *
 * <p>Stateless and thread-safe.
 */
@Dependent
public final class AccountEmails {

    private static final System.Logger LOG = System.getLogger(AccountEmails.class.getName());

    private final AuthSettings settings;
    private final Mailer mailer;

    /**
     * A composer sending through {@code mailer} with the links and lifetimes of {@code settings}.
     *
     * @param settings the running Gatehouse's settings (base URL, page paths, link lifetimes)
     * @param mailer   where the messages go
     * @throws NullPointerException when either is null
     */
    @Inject
    public AccountEmails(AuthSettings settings, Mailer mailer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
    }

    /**
     * Whether links can be built.
     *
     * @return true when {@link LinkSettings#publicBaseUrl()} is set
     */
    public boolean linksEnabled() {
        return settings.links().publicBaseUrl() != null;
    }

    /**
     * The link to the application's reset-password page carrying {@code rawToken}.
     *
     * @param rawToken the token of a {@link PasswordResetToken}
     * @return the absolute link
     * @throws IllegalStateException no {@code publicBaseUrl}
     */
    public String passwordResetLink(String rawToken) {
        return link(settings.links().resetPath(), rawToken);
    }

    /**
     * The link to the application's verify-email page carrying {@code rawToken}.
     *
     * @param rawToken the raw email-verification token
     * @return the absolute link
     * @throws IllegalStateException no {@code publicBaseUrl}
     */
    public String emailVerificationLink(String rawToken) {
        return link(settings.links().verifyPath(), rawToken);
    }

    /**
     * Mails the reset link to the token's user. A delivery failure is logged, never thrown, so the
     * answer to a reset request does not say whether the account exists.
     *
     * @param t the token {@code AuthService.requestPasswordReset} returned
     * @throws IllegalStateException no {@code publicBaseUrl} (checked before anything is sent)
     */
    public void sendPasswordReset(PasswordResetToken t) {
        String link = passwordResetLink(t.rawToken());
        try {
            mailer.send(new MailMessage(t.user().email(), "Reset your password",
                    "Someone asked to reset the password of your account.\n\nTo choose a new password, open:\n" + link
                            + "\n\nThe link works once and expires in " + settings.links().passwordResetTtlSeconds() / 60
                            + " minutes. If you did not ask for this, ignore this email.\n"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "reset email for user " + t.user().id() + " not sent: " + e.getClass().getSimpleName());
        }
    }

    /**
     * Mails the verification link to {@code user}'s address.
     *
     * @param user     the account to verify
     * @param rawToken the raw token {@code AuthService.requestEmailVerification} returned
     * @throws IllegalStateException no {@code publicBaseUrl}
     * @throws GatehouseUnavailableException the {@link Mailer} could not take the message
     */
    public void sendEmailVerification(User user, String rawToken) {
        String link = emailVerificationLink(rawToken);
        mailer.send(new MailMessage(user.email(), "Confirm your email address",
                "To confirm this email address, open:\n" + link + "\n\nThe link works once and expires in "
                        + settings.links().emailVerifyTtlSeconds() / 3600 + " hours.\n"));
    }

    /**
     * {@link #sendEmailVerification(User, String)} for a token requested by address.
     *
     * @param t the token {@code AuthService.requestEmailVerificationByEmail} returned
     * @throws IllegalStateException no {@code publicBaseUrl}
     * @throws GatehouseUnavailableException the {@link Mailer} could not take the message
     */
    public void sendEmailVerification(EmailToken t) {
        sendEmailVerification(t.user(), t.rawToken());
    }

    /**
     * Tells the owner that the password changed (ASVS 6.3.7), listing the API tokens that still
     * work. Nothing is sent to a user without an email address; a delivery failure is logged, not
     * thrown. Needs no {@code publicBaseUrl}.
     *
     * @param user      the account whose password changed
     * @param surviving its API tokens that still work
     */
    public void sendPasswordChanged(User user, List<ApiToken> surviving) {
        if (user.email() == null) {
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
            mailer.send(new MailMessage(user.email(), "Your password was changed",
                    "The password of your account was just changed and every signed-in device was signed out.\n"
                            + "If this was not you, reset your password now and contact support.\n\n" + tokens));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "password-change notification for user " + user.id() + " not sent: " + e.getMessage());
        }
    }

    private String link(String path, String token) {
        if (settings.links().publicBaseUrl() == null) {
            throw new IllegalStateException("Email links need publicBaseUrl, the URL the application is reached at: "
                    + "set GATEHOUSE_PUBLIC_BASE_URL or gatehouse.publicBaseUrl");
        }
        return settings.links().publicBaseUrl() + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }
}
