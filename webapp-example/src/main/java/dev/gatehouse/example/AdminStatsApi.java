package dev.gatehouse.example;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /api/admin/stats}: no container constraint; the {@code @RolesAllowed} bean alone guards it. */
@WebServlet("/api/admin/stats")
public class AdminStatsApi extends HttpServlet {

    @Inject
    AdminActions admin;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String body = admin.stats();
        res.setContentType("application/json;charset=utf-8");
        res.getWriter().write(body);
    }
}
