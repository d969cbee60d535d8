package dev.gatehouse.internal.web.api;

import dev.gatehouse.Caller;
import dev.gatehouse.account.AccountCreated;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.internal.account.DefaultAuthService;
import dev.gatehouse.internal.web.CallerResolver;
import dev.gatehouse.mail.AccountEmails;
import dev.gatehouse.mfa.Factor;
import dev.gatehouse.passkey.Passkey;
import dev.gatehouse.passkey.PasskeyOptions;
import dev.gatehouse.passkey.PasskeyService;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.event.Event;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.EnumSet;

/**
 * The passkey rows: the WebAuthn options a browser needs (answered as the options object itself, for
 * {@code PublicKeyCredential.parseCreationOptionsFromJSON} / {@code parseRequestOptionsFromJSON}), registering,
 * listing, renaming and deleting passkeys, signing in and signing up with one.
 */
final class PasskeyHandlers {

    /** The API's logger, as the other rows': operators filter on it. */
    private static final System.Logger LOG = System.getLogger(AuthApi.class.getName());

    private final DefaultAuthService auth;
    private final PasskeyService passkeys;
    private final SessionService sessions;
    private final CallerResolver resolver;
    private final AccountEmails emails;
    private final Event<AccountCreated> created;
    private final String pendingCookieName;

    /**
     * @param auth Gatehouse's own sign-in service, not a CDI client proxy: the rows also use its internal steps
     *             (the pending cookie's deletion, lifting an enrolment-only session)
     */
    PasskeyHandlers(DefaultAuthService auth, PasskeyService passkeys, SessionService sessions, CallerResolver resolver,
                    AccountEmails emails, Event<AccountCreated> created, String pendingCookieName) {
        this.auth = auth;
        this.passkeys = passkeys;
        this.sessions = sessions;
        this.resolver = resolver;
        this.emails = emails;
        this.created = created;
        this.pendingCookieName = pendingCookieName;
    }

    /** POST /passkeys/register/options: creation options for the caller (any body is ignored). */
    void registerOptions(ApiCall c) throws IOException {
        Access.Enrolling who = Access.enrolling(c.who());
        options(c, passkeys.registrationOptions(who.userId()));
    }

    /** POST /passkeys/register {credential, name?}: stores the passkey; an enrolment-only session becomes a full one. */
    void register(ApiCall c) throws IOException {
        Access.Enrolling who = Access.enrolling(c.who());
        JsonObject body = c.body();
        String credential = credential(body);
        String name = JsonBodies.optionalString(body, "name");
        Passkey p = passkeys.register(who.userId(), credential, name, c.ip(), c.userAgent());
        if (who.restricted()) {
            auth.liftRestriction(who.userId(), who.sessionId(), EnumSet.of(Factor.PASSWORD, Factor.PASSKEY));
        }
        Views.ok(c.res(), 201, JsonIo.object().add("passkey", Views.passkey(p)));
    }

    /** GET /passkeys: the caller's passkeys, oldest first. */
    void list(ApiCall c) throws IOException {
        Caller caller = Access.sessionCaller(c.who());
        JsonArrayBuilder a = JsonIo.array();
        passkeys.list(caller.userId()).forEach(p -> a.add(Views.passkey(p)));
        Views.ok(c.res(), 200, JsonIo.object().add("passkeys", a));
    }

    /** PATCH /passkeys/{id} {name}: renames one of the caller's passkeys. */
    void rename(ApiCall c) throws IOException {
        Caller caller = Access.recentSessionCaller(c.who());
        String name = JsonBodies.string(c.body(), "name", "'name' is required.");
        Passkey p = passkeys.rename(caller.userId(), c.id(), name).orElseThrow(RouteTable::notFound);
        Views.ok(c.res(), 200, JsonIo.object().add("passkey", Views.passkey(p)));
    }

    /** DELETE /passkeys/{id}: deletes one of the caller's passkeys (409 for a password-less account's last one). */
    void delete(ApiCall c) throws IOException {
        Caller caller = Access.recentSessionCaller(c.who());
        if (!passkeys.delete(caller.userId(), c.id(), c.ip(), c.userAgent())) {
            throw RouteTable.notFound();
        }
        Views.ok(c.res(), 200, JsonIo.object().add("removed", true));
    }

    /**
     * POST /passkeys/login/options: request options for a discoverable sign-in (anonymous, or signed in). With
     * the pending second-factor cookie of a password sign-in, they list that user's passkeys.
     */
    void loginOptions(ApiCall c) throws IOException {
        Access.refuseCsrf(c.who());
        options(c, auth.passkeySignInOptions(pendingCookie(c), c.ip()));
    }

    /** POST /passkeys/login {credential}: signs in (a new session, a device cookie; a pending sign-in ends). */
    void login(ApiCall c) throws IOException {
        Access.refuseCsrf(c.who());
        String credential = credential(c.body());
        SignInResult r = auth.signInWithPasskey(credential, c.ip(), c.userAgent(), resolver.deviceCookieValue(c.req()));
        MfaHandlers.signedIn(c, r, auth, sessions, resolver);
    }

    /** POST /passkeys/reauth/options: request options listing the caller's passkeys. */
    void reauthOptions(ApiCall c) throws IOException {
        Caller caller = Access.sessionCaller(c.who());
        options(c, passkeys.reauthOptions(caller.userId()));
    }

    /** POST /passkeys/signup/options {email?, username?}: creation options for a new password-less account. */
    void signupOptions(ApiCall c) throws IOException {
        Access.refuseCsrf(c.who());
        JsonObject body = c.body();
        String email = JsonBodies.optionalString(body, "email");
        String username = JsonBodies.optionalString(body, "username");
        options(c, passkeys.signUpOptions(email, username, c.ip()));
    }

    /**
     * POST /passkeys/signup {credential, name?}: creates the account and signs it in, as POST /signup answers
     * (no session while the email must be confirmed: a link is sent instead).
     */
    void signup(ApiCall c) throws IOException {
        Access.refuseCsrf(c.who());
        JsonObject body = c.body();
        String credential = credential(body);
        String name = JsonBodies.optionalString(body, "name");
        SignInResult r = auth.signUpWithPasskey(credential, name, c.ip(), c.userAgent());
        try {
            created.fire(new AccountCreated(r.user()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "an AccountCreated observer failed for user " + r.user().id() + ": " + e);
        }
        if (!r.signedIn()) {
            if (emails.linksEnabled()) {
                emails.sendEmailVerification(r.user(), auth.requestEmailVerification(r.user().id()));
            }
            Views.ok(c.res(), 201, JsonIo.object().add("user", Views.user(r.user())).add("verificationRequired", true));
            return;
        }
        c.res().addHeader("Set-Cookie", r.cookie().toSetCookieHeader());
        r.deviceCookie().ifPresent(device -> c.res().addHeader("Set-Cookie", device.toSetCookieHeader()));
        Views.ok(c.res(), 201, JsonIo.object().add("user", Views.user(r.user())));
    }

    /** The body's {@code credential} object (what {@code credential.toJSON()} gave) as JSON text. */
    static String credential(JsonObject body) {
        JsonValue v = body.get("credential");
        if (v == null || v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw ApiError.badRequest("'credential' is required: the object credential.toJSON() returns.");
        }
        return v.toString();
    }

    /** The options object itself, as the browser's parse functions take it. */
    private static void options(ApiCall c, PasskeyOptions o) throws IOException {
        JsonIo.writeRaw(c.res(), 200, o.json());
    }

    /** The pending second-factor cookie's value, or null. */
    private String pendingCookie(ApiCall c) {
        return c.cookie(pendingCookieName);
    }
}
