package dev.gatehouse.internal.web.api;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.Caller;
import dev.gatehouse.ErrorCode;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.internal.account.DefaultAuthService;
import dev.gatehouse.internal.web.CallerResolver;
import dev.gatehouse.internal.web.Refusal;
import dev.gatehouse.internal.web.Resolution;
import dev.gatehouse.mfa.Factor;
import dev.gatehouse.mfa.MfaChallengeInvalidException;
import dev.gatehouse.mfa.MfaService;
import dev.gatehouse.mfa.MfaStatus;
import dev.gatehouse.mfa.RecoveryCodes;
import dev.gatehouse.mfa.TotpEnrolment;
import dev.gatehouse.session.SessionService;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.servlet.http.Cookie;
import java.io.IOException;
import java.util.EnumSet;

/**
 * The second-factor rows: complete a sign-in with a code, the account's factors (status, enrol,
 * confirm, remove, new recovery codes), and re-authentication.
 */
final class MfaHandlers {

    private final DefaultAuthService auth;
    private final MfaService mfa;
    private final SessionService sessions;
    private final CallerResolver resolver;
    private final String pendingCookieName;

    /**
     * @param auth Gatehouse's own sign-in service, not a CDI client proxy of {@link AuthService}: the rows
     *             also use its internal steps (the pending cookie's deletion, lifting an enrolment-only session)
     */
    MfaHandlers(DefaultAuthService auth, MfaService mfa, SessionService sessions, CallerResolver resolver,
                String pendingCookieName) {
        this.auth = auth;
        this.mfa = mfa;
        this.sessions = sessions;
        this.resolver = resolver;
        this.pendingCookieName = pendingCookieName;
    }

    /** The answer to a right password when a second factor is due: 401 {@code mfa_required} and the pending cookie. */
    static Refusal mfaRequired(SignInResult r) {
        return Refusal.of(ErrorCode.MFA_REQUIRED, "Enter the code from your authenticator app.")
                .withMethods(r.challenge().methods())
                .withHeader("Set-Cookie", r.challenge().pendingCookie().toSetCookieHeader())
                .challenging(false);
    }

    /** POST /mfa/verify {code}: the second step of a sign-in. */
    void verify(ApiCall c) throws IOException {
        Access.refuseCsrf(c.who());
        String code = JsonBodies.string(c.body(), "code", "'code' is required.");
        String pending = pendingCookie(c);
        SignInResult r;
        try {
            r = auth.completeSignIn(pending, code, c.ip(), c.userAgent(), resolver.deviceCookieValue(c.req()));
        } catch (MfaChallengeInvalidException e) {
            c.res().addHeader("Set-Cookie", auth.mfaCookieDeletion().toSetCookieHeader());
            throw e;
        }
        signedIn(c, r, auth, sessions, resolver);
    }

    /**
     * The answer to a completed sign-in: the request's old session ends (a new session on every sign-in, ASVS
     * 7.2.4), a pending second-factor cookie is deleted, the new session and device cookies are set.
     */
    static void signedIn(ApiCall c, SignInResult r, DefaultAuthService auth, SessionService sessions,
                         CallerResolver resolver) throws IOException {
        String old = resolver.cookieValue(c.req());
        if (old != null) {
            sessions.signOut(old);
        }
        CallerResolver.remember(c.req(), Resolution.ANONYMOUS);
        c.res().addHeader("Set-Cookie", auth.mfaCookieDeletion().toSetCookieHeader());
        c.res().addHeader("Set-Cookie", r.cookie().toSetCookieHeader());
        r.deviceCookie().ifPresent(device -> c.res().addHeader("Set-Cookie", device.toSetCookieHeader()));
        Views.ok(c.res(), 200, JsonIo.object().add("user", Views.user(r.user())));
    }

