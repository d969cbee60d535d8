package dev.gatehouse.example;

import dev.gatehouse.Caller;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.account.EmailChangeRequest;
import dev.gatehouse.account.EmailChanged;
import dev.gatehouse.mail.AccountEmails;
import dev.gatehouse.web.ClientAddress;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** Changing the account's email address: the request (recent sign-in) and the page the emailed link opens. */
public final class EmailPages {

    private EmailPages() {
    }

    @WebServlet("/account/email")
    public static class Change extends Page {
        @Inject
        AuthService auth;
        @Inject
        AccountEmails emails;

        static String form(HttpServletRequest req, Caller c) {
            String ctx = req.getContextPath();
            return "<p>Your address: <b id='current-email'>" + esc(c.user().email()) + "</b></p><form method='post' action='"
                    + ctx + "/account/email'><label>New address <input type='email' name='newEmail' id='new-email' "
                    + "autocomplete='email' required></label><button id='change-email'>Send confirmation link</button>"
                    + "</form><p>We send a link to the new address; the change happens when you open it. Every other "
                    + "device will then be signed out.</p>";
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            Caller c = requireSession(req, res);
            if (c != null) {
                render(req, res, 200, "Change email", form(req, c));
            }
        }

        /**
         * Answers the same whether or not the address belongs to someone: the link, or a notice that
         * the address is in use, goes to the new address, and a notice to the old one, as the JSON API does.
         */
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            Caller c = requireRecentAuth(req, res, "/account/email");
            if (c == null) {
                return;
            }
            try {
                EmailChangeRequest r = auth.requestEmailChange(c.userId(), req.getParameter("newEmail"), ClientAddress.of(req));
                if (!r.newEmail().equals(r.user().email())) {
                    if (r.rawToken().isPresent()) {
                        emails.sendEmailChangeLink(r.newEmail(), r.rawToken().get());
                    } else {
                        emails.sendEmailAddressInUse(r.newEmail());
                    }
                    emails.sendEmailChangeRequested(r.user(), AccountEmails.maskEmail(r.newEmail()));
                }
                String ctx = req.getContextPath();
                render(req, res, 202, "Check your inbox", "<p class='ok' id='email-sent'>If that address can be used, a "
                        + "confirmation link is on its way to it. Your address changes when you open the link.</p><p><a href='"
                        + ctx + (outbox.servedTo(req).isPresent() ? "/outbox'>Dev outbox</a>" : "/dashboard'>Dashboard</a>")
                        + "</p>");
            } catch (RuntimeException e) {
                render(req, res, 400, "Change email", error(message(e)) + form(req, c));
            }
        }
    }

    /** The page the link opens ({@code emailChangePath}): GET only shows a button, so a link scanner changes nothing. */
    @WebServlet("/email/change")
    public static class Confirm extends Page {
        @Inject
        AuthService auth;
        @Inject
        AccountEmails emails;

        static String form(HttpServletRequest req) {
            return "<form method='post' action='" + req.getContextPath() + "/email/change'><input type='hidden' name='token' "
                    + "value='" + esc(req.getParameter("token")) + "'><button id='confirm-email-change'>Use this address"
                    + "</button></form>";
        }

        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            render(req, res, 200, "Confirm your new email address", "<p>Press the button to make this address your "
                    + "account's. Every other device will be signed out.</p>" + form(req));
        }

        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            String keep = caller(req).filter(Caller::isSession).map(Caller::sessionId).orElse(null);
            try {
                EmailChanged changed = auth.confirmEmailChange(req.getParameter("token"), keep, ClientAddress.of(req));
                emails.sendEmailChanged(changed.previousEmail(), AccountEmails.maskEmail(changed.user().email()));
                render(req, res, 200, "Email changed", "<p class='ok' id='email-changed'>Your account's address is now <b>"
                        + esc(changed.user().email()) + "</b>.</p><p><a href='" + req.getContextPath()
                        + (keep != null ? "/dashboard'>Dashboard" : "/login'>Sign in") + "</a></p>");
            } catch (RuntimeException e) {
                render(req, res, 400, "Confirm your new email address", error(message(e)));
            }
        }
    }
}
