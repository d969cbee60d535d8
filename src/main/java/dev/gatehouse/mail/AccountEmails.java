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
 * email-verification link, the "your password was changed" notice and the email-change mails (the
 * confirmation link to the new address, the notices to the old one). Inject it (or construct it
 * with the settings and {@link Mailer} of a running Gatehouse) to send the same texts from your
 * own pages. The other security notices are {@link SecurityNotices}'.
 *
 * <p>Links are {@link LinkSettings#publicBaseUrl()} + {@link LinkSettings#resetPath()},
 * {@link LinkSettings#verifyPath()} or {@link LinkSettings#emailChangePath()} + {@code ?token=} and the
 * raw token, URL-encoded. They never come
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
     * The link to the application's confirm-email-change page carrying {@code rawToken}.
     *
     * @param rawToken the raw email-change token
     * @return the absolute link
     * @throws IllegalStateException no {@code publicBaseUrl}
     */
    public String emailChangeLink(String rawToken) {
        return link(settings.links().emailChangePath(), rawToken);
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
        try {
            mailer.send(new MailMessage(user.email(), "Your password was changed",
                    "The password of your account was just changed and every signed-in device was signed out.\n"
                            + "If this was not you, reset your password now and contact support.\n\n"
                            + tokenList(surviving)));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "password-change notification for user " + user.id() + " not sent: "
                    + e.getClass().getSimpleName());
        }
    }

    /**
     * Mails the confirmation link of an email change to the new address. Send it, or
     * {@link #sendEmailAddressInUse(String)} when the address already belongs to an account: the two
     * throw in the same cases, so the requester cannot tell them apart.
     *
     * @param newEmail the address asked for
     * @param rawToken the raw email-change token
     * @throws IllegalStateException no {@code publicBaseUrl} (checked before anything is sent)
     * @throws GatehouseUnavailableException the {@link Mailer} could not take the message
     */
    public void sendEmailChangeLink(String newEmail, String rawToken) {
        String link = emailChangeLink(rawToken);
        mailer.send(new MailMessage(newEmail, "Confirm your new email address",
                "Someone asked to use this address for their account.\n\nTo confirm it, open:\n" + link
                        + "\n\nThe link works once and expires in " + settings.links().emailVerifyTtlSeconds() / 3600
                        + " hours. If you did not ask for this, ignore this email: nothing changes.\n"));
    }

    /**
     * Mails the new address, instead of a link, when it already belongs to an account. Says nothing of
     * that account and is sent and fails exactly like {@link #sendEmailChangeLink(String, String)}, so
     * the requester learns nothing.
     *
     * @param newEmail the address asked for
     * @throws IllegalStateException no {@code publicBaseUrl}, as {@link #sendEmailChangeLink} would
     * @throws GatehouseUnavailableException the {@link Mailer} could not take the message
     */
    public void sendEmailAddressInUse(String newEmail) {
        baseUrl(); // the same precondition as the link, so the two answers cannot be told apart
        mailer.send(new MailMessage(newEmail, "Confirm your new email address",
                "Someone asked to use this address for an account, but it already belongs to another account.\n"
                        + "If that was you, sign in with this address instead. If not, ignore this email: nothing changes.\n"));
    }

    /**
     * Tells the account's current address that a change to another address was asked for. Nothing is
     * sent to an account without an address; a delivery failure is logged, not thrown. Needs no
     * {@code publicBaseUrl}.
     *
     * @param user           the account, with its current address
     * @param newEmailMasked the address asked for, masked with {@link #maskEmail(String)}
     */
    public void sendEmailChangeRequested(User user, String newEmailMasked) {
        if (user.email() == null) {
            return;
        }
        notice(user.id(), user.email(), "Your email address is being changed",
                "Someone asked to change the email address of your account to " + newEmailMasked + ".\n"
                        + "The change happens only when a link sent to that address is opened.\n\n"
                        + "If this was not you, change your password now: someone else may be signed in to your account.\n");
    }

    /**
     * Tells the previous address that the account's email address was changed. Nothing is sent when
     * there was none (a username-only account adding its first address); a delivery failure is
     * logged, not thrown. Needs no {@code publicBaseUrl}.
     *
     * @param previousEmail  the address the account had until now
     * @param newEmailMasked the new address, masked with {@link #maskEmail(String)}
     */
    public void sendEmailChanged(String previousEmail, String newEmailMasked) {
        if (previousEmail == null) {
            return;
        }
        notice(null, previousEmail, "Your email address was changed",
                "The email address of your account was changed to " + newEmailMasked
                        + ". Emails about your account now go there, and this address no longer signs in.\n\n"
                        + "If this was not you, contact support now.\n");
    }

    /**
     * An address with all but the first character of its local part hidden, for showing one address
     * to the owner of another: {@code ada.lovelace@example.com} becomes {@code a***@example.com}.
     *
     * @param email an address, or null
     * @return the masked address; {@code ***} for a value without {@code @} or with an empty local
     *         part; null for null
     */
    public static String maskEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.lastIndexOf('@');
        if (at <= 0) {
            return "***";
        }
        return email.charAt(0) + "***" + email.substring(at);
    }

    /** The API-token paragraph of a password notice. */
    static String tokenList(List<ApiToken> surviving) {
        if (surviving.isEmpty()) {
            return "Your account has no API tokens.\n";
        }
        StringBuilder tokens = new StringBuilder(
                "These API tokens were not revoked and work until they expire; revoke any you do not recognise:\n");
        surviving.forEach(t -> tokens.append("  - ").append(t.name()).append(" (scopes: ")
                .append(String.join(" ", t.scopes())).append(", created ").append(t.createdAt()).append(")\n"));
        return tokens.toString();
    }

    private void notice(String userId, String to, String subject, String body) {
        try {
            mailer.send(new MailMessage(to, subject, body));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "'" + subject + "' notice" + (userId == null ? "" : " for user " + userId)
                    + " not sent: " + e.getClass().getSimpleName());
        }
    }

    private String link(String path, String token) {
        return baseUrl() + path + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    private String baseUrl() {
        if (settings.links().publicBaseUrl() == null) {
            throw new IllegalStateException("Email links need publicBaseUrl, the URL the application is reached at: "
                    + "set GATEHOUSE_PUBLIC_BASE_URL or gatehouse.publicBaseUrl");
        }
        return settings.links().publicBaseUrl();
    }
}