    /** GET /mfa: the caller's factors. */
    void status(ApiCall c) throws IOException {
        String userId = c.who().restricted() != null ? c.who().restricted().user().id() : Access.sessionCaller(c.who()).userId();
        MfaStatus s = mfa.status(userId);
        JsonIo.write(c.res(), 200, JsonIo.object().add("totpEnabled", s.totpEnabled())
                .add("recoveryCodesLeft", s.recoveryCodesLeft()).add("required", s.required())
                .add("enrolmentRequired", c.who().restricted() != null).build());
    }

    /** POST /mfa/totp: starts an enrolment (secret, otpauth URI, QR code). */
    void beginTotp(ApiCall c) throws IOException {
        Access.Enrolling who = Access.enrolling(c.who());
        TotpEnrolment e = mfa.beginTotp(who.userId());
        Views.ok(c.res(), 201, JsonIo.object().add("secret", e.secret()).add("otpauthUri", e.otpauthUri())
                .add("qrSvg", e.qrSvg()));
    }

    /** POST /mfa/totp/confirm {code}: activates it and shows the recovery codes once. */
    void confirmTotp(ApiCall c) throws IOException {
        Access.Enrolling who = Access.enrolling(c.who());
        String code = JsonBodies.string(c.body(), "code", "'code' is required.");
        RecoveryCodes codes = mfa.confirmTotp(who.userId(), code);
        if (who.restricted()) {
            auth.liftRestriction(who.userId(), who.sessionId(), EnumSet.of(Factor.PASSWORD, Factor.TOTP));
        }
        Views.ok(c.res(), 200, JsonIo.object().add("recoveryCodes", array(codes)));
    }

    /** DELETE /mfa/totp: removes it (refused while the user's roles require one). */
    void removeTotp(ApiCall c) throws IOException {
        Caller caller = Access.recentSessionCaller(c.who());
        if (mfa.status(caller.userId()).required()) {
            throw AccessDeniedException.forbidden("mfa");
        }
        Views.ok(c.res(), 200, JsonIo.object().add("removed", mfa.removeTotp(caller.userId())));
    }

    /** POST /mfa/recovery-codes: voids the old codes and shows new ones once. */
    void regenerate(ApiCall c) throws IOException {
        Caller caller = Access.recentSessionCaller(c.who());
        Views.ok(c.res(), 200, JsonIo.object().add("recoveryCodes", array(mfa.regenerateRecoveryCodes(caller.userId()))));
    }

    /**
     * POST /reauth {method, password | code | credential}: the session counts as recently authenticated again.
     * With method {@code passkey}, {@code credential} answers POST /passkeys/reauth/options.
     */
    void reauth(ApiCall c) throws IOException {
        Caller caller = Access.sessionCaller(c.who());
        JsonObject body = c.body();
        String method = JsonBodies.optionalString(body, "method");
        Factor factor = method == null ? Factor.PASSWORD : Factor.fromWire(method).filter(f -> f != Factor.OIDC)
                .orElseThrow(() -> ApiError.badRequest("'method' must be password, totp, recovery_code or passkey."));
        String secret = switch (factor) {
            case PASSWORD -> JsonBodies.string(body, "password", "'password' is required.");
            case PASSKEY -> PasskeyHandlers.credential(body);
            default -> JsonBodies.string(body, "code", "'code' is required.");
        };
        auth.reauthenticate(caller.userId(), caller.sessionId(), factor, secret, c.ip(), c.userAgent());
        Views.ok(c.res(), 200, null);
    }

    private String pendingCookie(ApiCall c) {
        Cookie[] cookies = c.req().getCookies();
        if (cookies != null) {
            for (Cookie k : cookies) {
                if (pendingCookieName.equals(k.getName())) {
                    return k.getValue();
                }
            }
        }
        throw new MfaChallengeInvalidException();
    }

    private static JsonArrayBuilder array(RecoveryCodes codes) {
        JsonArrayBuilder a = JsonIo.array();
        codes.codes().forEach(a::add);
        return a;
    }
}
