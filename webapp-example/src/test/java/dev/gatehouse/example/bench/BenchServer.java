package dev.gatehouse.example.bench;

import dev.gatehouse.example.Main;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Map;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * The example plus the reference the benchmark compares against: the container's own in-memory
 * {@code HttpSession} holding a principal, the cheapest stateful authentication there is.
 * Started by {@code bench/run}; not part of the application.
 */
public final class BenchServer {

    private BenchServer() {
    }

    /** {@code POST /bench/ref-login}: puts a principal name in a new HttpSession. */
    public static class RefLogin extends HttpServlet {
        @Override
        protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
            req.getSession(true).setAttribute("principal", "ref-user");
            res.getWriter().write("ok");
        }
    }

    /** {@code GET /bench/ref-ping}: the same answer as /api/ping, authenticated by HttpSession. */
    public static class RefPing extends HttpServlet {
        @Override
        protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
            HttpSession s = req.getSession(false);
            Object p = s == null ? null : s.getAttribute("principal");
            res.setContentType("text/plain");
            res.getWriter().write(p == null ? "pong anonymous" : "pong " + p);
        }
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "8090");
        Server server = Main.start(port, Map.of("/bench/ref-login", RefLogin.class, "/bench/ref-ping", RefPing.class));
        System.out.println("bench server ready on " + ((ServerConnector) server.getConnectors()[0]).getLocalPort());
        server.join();
    }
}
