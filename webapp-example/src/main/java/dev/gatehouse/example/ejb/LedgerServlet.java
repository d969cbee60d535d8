package dev.gatehouse.example.ejb;

import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /api/ledger?op=…}: the same {@link Ledger} calls from a plain servlet (WildFly and
 * Payara; not registered on embedded Jetty). A refusal of the EJB container reaches Gatehouse's
 * filter, which answers 401/403 as for any guard.
 */
@WebServlet("/api/ledger")
public class LedgerServlet extends HttpServlet {

    @EJB
    Ledger ledger;
    @EJB
    Housekeeper housekeeper;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String op = String.valueOf(req.getParameter("op"));
        String body = new LedgerCalls(ledger, housekeeper).call(op).orElse(null);
        if (body == null) {
            res.sendError(404);
            return;
        }
        res.setContentType("application/json;charset=utf-8");
        res.getWriter().write(body);
    }
}
