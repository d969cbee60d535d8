package dev.gatehouse.example;

import dev.gatehouse.Caller;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The frame of every page: the top bar (brand, navigation with the current page marked, who is signed in and
 * "Sign out"), the page's content in {@code <main>}, a footer, and the page's script loaded with its CSP nonce.
 * Styles come from {@link StaticFiles#CSS} alone: no inline style, no inline script.
 */
final class Layout {

    private record Link(String path, String label) {
    }

    private Layout() {
    }

    static String page(HttpServletRequest req, Optional<Caller> caller, boolean outbox, String title, String main,
                       String nonce, String formToken, boolean passkeys) {
        String ctx = Page.esc(req.getContextPath());
        return "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
                + "<meta name='viewport' content='width=device-width, initial-scale=1'><title>" + Page.esc(title)
                + " · Gatehouse example</title><link rel='stylesheet' href='" + ctx + StaticFiles.CSS + "'></head>"
                + "<body class='app' data-ctx='" + ctx + "'><a class='skip' href='#main'>Skip to content</a>"
                + bar(req, caller, outbox, formToken) + "<main id='main'>" + main + "</main>" + footer(ctx)
                + "<script nonce='" + nonce + "' src='" + ctx + StaticFiles.SCRIPT + "'></script>"
                + (passkeys ? "<script nonce='" + nonce + "' src='" + ctx + StaticFiles.PASSKEYS + "'></script>" : "")
                + "</body></html>";
    }

    /** The top bar: brand, navigation, and who is signed in with the "Sign out" button (a form with the token). */
    private static String bar(HttpServletRequest req, Optional<Caller> caller, boolean outbox, String formToken) {
        String ctx = Page.esc(req.getContextPath());
        StringBuilder b = new StringBuilder("<header class='bar'><div class='bar-in'><a class='brand' href='").append(ctx)
                .append("/'><span class='logo' aria-hidden='true'></span>Gatehouse <small>example</small></a><nav><ul>");
        String here = req.getRequestURI().substring(req.getContextPath().length());
        for (Link l : links(caller, outbox)) {
            b.append("<li><a href='").append(ctx).append(l.path()).append("'")
                    .append(current(here, l.path()) ? " aria-current='page'" : "").append('>').append(l.label())
                    .append("</a></li>");
        }
        b.append("</ul></nav>");
        if (caller.isPresent()) {
            Caller c = caller.get();
            String name = c.user().email() != null ? c.user().email() : c.user().username();
            b.append("<div class='who'><span class='avatar' aria-hidden='true'>").append(Page.esc(initial(name)))
                    .append("</span><span class='name'><span id='nav-user'>").append(Page.esc(name))
                    .append("</span><span class='roles'>").append(Page.esc(String.join(", ", c.roles())))
                    .append("</span></span><form method='post' action='").append(ctx).append("/logout' data-api='")
                    .append(ctx).append("/auth/logout' data-next='").append(ctx).append("/' class='inline'>")
                    .append("<input type='hidden' name='").append(FormToken.FIELD).append("' value='").append(formToken)
                    .append("'><button id='logout'>Sign out</button></form></div>");
        }
        return b.append("</div></header>").toString();
    }

    private static List<Link> links(Optional<Caller> caller, boolean outbox) {
        List<Link> links = new ArrayList<>();
        if (caller.isPresent()) {
            links.add(new Link("/dashboard", "Dashboard"));
            links.add(new Link(SecurityPage.PATH, "Security"));
            links.add(new Link("/devices", "Devices"));
            links.add(new Link("/tokens", "API tokens"));
            links.add(new Link("/account/activity", "Activity"));
            if (caller.get().isInRole("admin")) {
                links.add(new Link(AdminDashboard.PATH, "Admin"));
            } else if (caller.get().hasPermission(ActivityPages.AUDIT_READ)) {
                links.add(new Link("/admin/audit", "Audit"));
            }
        } else {
            links.add(new Link("/login", "Sign in"));
            links.add(new Link("/signup", "Sign up"));
        }
        links.add(new Link("/docs/api", "API docs"));
        if (outbox) {
            links.add(new Link("/outbox", "Dev outbox"));
        }
        return links;
    }

    /** The link of the page shown, or of its section (the admin pages share one link). */
    private static boolean current(String here, String link) {
        return here.equals(link) || (link.startsWith("/admin") && here.startsWith("/admin"));
    }

    private static String initial(String name) {
        return name == null || name.isEmpty() ? "?" : name.substring(0, 1).toUpperCase(Locale.ROOT);
    }

    private static String footer(String ctx) {
        return "<footer>Gatehouse example: server-rendered pages over the Gatehouse library and its "
                + "<a href='" + ctx + "/docs/api'>JSON API</a>. <a href='" + ctx + "/health'>Health</a></footer>";
    }
}
