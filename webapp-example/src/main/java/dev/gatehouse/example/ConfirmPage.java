package dev.gatehouse.example;

import dev.gatehouse.Caller;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.mfa.Factor;
import dev.gatehouse.passkey.PasskeyService;
import dev.gatehouse.web.ClientAddress;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;

/**
 * "Confirm it's you": a sensitive action whose session signed in too long ago sends the user here
 * ({@link Page#requireRecentAuth}); the password, or a code when an authenticator app is on, makes
 * the session recent again ({@code AuthService.reauthenticate}) and the user goes back to where
 * they were. That place comes from the query string, so only a path under this application is
 * followed: anything else (another site, {@code //host}, a scheme) goes to the dashboard. A user with a passkey
 * may use it instead ({@code passkeys.js}: the passkey re-authentication options, then {@code POST /auth/reauth}
 * with method {@code passkey}); an account without a password is offered only its passkeys and app.
 */
@WebServlet(ConfirmPage.PATH)
public class ConfirmPage extends Page {

    static final String PATH = "/account/confirm";

    /** A path under the application: one leading slash, then a conservative alphabet without backslashes. */
    private static final Pattern LOCAL_PATH = Pattern.compile("/(?![/\\\\])[A-Za-z0-9._~/?=&%+-]{0,300}");

    @Inject
    AuthService auth;
    @Inject
    PasskeyService passkeys;
    @Inject
    dev.gatehouse.oidc.OidcService oidc;

    /** {@code next} when it is a path under this application, else the dashboard. */
    static String safeNext(String next) {
        return next != null && LOCAL_PATH.matcher(next).matches() && !next.contains("/..") ? next : "/dashboard";
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Caller c = requireSession(req, res);
        if (c != null) {
            show(req, res, c, 200, "");
        }
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Caller c = requireSession(req, res);
        if (c == null) {
            return;
        }
        String password = req.getParameter("password");
        String code = req.getParameter("code");
        Factor factor = password != null ? Factor.PASSWORD
                : code != null && code.strip().matches("[0-9]{6}") ? Factor.TOTP : Factor.RECOVERY_CODE;
        try {
            auth.reauthenticate(c.userId(), c.sessionId(), factor, password != null ? password : code,
                    ClientAddress.of(req), req.getHeader("User-Agent"));
            res.sendRedirect(req.getContextPath() + safeNext(req.getParameter("next")));
        } catch (RuntimeException e) {
            show(req, res, c, 401, error(message(e)));
        }
    }

    private void show(HttpServletRequest req, HttpServletResponse res, Caller c, int status, String top) throws IOException {
        String action = req.getContextPath() + PATH;
        String next = "<input type='hidden' name='next' value='" + esc(safeNext(req.getParameter("next"))) + "'>";
        List<String> methods = c.authentication() == null ? List.of("password") : c.authentication().reauthMethods();
        boolean passkey = passkeys.available()
                && (methods.contains(Factor.PASSKEY.wireName()) || !passkeys.list(c.userId()).isEmpty());
        StringBuilder b = new StringBuilder(top).append("<p id='reauth-required'>You signed in a while ago. Confirm it's "
                + "you to go on.</p>");
        if (passkey) {
            b.append("<p><button type='button' id='reauth-passkey' data-next='").append(esc(safeNext(req.getParameter("next"))))
                    .append("'>Use a passkey</button></p>");
        }
        // A linked sign-in provider: through the JSON API, whose answer sends the browser to the provider (which is
        // asked to sign the user in again) and back to "next".
        List<String> providers = oidc.identities(c.userId()).stream().map(dev.gatehouse.oidc.OidcIdentity::provider)
                .distinct().toList();
        for (dev.gatehouse.oidc.OidcProvider p : oidc.providers()) {
            if (providers.contains(p.id())) {
                b.append("<form method='post' action='").append(action).append("' data-api='").append(req.getContextPath())
                        .append("/auth/oidc/").append(esc(p.id())).append("/reauth'><input type='hidden' name='returnTo' value='")
                        .append(req.getContextPath()).append(esc(safeNext(req.getParameter("next")))).append("'><button id='reauth-oidc-")
                        .append(esc(p.id())).append("'>Confirm with ").append(esc(p.name())).append("</button></form>");
            }
        }
        boolean provider = !providers.isEmpty();
        if (methods.contains(Factor.PASSWORD.wireName()) || (!passkey && !provider)) {
            b.append(passkey || provider ? "<p>Or with your password:</p>" : "").append("<form method='post' action='").append(action)
                    .append("'>").append(next).append("<label>Password <input type='password' name='password' "
                            + "id='reauth-password' autocomplete='current-password' required></label> <button id='reauth'>"
                            + "Confirm</button></form>");
        }
        if (methods.contains(Factor.TOTP.wireName())) {
            b.append("<p>Or with your authenticator app:</p><form method='post' action='").append(action).append("'>")
                    .append(next).append("<label>Code or recovery code <input name='code' id='reauth-code' "
                            + "autocomplete='one-time-code' required></label> <button id='reauth-with-code'>Confirm</button>"
                            + "</form>");
        }
        render(req, res, status, "Confirm it's you", b.toString(), passkey);
    }
}
