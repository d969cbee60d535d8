package dev.gatehouse.example;

import dev.gatehouse.Caller;
import dev.gatehouse.account.AccountCreated;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.mail.AccountEmails;
import dev.gatehouse.passkey.PasskeyService;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.web.ClientAddress;
import dev.gatehouse.web.Guards;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Home, sign-up, sign-in, sign-out and the dashboard. */
public final class AccountPages {

    private AccountPages() {
    }

    @WebServlet("")
    public static class Home extends Page {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            if (caller(req).isPresent()) {
                res.sendRedirect(req.getContextPath() + "/dashboard");
                return;
            }
            String ctx = req.getContextPath();
            render(req, res, 200, "Welcome", "<div class='hero'><p class='lead'>This is the Gatehouse example: accounts, "
                    + "sessions, passkeys, two-step sign-in, API tokens, roles and an audit trail, on plain server-rendered "
                    + "pages over the Gatehouse library and its JSON API.</p><p class='actions'><a class='button' href='" + ctx
                    + "/signup'>Create an account</a><a class='button secondary' href='" + ctx + "/login'>Sign in</a>"
                    + "<a href='" + ctx + "/docs/api'>Read the API</a></p></div><div class='grid'>"
                    + feature("Sign in your way", "Password, passkey, an authenticator app as a second step, or a "
                    + "sign-in provider.") + feature("See every device", "Each session with its browser and address; "
                    + "sign any of them out.") + feature("Tokens for scripts", "API tokens limited to scopes, shown "
                    + "once, revocable.") + "</div>");
        }
    }

    private static String feature(String title, String text) {
        return "<section class='card'><h2>" + Page.esc(title) + "</h2><p>" + Page.esc(text) + "</p></section>";
    }

    static String credentialsForm(HttpServletRequest req, String action, String api, String button, String email) {
        return credentialsForm(req, action, api, button, email, "/dashboard");
    }

    /** The email and password form; afterwards the browser goes to {@code next}, a path of this site. */
    static String credentialsForm(HttpServletRequest req, String action, String api, String button, String email,
                                  String next) {
        String ctx = req.getContextPath();
        boolean signUp = action.equals("/signup");
        return "<form method='post' action='" + ctx + action + "' data-api='" + ctx + api + "' data-next='" + ctx
                + Page.esc(next) + "'>" + (next.equals("/dashboard") ? "" : "<input type='hidden' name='next' value='"
                + Page.esc(next) + "'>") + "<label>Email <input type='email' name='email' id='email' autocomplete='"
                + (signUp ? "username" : "username webauthn") + "' value='" + Page.esc(email) + "' required></label>"
                + "<label>Password <input type='password' name='password' id='password' autocomplete='"
                + (signUp ? "new-password" : "current-password") + "' required" + (signUp ? " minlength='8' "
                + "aria-describedby='password-hint'" : "") + ">" + (signUp ? "<span class='hint' id='password-hint'>At "
                + "least 8 characters; common passwords and your email's name are refused. Password managers welcome.</span>"
                : "") + "</label><button id='submit'>" + button + "</button></form>";
    }

    /**
     * The sign-in page's passkey button (discoverable: the browser's account chooser). The same page also
     * offers the user's passkeys in the email field's autofill (conditional UI), which {@code passkeys.js}
     * starts because the field's autocomplete names {@code webauthn}.
     */
    static String passkeySignIn(String label) {
        return "<p><button type='button' id='passkey-signin' class='secondary'>" + Page.esc(label) + "</button></p>";
    }

    /** One link per OpenID Connect provider: a browser navigation to the provider and back to the dashboard. */
    static String providerSignIn(HttpServletRequest req, java.util.List<dev.gatehouse.oidc.OidcProvider> providers) {
        StringBuilder b = new StringBuilder();
        for (dev.gatehouse.oidc.OidcProvider p : providers) {
            b.append("<p><a class='oidc-signin' id='oidc-").append(Page.esc(p.id())).append("' href='")
                    .append(req.getContextPath()).append("/auth/oidc/").append(Page.esc(p.id()))
                    .append("/start?returnTo=").append(req.getContextPath()).append("/dashboard'>Sign in with ")
                    .append(Page.esc(p.name())).append("</a></p>");
        }
        return b.toString();
    }

    /** Sign-up with a passkey and no password ({@code passwordlessSignUp}). */
    static String passkeySignUp() {
        return "<p class='or'>or without a password</p><p>Create the account with a passkey: your device's screen lock "
                + "or security key signs you in.</p><label>Email <input type='email' id='passkey-email' autocomplete='email' "
                + "required></label><button type='button' id='passkey-signup' class='secondary'>Sign up with a passkey</button>";
    }

    @WebServlet("/signup")
    public static class SignUp extends Page {
        @Inject
        AuthService auth;
        @Inject
        Event<AccountCreated> created;
        @Inject
        SessionService sessions;
        @Inject
        AccountEmails emails;
        @Inject
        PasskeyService passkeys;

        private boolean passwordless() {
            return settings.passkeys().passwordlessSignUp() && passkeys.available();
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            render(req, res, 200, "Sign up", card(credentialsForm(req, "/signup", "/auth/signup", "Create account", "")
                    + (passwordless() ? passkeySignUp() : "") + "<p class='muted'>Have an account? <a href='"
                    + req.getContextPath() + "/login'>Sign in</a></p>"), passwordless());
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            String email = req.getParameter("email");
            try {
                SignInResult r = auth.signUp(email, null, req.getParameter("password"), ClientAddress.of(req),
                        req.getHeader("User-Agent"));
                created.fire(new AccountCreated(r.user()));
                endEarlierSession(req, sessions);
                if (!r.signedIn()) { // requireEmailVerified: no session until the link is used
                    emails.sendEmailVerification(r.user(), auth.requestEmailVerification(r.user().id()));
                    render(req, res, 201, "Check your email", "<p id='verify-first'>We sent a link to "
                            + esc(r.user().email()) + ". Open it to confirm your address, then sign in.</p>");
                    return;
                }
                setCookie(res, r.cookie());
                r.deviceCookie().ifPresent(d -> setCookie(res, d));
                res.sendRedirect(req.getContextPath() + "/dashboard");
            } catch (RuntimeException e) {
                render(req, res, 400, "Sign up", card(error(message(e)) + credentialsForm(req, "/signup", "/auth/signup",
                        "Create account", email) + (passwordless() ? passkeySignUp() : "")), passwordless());
            }
        }
    }

    @WebServlet("/login")
    public static class Login extends Page {
        @Inject
        AuthService auth;
        @Inject
        SessionService sessions;
        @Inject
        PasskeyService passkeys;
        @Inject
        dev.gatehouse.oidc.OidcService oidc;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            String expired = req.getParameter("expired") != null
                    ? error("Your sign-in expired or used up its codes. Please sign in again.") : "";
            show(req, res, 200, expired, "");
        }

        private void show(HttpServletRequest req, HttpServletResponse res, int status, String top, String email)
                throws IOException {
            boolean withPasskeys = passkeys.available();
            String next = ConfirmPage.safeNext(req.getParameter("next"));
            String ctx = req.getContextPath();
            String back = next.equals("/dashboard") ? "" : "<p class='notice' id='return-to'>Sign in to continue to <code>"
                    + esc(next) + "</code>.</p>";
            String others = (withPasskeys ? passkeySignIn("Sign in with a passkey") : "") + providerSignIn(req, oidc.providers());
            render(req, res, status, "Sign in", card(back + top + credentialsForm(req, "/login", "/auth/login", "Sign in",
                    email, next) + (others.isEmpty() ? "" : "<p class='or'>or</p>" + others) + "<p><a href='" + ctx
                    + "/forgot'>Forgot your password?</a></p><p class='muted'>New here? <a href='" + ctx
                    + "/signup'>Create an account</a></p>"), withPasskeys);
        }

        /**
         * A right password opens a session, or, with an authenticator app, only the pending attempt
         * the code page completes; a user whose roles require an app gets a session that may only
         * set one up, and goes there.
         */
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            String email = req.getParameter("email");
            try {
                SignInResult r = auth.signIn(email, req.getParameter("password"), ClientAddress.of(req),
                        req.getHeader("User-Agent"), cookie(req, settings.sessions().deviceCookieName()));
                endEarlierSession(req, sessions);
                String next = ConfirmPage.safeNext(req.getParameter("next"));
                if (r.mfaRequired()) {
                    setCookie(res, r.challenge().pendingCookie());
                    res.sendRedirect(req.getContextPath() + LoginCodePage.PATH + LoginCodePage.query(r.challenge().methods(),
                            next));
                    return;
                }
                setCookie(res, r.cookie());
                r.deviceCookie().ifPresent(d -> setCookie(res, d)); // lets this browser past a future flood
                res.sendRedirect(req.getContextPath() + (r.enrolmentRequired() ? SecurityPage.PATH : next));
            } catch (RuntimeException e) {
                show(req, res, 401, error(message(e)), email);
            }
        }
    }

    /** A narrow card around a form (sign-in, sign-up). */
    static String card(String body) {
        return "<div class='card narrow-card'>" + body + "</div>";
    }

    private static String tile(String ctx, String path, String title, String text) {
        return "<section class='card'><h2><a href='" + ctx + path + "'>" + Page.esc(title) + "</a></h2><p>" + Page.esc(text)
                + "</p></section>";
    }

    /** A new sign-in in this browser ends the session it had, whoever it belonged to. */
    static void endEarlierSession(HttpServletRequest req, SessionService sessions) {
        Guards.caller(req).filter(Caller::isSession).ifPresent(old -> sessions.revoke(old.userId(), old.sessionId()));
    }

    @WebServlet("/logout")
    public static class Logout extends Page {
        @Inject
        SessionService sessions;

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            if (caller(req).isPresent()) {
                Caller c = Guards.requireSession(req);
                sessions.revoke(c.userId(), c.sessionId());
            } else if (cookie(req, settings.sessions().effectiveCookieName()) != null) {
                sessions.signOut(cookie(req, settings.sessions().effectiveCookieName())); // an enrol-only session, say
            }
            setCookie(res, sessions.deletionCookie());
            res.setHeader("Clear-Site-Data", SessionService.CLEAR_SITE_DATA); // keeps the device cookie
            res.sendRedirect(req.getContextPath() + "/");
        }
    }

    @WebServlet("/dashboard")
    public static class Dashboard extends Page {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            Caller c = requireSession(req, res);
            if (c == null) {
                return;
            }
            String ctx = req.getContextPath();
            String next = ctx + (outbox.servedTo(req).isPresent() ? "/outbox" : "/dashboard?sent=1");
            String sent = req.getParameter("sent") != null ? "<p class='ok' id='sent'>A verification email is on its way.</p>" : "";
            String verify = c.user().emailVerified() ? "<p><span class='badge good'>verified</span> Your email is verified.</p>"
                    : sent + "<p class='notice'>Your email is not verified yet: until it is, a lost password cannot be "
                    + "reset by email.</p><form method='post' action='" + ctx + "/verify-email' data-api='" + ctx
                    + "/auth/email/verify/request' data-next='" + next + "'><button id='send-verification'>"
                    + "Send verification email</button></form>";
            String links = "<div class='grid'>" + tile(ctx, SecurityPage.PATH, "Account security", "Password, two-step "
                    + "sign-in, passkeys, devices and tokens on one page.") + tile(ctx, "/devices", "Devices", "Where you "
                    + "are signed in; sign out the others.") + tile(ctx, "/tokens", "API tokens", "Let a script call the "
                    + "JSON API as you.") + tile(ctx, "/account/activity", "Security activity", "Sign-ins and changes to "
                    + "your account.") + (c.isInRole("admin") ? tile(ctx, AdminDashboard.PATH, "Admin", "Users, roles, "
                    + "audit trail and the sign-in charts.") : "") + "</div>";
            render(req, res, 200, "Dashboard", "<section class='card'><p id='who'>Signed in as <b>" + esc(c.user().email())
                    + "</b> (id <code>" + esc(c.userId()) + "</code>).</p><p id='roles'>Roles: "
                    + esc(String.join(", ", c.roles())) + "</p>" + verify + "</section>" + links);
        }
    }
}
