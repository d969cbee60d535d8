package dev.gatehouse.example;

import dev.gatehouse.Caller;
import dev.gatehouse.apitoken.ApiToken;
import dev.gatehouse.audit.SecurityEvent;
import dev.gatehouse.mfa.MfaStatus;
import dev.gatehouse.session.SessionInfo;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The cards of the account security centre ({@link SecurityPage}) that summarise other pages: the account and its
 * email, the password, devices, API tokens and recent activity. Each links to the page that manages it.
 */
final class SecurityCentre {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private SecurityCentre() {
    }

    static String when(Instant t) {
        return t == null ? "never" : "<time datetime='" + t + "'>" + WHEN.format(t) + "</time>";
    }

    static String card(String id, String title, String link, String body) {
        return "<section class='card' id='" + id + "' aria-labelledby='" + id + "-title'><h2 id='" + id + "-title'>"
                + Page.esc(title) + (link == null ? "" : link) + "</h2>" + body + "</section>";
    }

    static String manage(String ctx, String path, String label) {
        return "<a href='" + ctx + path + "'>" + Page.esc(label) + "</a>";
    }

    /** Email, whether it is verified (with the button that sends the link), since when the account exists. */
    static String account(Caller c, String ctx, String verifyNext) {
        boolean verified = c.user().emailVerified();
        String verify = verified ? "" : "<form method='post' action='" + ctx + "/verify-email' data-api='" + ctx
                + "/auth/email/verify/request' data-next='" + Page.esc(verifyNext) + "'><button id='send-verification' "
                + "class='secondary small'>Send verification email</button></form>";
        return card("account-card", "Account", manage(ctx, "/account/email", "Change email"), "<dl class='facts'><dt>Email</dt>"
                + "<dd><span id='account-email'>" + Page.esc(c.user().email()) + "</span> " + (verified
                ? "<span class='badge good' id='email-state'>verified</span>" : "<span class='badge warn' id='email-state'>"
                + "not verified</span>") + "</dd><dt>Roles</dt><dd>" + Page.esc(String.join(", ", c.roles())) + "</dd>"
                + "<dt>Member since</dt><dd>" + when(c.user().createdAt()) + "</dd></dl>" + verify);
    }

    /** The authenticator app: on or off, recovery codes left, and the buttons that change them. */
    static String twoStep(HttpServletRequest req, MfaStatus s) {
        StringBuilder b = new StringBuilder("<p id='totp-status'>Authenticator app: <b>")
                .append(s.totpEnabled() ? "on" : "off").append("</b>")
                .append(s.totpEnabled() && s.totpEnabledAt() != null ? " (since " + when(s.totpEnabledAt()) + ")"
                        : "").append("</p>");
        if (s.totpEnabled()) {
            b.append("<p>Recovery codes left: <b id='recovery-left'>").append(s.recoveryCodesLeft()).append("</b>")
                    .append(s.recoveryCodesLeft() < 3 ? " <span class='badge warn'>running low</span>" : "").append("</p>")
                    .append("<p class='actions'>").append(SecurityPage.action(req, "regenerate", "New recovery codes (voids the old ones)"));
            if (!s.required()) {
                b.append(SecurityPage.action(req, "remove", "Remove the authenticator app"));
            }
            b.append("</p>");
        } else {
            b.append("<p>With an app such as a password manager or an authenticator, signing in needs a code from it "
                    + "as well as your password.</p>").append(SecurityPage.action(req, "begin", "Set up an authenticator app"));
        }
        return b.toString();
    }

    /** Whether the account has a password (its re-authentication methods name one), and where to change it. */
    static String password(Caller c, String ctx) {
        boolean has = c.authentication() == null || c.authentication().reauthMethods().contains("password");
        return card("password-card", "Password", has ? manage(ctx, "/password", "Change password") : null, has
                ? "<p>Your password signs you in together with any second step below. Forgot it? Sign out and use "
                + "<a href='" + ctx + "/forgot'>Forgot your password?</a>, which mails a link.</p>"
                : "<p class='empty' id='no-password'>This account has no password: it signs in with a passkey or a "
                + "provider. <a href='" + ctx + "/forgot'>Set one by email</a>.</p>");
    }

    /** The sessions: this one marked, the others with their address (the approximate place) and browser. */
    static String devices(List<SessionInfo> sessions, String currentId, String ctx) {
        StringBuilder b = new StringBuilder("<ul class='plain' id='centre-devices'>");
        for (SessionInfo s : sessions) {
            boolean current = s.id().equals(currentId) || s.current();
            b.append("<li><span><b>").append(Page.esc(Browsers.describe(s.userAgent()))).append("</b> ")
                    .append(current ? "<span class='badge accent'>this device</span>" : "").append("<br><span class='muted'>")
                    .append("from ").append(Page.esc(s.ip() == null ? "an unknown address" : s.ip())).append("</span></span>")
                    .append("<span class='muted'>signed in ").append(when(s.createdAt())).append("</span></li>");
        }
        return card("devices-card", "Devices", manage(ctx, "/devices", "Manage devices"), b.append("</ul>")
                + (sessions.size() > 1 ? "<p class='muted'>Something you don't recognise? Sign it out on the devices page "
                + "and change your password.</p>" : ""));
    }

    /** The live API tokens: name, scopes, expiry. */
    static String tokens(List<ApiToken> all, Instant now, String ctx) {
        List<ApiToken> live = all.stream().filter(t -> t.activeAt(now)).toList();
        if (live.isEmpty()) {
            return card("tokens-card", "API tokens", manage(ctx, "/tokens", "Create a token"), "<p class='empty' "
                    + "id='no-tokens'>No API token. A token lets a script call the JSON API as you, limited to its scopes.</p>");
        }
        StringBuilder b = new StringBuilder("<ul class='plain'>");
        for (ApiToken t : live) {
            b.append("<li><span><b>").append(Page.esc(t.name())).append("</b> <span class='muted'>")
                    .append(Page.esc(String.join(" ", t.scopes()))).append("</span></span><span class='muted'>")
                    .append(t.expiresAt() == null ? "no expiry" : "expires " + when(t.expiresAt())).append("</span></li>");
        }
        return card("tokens-card", "API tokens", manage(ctx, "/tokens", "Manage tokens"), b.append("</ul>").toString());
    }

    /** The latest events of the account's audit trail. */
    static String activity(List<SecurityEvent> events, String thisDevice, String ctx) {
        if (events.isEmpty()) {
            return card("activity-card", "Recent security activity", null, "<p class='empty'>Nothing yet.</p>");
        }
        StringBuilder b = new StringBuilder("<ul class='plain' id='centre-activity'>");
        for (SecurityEvent e : events) {
            boolean failed = e.outcome() == dev.gatehouse.audit.Outcome.FAILURE;
            b.append("<li><span><b>").append(Page.esc(ActivityPages.describe(e.type()))).append("</b> ")
                    .append(failed ? "<span class='badge bad'>refused</span>" : "")
                    .append(thisDevice.equals(e.sessionRef()) ? " <span class='badge accent'>this device</span>" : "")
                    .append("<br><span class='muted'>").append(Page.esc(e.ip() == null ? "" : "from " + e.ip() + " · "))
                    .append(Page.esc(Browsers.describe(e.userAgent()))).append("</span></span><span class='muted'>")
                    .append(when(e.occurredAt())).append("</span></li>");
        }
        return card("activity-card", "Recent security activity", manage(ctx, "/account/activity", "All activity"),
                b.append("</ul>").toString());
    }
}
