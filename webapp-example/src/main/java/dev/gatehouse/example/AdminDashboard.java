package dev.gatehouse.example;

import jakarta.servlet.annotation.HttpConstraint;
import jakarta.servlet.annotation.ServletSecurity;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** The admin dashboard. */
@WebServlet(AdminDashboard.PATH)
@ServletSecurity(@HttpConstraint(rolesAllowed = "admin"))
public class AdminDashboard extends Page {

    static final String PATH = "/admin/dashboard";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        render(req, res, 200, "Admin dashboard", "<p>todo</p>");
    }
}
