package dev.gatehouse.example;

import dev.gatehouse.account.AuthService;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.mfa.Factor;
import dev.gatehouse.mfa.InvalidMfaCodeException;
import dev.gatehouse.mfa.MfaChallengeInvalidException;
import dev.gatehouse.passkey.PasskeyService;
import dev.gatehouse.session.SessionCookie;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.web.ClientAddress;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The second step of a sign-in: a code from the authenticator app or a recovery code, for the
 * attempt the pending cookie (set by the sign-in page) stands for. Without one, back to sign-in. When the
 * pending sign-in also accepts a passkey ({@code ?passkey=1}, set from the challenge's methods), "Use a passkey
 * instead" asks for one of that user's passkeys ({@code passkeys.js}: the options row sees the pending cookie);
 * when a passkey is the only way ({@code ?passkey=only}: no app, and the user's roles require a second factor),
 * the page offers only that.
 */
@WebServlet(LoginCodePage.PATH)
public class LoginCodePage extends Page {

    static final String PATH = "/login/code";

    @Inject
    AuthService auth;
    @Inject
    SessionService sessions;
    @Inject
    PasskeyService passkeys;

    /** Whether to offer a passkey: the sign-in page said the challenge accepts one, and passkeys work here. */
    private boolean withPasskey(HttpServletRequest req) {
        return req.getParameter("passkey") != null && passkeys.available();
    }

    /** The query that tells this page the challenge's methods: none, {@code ?passkey=1} or {@code ?passkey=only}. */
    static String query(List<String> methods) {
        if (!methods.contains(Factor.PASSKEY.wireName())) {
            return "";
        }
        return methods.size() == 1 ? "?passkey=only" : "?passkey=1";
    }

    /** {@link #query(List)}, and the page the user goes to afterwards when it is not the dashboard. */
    static String query(List<String> methods, String next) {
        String q = query(methods);
        return next.equals("/dashboard") ? q : q + (q.isEmpty() ? "?" : "&") + "next="
                + java.net.URLEncoder.encode(next, java.nio.charset.StandardCharsets.UTF_8);
    }

    private String page(HttpServletRequest req) {
        if (withPasskey(req) && "only".equals(req.getParameter("passkey"))) {
            return "<p id='passkey-hint'>Your account needs a second step: confirm with your passkey.</p>"
                    + AccountPages.passkeySignIn("Use your passkey") + "<p><a href='" + req.getContextPath()
                    + "/login'>Start again</a></p>";
        }
        return form(req) + (withPasskey(req) ? AccountPages.passkeySignIn("Use a passkey instead") : "");
    }

    static String form(HttpServletRequest req) {
        String ctx = req.getContextPath();
        String next = ConfirmPage.safeNext(req.getParameter("next"));
        return "<form method='post' action='" + ctx + PATH + (req.getParameter("passkey") != null ? "?passkey=1" : "")
                + "' data-api='" + ctx + "/auth/mfa/verify' data-next='" + ctx + esc(next) + "'>"
                + (next.equals("/dashboard") ? "" : "<input type='hidden' name='next' value='" + esc(next) + "'>")
                + "<label>Code <input name='code' id='code' autocomplete='one-time-code' autocapitalize='none' "
                + "spellcheck='false' required autofocus></label><button id='verify'>Sign in</button></form>"
                + "<p id='recovery-hint'>Enter the 6-digit code your authenticator app shows. Lost the app? Use one of your "
                + "recovery codes instead (each works once).</p><p><a href='" + ctx + "/login'>Start again</a></p>";
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (pending(req) == null) {
            res.sendRedirect(req.getContextPath() + "/login");
            return;
        }
        render(req, res, 200, "Two-step sign-in", page(req), withPasskey(req));
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String pending = pending(req);
        try {
            if (pending == null) {
                throw new MfaChallengeInvalidException();
            }
            SignInResult r = auth.completeSignIn(pending, req.getParameter("code"), ClientAddress.of(req),
                    req.getHeader("User-Agent"), cookie(req, settings.sessions().deviceCookieName()));
            AccountPages.endEarlierSession(req, sessions);
            setCookie(res, pendingDeletion());
            setCookie(res, r.cookie());
            r.deviceCookie().ifPresent(d -> setCookie(res, d));
            res.sendRedirect(req.getContextPath() + ConfirmPage.safeNext(req.getParameter("next")));
        } catch (MfaChallengeInvalidException e) {
            setCookie(res, pendingDeletion()); // expired or out of codes: the password comes first again
            res.sendRedirect(req.getContextPath() + "/login?expired=1");
        } catch (InvalidMfaCodeException e) {
            render(req, res, 401, "Two-step sign-in", error(e.getMessage()) + page(req), withPasskey(req));
        } catch (RuntimeException e) {
            render(req, res, 400, "Two-step sign-in", error(message(e)) + page(req), withPasskey(req));
        }
    }

    private String pending(HttpServletRequest req) {
        String value = cookie(req, settings.sessions().mfaCookieName());
        return value == null || value.isEmpty() ? null : value;
    }

    /** Deletes the pending cookie: same name and attributes as the one the sign-in set. */
    private SessionCookie pendingDeletion() {
        return new SessionCookie(settings.sessions().mfaCookieName(), "", 0, settings.sessions().cookieSecure(), true,
                "Strict", "/", null);
    }
}
