package dev.gatehouse.example;

import dev.gatehouse.Gatehouse;
import dev.gatehouse.Health;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /health}, for load balancers: 200 when Gatehouse's database, schema and hashing are
 * fine, else 503, with each check's short detail (no secrets: see {@link Health}).
 */
@WebServlet("/health")
public class HealthEndpoint extends HttpServlet {

    @Inject
    Gatehouse gatehouse;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Health health = gatehouse.health();
        JsonArrayBuilder checks = Json.createArrayBuilder();
        health.checks().forEach(c -> checks.add(Json.createObjectBuilder().add("name", c.name())
                .add("status", c.status().name()).add("detail", c.detail())));
        res.setStatus(health.up() ? 200 : 503);
        res.setContentType("application/json;charset=utf-8");
        res.setHeader("Cache-Control", "no-store");
        res.getWriter().write(Json.createObjectBuilder().add("status", health.up() ? "UP" : "DOWN").add("checks", checks)
                .build().toString());
    }
}
