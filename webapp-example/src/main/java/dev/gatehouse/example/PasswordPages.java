package dev.gatehouse.example;

import dev.gatehouse.Caller;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.mail.AccountEmails;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.web.ClientAddress;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Change password, forgot/reset password and email verification. */
public final class PasswordPages {

    private PasswordPages() {
    }

    @WebServlet("/password")
    public static class Change extends Page {
        @Inject
        AuthService auth;
        @Inject
        SessionService sessions;

        static String form(HttpServletRequest req) {
            String ctx = req.getContextPath();
            return "<form method='post' action='" + ctx + "/password' data-api='" + ctx + "/auth/password' data-next='" + ctx
                    + "/dashboard'><label>Current password <input type='password' name='currentPassword' id='current' "
                    + "autocomplete='current-password' required></label><label>New password <input type='password' "
                    + "name='newPassword' id='new' autocomplete='new-password' required></label>"
                    + "<button id='change'>Change password</button></form><p>Every other device will be signed out.</p>";
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            if (requireSession(req, res) != null) {
                render(req, res, 200, "Change password", form(req));
            }
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            Caller c = requireRecentAuth(req, res, "/password");
            if (c == null) {
                return;
            }
            try {
                auth.changePassword(c.userId(), c.sessionId(), req.getParameter("currentPassword"),
                        req.getParameter("newPassword"));
                setCookie(res, sessions.start(c.userId(), ClientAddress.of(req), req.getHeader("User-Agent")));
                res.sendRedirect(req.getContextPath() + "/dashboard");
            } catch (RuntimeException e) {
                render(req, res, 400, "Change password", error(message(e)) + form(req));
            }
        }
    }

    @WebServlet("/forgot")
    public static class Forgot extends Page {
        @Inject
        AuthService auth;
        @Inject
        AccountEmails emails;

        static String form(HttpServletRequest req) {
            String ctx = req.getContextPath();
            return "<form method='post' action='" + ctx + "/forgot' data-api='" + ctx + "/auth/password/forgot' data-next='"
                    + ctx + "/forgot?sent=1'><label>Email <input type='email' name='email' id='email' required></label>"
                    + "<button id='send'>Send reset link</button></form>";
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            String sent = req.getParameter("sent") != null
                    ? "<p class='ok' id='sent'>If an account uses that email, a reset link is on its way.</p>" : "";
            render(req, res, 200, "Forgot password", sent + form(req));
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            try {
                // The library's email, as the API sends it: the link comes from publicBaseUrl, never the Host header.
                auth.requestPasswordReset(req.getParameter("email"), ClientAddress.of(req))
                        .ifPresent(emails::sendPasswordReset);
                res.sendRedirect(req.getContextPath() + "/forgot?sent=1");
            } catch (RuntimeException e) {
                render(req, res, 400, "Forgot password", error(message(e)) + form(req));
            }
        }
    }

    @WebServlet("/reset-password")
    public static class Reset extends Page {
        @Inject
        AuthService auth;

        static String form(HttpServletRequest req) {
            String ctx = req.getContextPath();
            return "<form method='post' action='" + ctx + "/reset-password' data-api='" + ctx + "/auth/password/reset' "
                    + "data-next='" + ctx + "/login'><input type='hidden' name='token' value='" + esc(req.getParameter("token"))
                    + "'><label>New password <input type='password' name='newPassword' id='new' autocomplete='new-password' "
                    + "required></label><button id='reset'>Set new password</button></form>";
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            render(req, res, 200, "Choose a new password", form(req));
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            try {
                auth.resetPassword(req.getParameter("token"), req.getParameter("newPassword"), ClientAddress.of(req));
                res.sendRedirect(req.getContextPath() + "/login");
            } catch (RuntimeException e) {
                render(req, res, 400, "Choose a new password", error(message(e)) + form(req));
            }
        }
    }

    @WebServlet("/verify-email")
    public static class Verify extends Page {
        @Inject
        AuthService auth;
        @Inject
        AccountEmails emails;

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            String ctx = req.getContextPath();
            render(req, res, 200, "Verify your email", "<form method='post' action='" + ctx + "/verify-email' data-api='"
                    + ctx + "/auth/email/verify' data-next='" + ctx + "/dashboard'><input type='hidden' name='token' value='"
                    + esc(req.getParameter("token")) + "'><button id='confirm'>Confirm my email</button></form>");
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            try {
                String token = req.getParameter("token");
                if (token == null) {
                    Caller c = requireSession(req, res);
                    if (c == null) {
                        return;
                    }
                    emails.sendEmailVerification(c.user(), auth.requestEmailVerification(c.userId()));
                    res.sendRedirect(req.getContextPath() + (outbox.servedTo(req).isPresent() ? "/outbox" : "/dashboard?sent=1"));
                } else {
                    auth.confirmEmail(token, ClientAddress.of(req));
                    res.sendRedirect(req.getContextPath() + "/dashboard");
                }
            } catch (RuntimeException e) {
                render(req, res, 400, "Verify your email", error(message(e)));
            }
        }
    }
}
