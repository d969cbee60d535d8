package dev.gatehouse.example;

import dev.gatehouse.Caller;
import dev.gatehouse.apitoken.ApiToken;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.apitoken.NewApiToken;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/** Personal access tokens: create (raw value shown once), list, revoke. */
@WebServlet("/tokens")
public class TokenPages extends Page {

    @Inject
    ApiTokenService tokens;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Caller c = requireSession(req, res);
        if (c != null) {
            show(req, res, c, 200, "");
        }
    }

    private void show(HttpServletRequest req, HttpServletResponse res, Caller c, int status, String top) throws IOException {
        String ctx = req.getContextPath();
        List<ApiToken> all = tokens.list(c.userId());
        StringBuilder list = new StringBuilder("<div class='table'><table id='tokens'><tr><th>Name</th><th>Scopes</th>"
                + "<th>Created</th><th>Expires</th><th>Last used</th><th><span class='sr-only'>Actions</span></th></tr>");
        for (ApiToken t : all) {
            list.append("<tr><td><b>").append(esc(t.name())).append("</b></td><td>");
            t.scopes().forEach(s -> list.append("<span class='badge accent'>").append(esc(s)).append("</span> "));
            list.append("</td><td>").append(SecurityCentre.when(t.createdAt())).append("</td><td>")
                    .append(t.expiresAt() == null ? "never" : SecurityCentre.when(t.expiresAt())).append("</td><td>")
                    .append(SecurityCentre.when(t.lastUsedAt())).append("</td><td><form method='post' action='")
                    .append(ctx).append("/tokens'><input type='hidden' name='revoke' value='").append(esc(t.id()))
                    .append("'><button>Revoke</button></form></td></tr>");
        }
        String table = all.isEmpty() ? "<p class='empty' id='tokens'>No tokens yet. Create one above; its value is shown "
                + "once.</p>" : list + "</table></div>";
        render(req, res, status, "API tokens", top + "<form method='post' action='" + ctx + "/tokens' data-api='" + ctx
                + "/auth/tokens' class='card'><h2>New token</h2><label>Name <input name='name' id='token-name' required "
                + "placeholder='laptop curl'></label><label>Scopes <span class='hint' id='scopes-hint'>comma-separated "
                + "permissions, e.g. projects.read, projects.write</span><input name='scopes' id='token-scopes' "
                + "value='projects.read' required aria-describedby='scopes-hint'></label><label>Expires in days <input "
                + "name='expiresInDays' id='token-days' type='number' min='1' max='365' value='30'></label><button "
                + "id='create-token'>Create token</button></form>" + table + "<p>Use it: <code>curl -H 'Authorization: "
                + "Bearer &lt;token&gt;' " + esc(req.getRequestURL().toString().replace("/tokens", "/api/projects"))
                + "</code></p>");
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Caller c = requireSession(req, res);
        if (c == null) {
            return;
        }
        if (req.getParameter("revoke") != null) {
            tokens.revoke(c.userId(), req.getParameter("revoke"));
            res.sendRedirect(req.getContextPath() + "/tokens");
            return;
        }
        if (requireRecentAuth(req, res, "/tokens") == null) { // a new credential: confirm it's you first
            return;
        }
        try {
            List<String> scopes = Arrays.stream(String.valueOf(req.getParameter("scopes")).split(","))
                    .map(String::strip).filter(s -> !s.isEmpty()).toList();
            String days = req.getParameter("expiresInDays");
            Integer expires = days == null || days.isBlank() ? null : Integer.valueOf(days.strip());
            NewApiToken t = tokens.create(c.userId(), req.getParameter("name"), scopes, expires);
            res.setHeader("Cache-Control", "no-store");
            show(req, res, c, 201, "<p class='ok'>New token (shown once): <code id='new-token'>" + esc(t.raw()) + "</code></p>");
        } catch (NumberFormatException e) {
            show(req, res, c, 400, error("Expires in days must be a whole number."));
        } catch (RuntimeException e) {
            show(req, res, c, 400, error(message(e)));
        }
    }
}
