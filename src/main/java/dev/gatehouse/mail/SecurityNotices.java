package dev.gatehouse.mail;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.User;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.apitoken.ApiToken;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.audit.SecurityEvent;
import dev.gatehouse.config.AccountSecuritySettings;
import dev.gatehouse.config.AuthSettings;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Emails an account's owner when something happens to its security: a sign-in from a new device, a
 * password change or reset, two-factor sign-in turned on, off or removed by an administrator, a
 * recovery code used, recovery codes issued. Each notice says what happened, when (UTC), from which
 * address and browser when known, and what to do if it wasn't them; it never holds a code, token,
 * secret or link. The email-change mails, which carry a link, are {@link AccountEmails}'.
 *
 * <p>Subscribe it to the security events of a running Gatehouse; the CDI integration does this at
 * start-up when {@link AccountSecuritySettings#securityNotices()} is on. Without CDI:
 * <pre>{@code
 * gh.onEvent(new SecurityNotices(gh.settings(), mailer, gh.auth(), gh.apiTokens()));
 * }</pre>
 *
 * <p>Only successes concerning a known user with an email address are mailed, to that user's
 * current address; failures and events without a user never are. Nothing at all is sent while
 * {@code securityNotices} is off. A failed lookup or delivery is logged (user id and exception class)
 * and never thrown. Stateless and thread-safe.
 *
 * @see Gatehouse#onEvent(Consumer)
 */
public final class SecurityNotices implements Consumer<SecurityEvent> {

    private static final System.Logger LOG = System.getLogger(SecurityNotices.class.getName());

    private final AuthSettings settings;
    private final Mailer mailer;
    private final AuthService auth;
    private final ApiTokenService apiTokens;

    /**
     * Notices sent through {@code mailer} to the addresses {@code auth} knows.
     *
     * @param settings  the running Gatehouse's settings ({@code securityNotices})
     * @param mailer    where the notices go
     * @param auth      finds the account's current address
     * @param apiTokens lists the API tokens a password change left working
     * @throws NullPointerException when any is null
     */
    public SecurityNotices(AuthSettings settings, Mailer mailer, AuthService auth, ApiTokenService apiTokens) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.mailer = Objects.requireNonNull(mailer, "mailer");
        this.auth = Objects.requireNonNull(auth, "auth");
        this.apiTokens = Objects.requireNonNull(apiTokens, "apiTokens");
    }

    /**
     * Mails the notice {@code event} calls for, if any. Never throws for a lookup or delivery failure.
     *
     * @param event a recorded security event
     * @throws NullPointerException when {@code event} is null
     */
    @Override
    public void accept(SecurityEvent event) {
        Objects.requireNonNull(event, "event");
        if (!settings.security().securityNotices() || event.outcome() != Outcome.SUCCESS || event.userId() == null) {
            return;
        }
        NoticeTexts.of(event).ifPresent(notice -> {
            try {
                send(event, notice);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "security notice " + event.type().wireName() + " for user " + event.userId()
                        + " not sent: " + e.getClass().getSimpleName());
            }
        });
    }

    private void send(SecurityEvent event, NoticeTexts.Notice notice) {
        Optional<String> to = auth.findUser(event.userId()).map(User::email);
        if (to.isEmpty()) {
            return;
        }
        String extra = event.type() == EventType.PASSWORD_CHANGED ? AccountEmails.tokenList(stillWorking(event)) : "";
        mailer.send(new MailMessage(to.get(), notice.subject(), NoticeTexts.body(notice, event, extra)));
    }

    private List<ApiToken> stillWorking(SecurityEvent event) {
        return apiTokens.list(event.userId()).stream().filter(t -> t.activeAt(event.occurredAt())).toList();
    }
}
