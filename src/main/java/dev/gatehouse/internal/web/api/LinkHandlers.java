package dev.gatehouse.internal.web.api;

import dev.gatehouse.Caller;
import dev.gatehouse.User;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.account.EmailChangeRequest;
import dev.gatehouse.account.EmailChanged;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.mail.AccountEmails;
import jakarta.json.JsonObject;
import java.io.IOException;

/**
 * The single-use link rows: forgot/reset password, request/confirm email verification. Without a
 * {@code publicBaseUrl} the rows that send a link answer 404 for every caller, like any disabled
 * feature, so no configuration hint reaches a client and an existing account answers as an
 * unknown one (start-up logs what to set).
 */
final class LinkHandlers {

    private final AuthService auth;
    private final ApiTokenService apiTokens;
    private final AccountEmails emails;

    LinkHandlers(AuthService auth, ApiTokenService apiTokens, AccountEmails emails) {
        this.auth = auth;
        this.apiTokens = apiTokens;
        this.emails = emails;
    }

    void forgot(ApiCall c) throws IOException {
        String email = JsonBodies.string(c.body(), "email", "'email' is required.");
        requireLinks();
        auth.requestPasswordReset(email, c.ip()).ifPresent(emails::sendPasswordReset);
        Views.ok(c.res(), 202, null);
    }

    void reset(ApiCall c) throws IOException {
        JsonObject body = c.body();
        String required = "Both 'token' and 'newPassword' are required.";
        String token = JsonBodies.string(body, "token", required);
        String next = JsonBodies.string(body, "newPassword", required);
        auth.resetPassword(token, next, c.ip()); // the owner's notice follows the PASSWORD_RESET event (SecurityNotices)
        Views.ok(c.res(), 200, null);
    }

    void verifyRequest(ApiCall c) throws IOException {
        if (!c.who().authenticated() && c.req().getContentLength() != 0 && c.req().getContentType() != null) {
            // Without a session (an account that must verify before it may sign in): by address,
            // answered alike whether or not such an unverified account exists.
            Access.refuseCsrf(c.who());
            String email = JsonBodies.string(c.body(), "email", "Sign in, or give the account's 'email'.");
            requireLinks();
            auth.requestEmailVerificationByEmail(email, c.ip()).ifPresent(emails::sendEmailVerification);
            Views.ok(c.res(), 202, null);
            return;
        }
        Caller caller = Access.sessionCaller(c.who());
        requireLinks();
        String raw = auth.requestEmailVerification(caller.userId());
        emails.sendEmailVerification(caller.user(), raw);
        Views.ok(c.res(), 202, null);
    }

    void verify(ApiCall c) throws IOException {
        User u = auth.confirmEmail(JsonBodies.string(c.body(), "token", "'token' is required."), c.ip());
        Views.ok(c.res(), 200, JsonIo.object().add("user", Views.user(u)));
    }

    /**
     * POST /email/change {newEmail}: always 202, whether or not the address is taken. A link goes to the
     * new address (or, when another account has it, a notice that says so to its owner), a notice to the
     * old one.
     */
    void emailChange(ApiCall c) throws IOException {
        Caller caller = Access.recentSessionCaller(c.who());
        String newEmail = JsonBodies.string(c.body(), "newEmail", "'newEmail' is required.");
        requireLinks();
        EmailChangeRequest r = auth.requestEmailChange(caller.userId(), newEmail, c.ip());
        if (!r.newEmail().equals(r.user().email())) {
            if (r.rawToken().isPresent()) {
                emails.sendEmailChangeLink(r.newEmail(), r.rawToken().get());
            } else {
                emails.sendEmailAddressInUse(r.newEmail());
            }
            emails.sendEmailChangeRequested(r.user(), AccountEmails.maskEmail(r.newEmail()));
        }
        Views.ok(c.res(), 202, null);
    }

    /** POST /email/change/confirm {token}: swaps the address; the confirming session (if any) stays signed in. */
    void emailChangeConfirm(ApiCall c) throws IOException {
        Access.refuseCsrf(c.who());
        String token = JsonBodies.string(c.body(), "token", "'token' is required.");
        String keep = c.who().authenticated() && c.who().caller().isSession() ? c.who().caller().sessionId() : null;
        EmailChanged changed = auth.confirmEmailChange(token, keep, c.ip());
        emails.sendEmailChanged(changed.previousEmail(), AccountEmails.maskEmail(changed.user().email()));
        Views.ok(c.res(), 200, JsonIo.object().add("user", Views.user(changed.user())));
    }

    private void requireLinks() {
        if (!emails.linksEnabled()) {
            throw RouteTable.notFound();
        }
    }
}
