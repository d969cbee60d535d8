package dev.gatehouse.example;

import dev.gatehouse.web.Guards;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** {@code GET /api/ping}: the cheapest endpoint, answering who called (or "anonymous"). Used by health checks and benchmarks. */
@WebServlet("/api/ping")
public class PingApi extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        res.setContentType("text/plain");
        res.getWriter().write(Guards.caller(req).map(c -> "pong " + c.userId()).orElse("pong anonymous"));
    }
}
