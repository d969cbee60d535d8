package dev.gatehouse.example;

import dev.gatehouse.Caller;
import dev.gatehouse.mfa.InvalidMfaCodeException;
import dev.gatehouse.mfa.MfaService;
import dev.gatehouse.mfa.RecoveryCodes;
import dev.gatehouse.mfa.TotpEnrolment;
import dev.gatehouse.oidc.OidcIdentity;
import dev.gatehouse.oidc.OidcProvider;
import dev.gatehouse.oidc.OidcService;
import dev.gatehouse.oidc.OidcStart;
import dev.gatehouse.passkey.Passkey;
import dev.gatehouse.passkey.PasskeyService;
import dev.gatehouse.session.ResolvedSession;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.web.ClientAddress;
import dev.gatehouse.web.Guards;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Two-step sign-in settings: whether an authenticator app is on and how many recovery codes are
 * left; set one up (QR code and secret, then a first code), remove it, new recovery codes. Every
 * change needs a recent sign-in ({@link ConfirmPage}). It is also the one page a session that may
 * only enrol (its user's roles require an app: {@code mfaRequiredRoles}) can use: that session is
 * anonymous to every guard, so this page resolves it itself.
 *
 * <p>Passkeys: the list (name, created, last used, synced), rename and delete (form posts here, after a recent
 * sign-in), and "Add a passkey" ({@code passkeys.js} through the JSON API, which answers {@code reauth_required}
 * when the sign-in is not recent: the script then goes through {@link ConfirmPage}). An enrol-only session may
 * add a passkey too: that satisfies its role's requirement.
 */
@WebServlet(SecurityPage.PATH)
public class SecurityPage extends Page {

    static final String PATH = "/account/security";

    @Inject
    MfaService mfa;
    @Inject
    SessionService sessions;
    @Inject
    PasskeyService passkeys;
    @Inject
    OidcService oidc;
    @Inject
    dev.gatehouse.apitoken.ApiTokenService tokens;
    @Inject
    dev.gatehouse.audit.AuditLog audit;
    @Inject
    @dev.gatehouse.ForGatehouse
    java.time.Clock clock;

    /** Who may use this page: a full browser session, or a session that may only enrol. */
    private record Who(String userId, boolean restricted, String cookie) {
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Optional<Who> who = who(req, res);
        if (who.isEmpty()) {
            return;
        }
        boolean withPasskeys = passkeys.available();
        if (who.get().restricted()) {
            render(req, res, 200, "Set up two-step sign-in", "<p id='enrolment-required'>Your account's role requires "
                    + "two-step sign-in. Set up an authenticator app" + (withPasskeys ? " or add a passkey" : "")
                    + " to continue; until then you can do nothing else.</p>"
                    + action(req, "begin", "Set up an authenticator app") + "<form method='post' action='"
                    + req.getContextPath() + "/logout' class='inline'><button id='logout'>Sign out</button></form>"
                    + (withPasskeys ? addPasskey(req.getContextPath() + "/dashboard") : ""), withPasskeys);
            return;
        }
        render(req, res, 200, "Account security", centre(req, who.get().userId()), withPasskeys);
    }

    /**
     * The security centre: the account and its email, password, two-step sign-in and recovery codes, passkeys,
     * sign-in providers, devices, API tokens and the latest events, each card linking to the page that manages it.
     */
    private String centre(HttpServletRequest req, String userId) {
        String ctx = req.getContextPath();
        Caller c = Guards.requireSession(req);
        String verifyNext = ctx + (outbox.servedTo(req).isPresent() ? "/outbox" : "/dashboard?sent=1");
        String factors = SecurityCentre.card("two-step-card", "Two-step sign-in", null,
                SecurityCentre.twoStep(req, mfa.status(userId)))
                + (passkeys.available() ? SecurityCentre.card("passkeys-card", "Passkeys", null,
                passkeySection(req, passkeys.list(userId))) : "")
                + SecurityCentre.card("providers-card", "Sign-in providers", null, oidc.providers().isEmpty()
                ? "<p class='empty' id='no-providers'>This site has no sign-in provider (OpenID Connect) configured.</p>"
                : providerSection(req, oidc.providers(), oidc.identities(userId)));
        String usage = SecurityCentre.devices(sessions.list(userId, null), c.sessionId(), ctx)
                + SecurityCentre.tokens(tokens.list(userId), clock.instant(), ctx)
                + SecurityCentre.activity(audit.forUser(userId, 6, null).events(), c.sessionId().substring(0, 16), ctx);
        return "<p class='lead'>Everything that signs you in, and everything signed in as you. Every change here asks you "
                + "to confirm it's you if you signed in more than a few minutes ago.</p><div class='grid'><div>"
                + SecurityCentre.account(c, ctx, verifyNext) + SecurityCentre.password(c, ctx) + factors + "</div><div>"
                + usage + "</div></div>";
    }

    /** The passkeys section: the list with rename and delete, then the form that adds one. */
    private static String passkeySection(HttpServletRequest req, List<Passkey> list) {
        String ctx = req.getContextPath();
        StringBuilder b = new StringBuilder("<p>A passkey signs you in with your device's screen lock or a "
                + "security key, without a password or a code.</p>");
        if (list.isEmpty()) {
            b.append("<p id='no-passkeys' class='empty'>You have no passkey yet: add one below to sign in without a password.</p>");
        } else {
            b.append("<div class='table'><table id='passkeys'><tr><th>Name</th><th>Created</th><th>Last used</th><th>Synced</th><th><span class='sr-only'>Actions</span></th></tr>");
            for (Passkey p : list) {
                b.append("<tr data-passkey='").append(esc(p.id())).append("'><td class='passkey-name'>").append(esc(p.name()))
                        .append("</td><td>").append(SecurityCentre.when(p.createdAt())).append("</td><td>")
                        .append(SecurityCentre.when(p.lastUsedAt())).append("</td><td>")
                        .append(p.backedUp() ? "yes" : "no").append("</td><td><form method='post' action='").append(ctx)
                        .append(PATH).append("' class='inline'><input type='hidden' name='do' value='passkey-rename'>")
                        .append("<input type='hidden' name='id' value='").append(esc(p.id())).append("'><input name='name' ")
                        .append("class='passkey-new-name' aria-label='New name' maxlength='64' required> <button ")
                        .append("class='passkey-rename'>Rename</button></form> <form method='post' action='").append(ctx)
                        .append(PATH).append("' class='inline'><input type='hidden' name='do' value='passkey-delete'>")
                        .append("<input type='hidden' name='id' value='").append(esc(p.id())).append("'><button ")
                        .append("class='passkey-delete'>Delete</button></form></td></tr>");
            }
            b.append("</table></div>");
        }
        return b.append(addPasskey(ctx + PATH)).toString();
    }

    /** Sign-in providers: the linked identities (each can be unlinked) and a button to link each provider. */
    private static String providerSection(HttpServletRequest req, List<OidcProvider> providers, List<OidcIdentity> linked) {
        String ctx = req.getContextPath();
        StringBuilder b = new StringBuilder();
        if (linked.isEmpty()) {
            b.append("<p id='no-identities' class='empty'>No provider is linked to your account.</p>");
        } else {
            b.append("<div class='table'><table id='identities'><tr><th>Provider</th><th>Email there</th><th>Linked</th><th>Last used</th><th><span class='sr-only'>Actions</span></th></tr>");
            for (OidcIdentity i : linked) {
                b.append("<tr><td>").append(esc(i.provider())).append("</td><td>").append(esc(i.email() == null ? "" : i.email()))
                        .append("</td><td>").append(esc(i.createdAt())).append("</td><td>")
                        .append(i.lastUsedAt() == null ? "never" : esc(i.lastUsedAt())).append("</td><td><form method='post' action='")
                        .append(ctx).append(PATH).append("' class='inline'><input type='hidden' name='do' value='oidc-unlink'>")
                        .append("<input type='hidden' name='id' value='").append(esc(i.id())).append("'>")
                        .append("<button class='oidc-unlink'>Unlink</button></form></td></tr>");
            }
            b.append("</table></div>");
        }
        for (OidcProvider p : providers) {
            // Through the JSON API (data-api): its answer names the provider's URL and the page's script goes there.
            // A plain form post could not: the page's CSP (form-action 'self') stops a form's redirect to another site.
            b.append("<form method='post' action='").append(ctx).append(PATH).append("' class='inline' data-api='")
                    .append(ctx).append("/auth/oidc/").append(esc(p.id())).append("/link'>")
                    .append("<input type='hidden' name='do' value='oidc-link'><input type='hidden' name='provider' value='")
                    .append(esc(p.id())).append("'><input type='hidden' name='returnTo' value='").append(ctx).append(PATH)
                    .append("'>").append("<button id='oidc-link-")
                    .append(esc(p.id())).append("'>Link ").append(esc(p.name())).append("</button></form> ");
        }
        return b.toString();
    }

    /** "Add a passkey": a name, and the button {@code passkeys.js} drives; then the browser goes to {@code next}. */
    private static String addPasskey(String next) {
        return "<p><label>Name <input id='passkey-name' maxlength='64' placeholder='Laptop, phone, security key'></label> "
                + "<button type='button' id='passkey-add' data-next='" + esc(next) + "'>Add a passkey</button></p>";
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Optional<Who> found = who(req, res);
        if (found.isEmpty()) {
            return;
        }
        Who who = found.get();
        if (!who.restricted() && requireRecentAuth(req, res, PATH) == null) {
            return;
        }
        String action = String.valueOf(req.getParameter("do"));
        if (who.restricted() && !action.equals("begin") && !action.equals("confirm")) {
            render(req, res, 403, "Set up two-step sign-in", error("Set up two-step sign-in to continue."));
            return;
        }
        try {
            switch (action) {
                case "begin" -> enrol(req, res, mfa.beginTotp(who.userId()));
                case "confirm" -> confirm(req, res, who);
                case "regenerate" -> codes(req, res, mfa.regenerateRecoveryCodes(who.userId()), "");
                case "remove" -> remove(req, res, who);
                case "passkey-rename" -> {
                    if (passkeys.rename(who.userId(), req.getParameter("id"), req.getParameter("name")).isEmpty()) {
                        res.sendError(404);
                        return;
                    }
                    res.sendRedirect(req.getContextPath() + PATH);
                }
                case "passkey-delete" -> {
                    if (!passkeys.delete(who.userId(), req.getParameter("id"), ClientAddress.of(req), req.getHeader("User-Agent"))) {
                        res.sendError(404);
                        return;
                    }
                    res.sendRedirect(req.getContextPath() + PATH);
                }
                case "oidc-link" -> {
                    OidcStart start = oidc.startLink(who.userId(), req.getParameter("provider"), PATH);
                    setCookie(res, start.flowCookie());
                    res.sendRedirect(start.authorizationUri().toString());
                }
                case "oidc-unlink" -> {
                    if (!oidc.unlink(who.userId(), req.getParameter("id"), ClientAddress.of(req), req.getHeader("User-Agent"))) {
                        res.sendError(404);
                        return;
                    }
                    res.sendRedirect(req.getContextPath() + PATH);
                }
                default -> res.sendError(400);
            }
        } catch (RuntimeException e) {
            render(req, res, 400, "Two-step sign-in", error(message(e)) + "<p><a href='" + req.getContextPath() + PATH
                    + "'>Back</a></p>");
        }
    }

    private void confirm(HttpServletRequest req, HttpServletResponse res, Who who) throws IOException {
        RecoveryCodes codes;
        try {
            codes = mfa.confirmTotp(who.userId(), req.getParameter("code"));
        } catch (InvalidMfaCodeException e) {
            render(req, res, 400, "Set up two-step sign-in", error(e.getMessage()) + confirmForm(req)
                    + "<p>Lost the QR code? " + action(req, "begin", "Start again") + "</p>");
            return;
        }
        String after = "";
        if (who.restricted()) {
            // The enrol-only session has done its one job; the next sign-in asks for the app.
            sessions.signOut(who.cookie());
            setCookie(res, sessions.deletionCookie());
            after = "<p id='sign-in-again'>Two-step sign-in is on. <a href='" + req.getContextPath()
                    + "/login'>Sign in again</a> with your password and a code from the app.</p>";
        }
        codes(req, res, codes, after);
    }

    private void remove(HttpServletRequest req, HttpServletResponse res, Who who) throws IOException {
        if (mfa.status(who.userId()).required()) {
            render(req, res, 403, "Two-step sign-in", error("Your account's role requires an authenticator app."));
            return;
        }
        mfa.removeTotp(who.userId());
        res.sendRedirect(req.getContextPath() + PATH);
    }

    private void enrol(HttpServletRequest req, HttpServletResponse res, TotpEnrolment e) throws IOException {
        render(req, res, 200, "Set up two-step sign-in", "<ol><li>Scan this QR code with your authenticator app:"
                + "<div id='totp-qr' class='qr'>" + e.qrSvg() + "</div>or type this key into it: <code id='totp-secret'>"
                + esc(e.secret()) + "</code></li><li>Enter the 6-digit code the app shows:" + confirmForm(req)
                + "</li></ol><p>Until you enter a code, nothing changes: signing in still needs only your password.</p>");
    }

    private static String confirmForm(HttpServletRequest req) {
        return "<form method='post' action='" + req.getContextPath() + PATH + "'><input type='hidden' name='do' "
                + "value='confirm'><label>Code <input name='code' id='confirm-code' inputmode='numeric' "
                + "autocomplete='one-time-code' required></label> <button id='confirm-totp'>Turn on</button></form>";
    }

    private void codes(HttpServletRequest req, HttpServletResponse res, RecoveryCodes codes, String after) throws IOException {
        StringBuilder list = new StringBuilder("<ol id='recovery-codes'>");
        codes.codes().forEach(c -> list.append("<li><code>").append(esc(c)).append("</code></li>"));
        render(req, res, 200, "Your recovery codes", "<p class='ok'>Save these recovery codes somewhere safe now: they are "
                + "shown only this once. Each one signs you in once if you lose your authenticator app.</p>" + list
                + "</ol>" + (after.isEmpty() ? "<p><a href='" + req.getContextPath() + PATH + "'>Done</a></p>" : after));
    }

    static String action(HttpServletRequest req, String action, String label) {
        return "<form method='post' action='" + req.getContextPath() + PATH + "' class='inline'><input type='hidden' "
                + "name='do' value='" + action + "'><button id='totp-" + action + "'>" + esc(label) + "</button></form> ";
    }

    /**
     * The browser session of this request, or the enrol-only one; anonymous visitors are sent to
     * sign in (empty), any other caller (an API token) is refused with 403.
     */
    private Optional<Who> who(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (Guards.caller(req).isPresent()) {
            Caller c = Guards.requireSession(req);
            return Optional.of(new Who(c.userId(), false, null));
        }
        String cookie = cookie(req, settings.sessions().effectiveCookieName());
        Optional<ResolvedSession> restricted = cookie == null ? Optional.empty()
                : sessions.resolve(cookie, false).filter(ResolvedSession::restricted);
        if (restricted.isEmpty()) {
            res.sendRedirect(signIn(req));
            return Optional.empty();
        }
        return Optional.of(new Who(restricted.get().user().id(), true, cookie));
    }
}
