package dev.gatehouse.docs.containers;

import dev.gatehouse.web.Guards;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

@WebServlet("/projects")
public class ProjectsServlet extends HttpServlet {
    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Guards.requirePermission(req, "projects.write"); // 401 anonymous, 403 without the permission
        res.setStatus(201);
    }
}
