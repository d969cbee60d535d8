package dev.gatehouse.example;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * {@code /static/*}: the example's own scripts, read from the class path. Only the files named here are
 * served (no directory listing, no path from the request reaches the class loader). Pages load them with
 * their CSP nonce ({@code <script nonce=... src=...>}), so the pages' policy needs no {@code 'self'}.
 */
@WebServlet("/static/*")
public class StaticFiles extends HttpServlet {

    /** The passkey script: sign-in (button and autofill), registration, sign-up, "confirm it's you". */
    static final String PASSKEYS = "/static/passkeys.js";

    private static final Map<String, String> FILES = Map.of("/passkeys.js", "passkeys.js");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String name = FILES.get(req.getPathInfo() == null ? "" : req.getPathInfo());
        if (name == null) {
            res.sendError(404);
            return;
        }
        byte[] body;
        try (InputStream in = StaticFiles.class.getResourceAsStream(name)) {
            if (in == null) {
                res.sendError(404);
                return;
            }
            body = in.readAllBytes();
        }
        res.setContentType("text/javascript;charset=utf-8");
        res.setContentLength(body.length);
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Cache-Control", "no-cache"); // revalidated, so a new version is picked up at once
        res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        res.getOutputStream().write(body);
    }
}
