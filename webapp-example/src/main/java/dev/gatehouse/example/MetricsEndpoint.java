package dev.gatehouse.example;

import dev.gatehouse.ForGatehouse;
import dev.gatehouse.web.Guards;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * {@code GET /metrics}: Gatehouse's meters in the Prometheus text format, for callers holding the
 * permission {@code metrics.read}: an admin, or a scraper with an API token scoped to it
 * ({@code bearer_token} in Prometheus' scrape config).
 */
@WebServlet("/metrics")
public class MetricsEndpoint extends HttpServlet {

    /** What a caller needs to read the meters. */
    static final String PERMISSION = "metrics.read";

    @Inject
    @ForGatehouse
    PrometheusMeterRegistry registry;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Guards.requirePermission(req, PERMISSION);
        res.setContentType("text/plain;version=0.0.4;charset=utf-8");
        res.setHeader("Cache-Control", "no-store");
        res.getWriter().write(registry.scrape());
    }
}
