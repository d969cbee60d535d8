package dev.gatehouse.example;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * {@code /static/*}: the example's stylesheet and scripts, read from the class path. Only the files named here
 * are served (no directory listing, no path from the request reaches the class loader). Pages load the scripts
 * with their CSP nonce ({@code <script nonce=... src=...>}), so the pages' {@code script-src} needs no
 * {@code 'self'}; the stylesheet is what {@code style-src 'self'} allows.
 */
@WebServlet("/static/*")
public class StaticFiles extends HttpServlet {

    /** The passkey script: sign-in (button and autofill), registration, sign-up, "confirm it's you". */
    static final String PASSKEYS = "/static/passkeys.js";

    /** The pages' script: forms sent through the JSON API, errors shown in place. */
    static final String SCRIPT = "/static/app.js";
    /** The one stylesheet. */
    static final String CSS = "/static/app.css";

    private static final Map<String, String> FILES = Map.of("/passkeys.js", "text/javascript", "/app.js", "text/javascript",
            "/app.css", "text/css");

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String path = req.getPathInfo() == null ? "" : req.getPathInfo();
        String type = FILES.get(path);
        if (type == null) {
            res.sendError(404);
            return;
        }
        byte[] body;
        try (InputStream in = StaticFiles.class.getResourceAsStream(path.substring(1))) {
            if (in == null) {
                res.sendError(404);
                return;
            }
            body = in.readAllBytes();
        }
        res.setContentType(type + ";charset=utf-8");
        res.setContentLength(body.length);
        res.setHeader("X-Content-Type-Options", "nosniff");
        res.setHeader("Cache-Control", "no-cache"); // revalidated, so a new version is picked up at once
        res.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
        res.getOutputStream().write(body);
    }
}
