package dev.gatehouse.example;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code /docs/api}: Gatehouse's OpenAPI document ({@code /auth/openapi.json}) rendered by Swagger
 * UI from its WebJar in the WAR, no CDN. Only the three files the page needs are served, each from
 * this origin, under a CSP that allows scripts and styles from this origin alone.
 */
@WebServlet({"/docs/api", "/docs/api/*"})
public class ApiDocsPage extends HttpServlet {

    /** The Swagger UI WebJar's version (the example's pom names the same one). */
    static final String SWAGGER_UI = "5.18.2";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/" + SWAGGER_UI + "/";
    private static final Map<String, String> FILES = Map.of("/swagger-ui.css", "text/css",
            "/swagger-ui-bundle.js", "text/javascript");
    // Swagger UI draws its server list without a label: the script names it once the page is drawn.
    private static final String INIT = "window.ui = SwaggerUIBundle({url: '/auth/openapi.json', dom_id: '#api',"
            + " deepLinking: false, validatorUrl: null, tryItOutEnabled: false, onComplete: function () {"
            + " var s = document.getElementById('servers'); if (s) { s.setAttribute('aria-label', 'Server'); } }});\n";
    private static final String PAGE = "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
            + "<meta name='viewport' content='width=device-width, initial-scale=1'>"
            + "<title>HTTP API · Gatehouse example</title><link rel='stylesheet' href='/docs/api/swagger-ui.css'>"
            + "<link rel='stylesheet' href='" + StaticFiles.CSS + "'></head><body class='api-docs'><a class='skip' "
            + "href='#main'>Skip to content</a><header class='bar'><div class='bar-in'><a class='brand' href='/'><span "
            + "class='logo' aria-hidden='true'></span>Gatehouse <small>example</small></a><nav><ul><li><a href='/'>Back "
            + "to the app</a></li><li><a href='/docs/api' aria-current='page'>API docs</a></li></ul></nav></div></header>"
            + "<main id='main'><h1>HTTP API</h1><p class='lead'>Gatehouse's JSON API, from its OpenAPI document "
            + "(<a href='/auth/openapi.json'>/auth/openapi.json</a>). The example's own pages call these same endpoints."
            + "</p><div id='api'></div></main>"
            + "<script src='/docs/api/swagger-ui-bundle.js'></script><script src='/docs/api/init.js'></script></body></html>";

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        String file = req.getPathInfo() == null ? "/" : req.getPathInfo();
        res.setHeader("Content-Security-Policy", "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
                + " connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'");
        res.setHeader("X-Content-Type-Options", "nosniff");
        if (file.equals("/")) {
            write(res, "text/html", PAGE.getBytes(StandardCharsets.UTF_8));
        } else if (file.equals("/init.js")) {
            write(res, "text/javascript", INIT.getBytes(StandardCharsets.UTF_8));
        } else if (FILES.containsKey(file)) {
            try (InputStream in = ApiDocsPage.class.getClassLoader().getResourceAsStream(WEBJAR + file.substring(1))) {
                if (in == null) {
                    res.sendError(404);
                    return;
                }
                res.setHeader("Cache-Control", "public, max-age=86400");
                write(res, FILES.get(file), in.readAllBytes());
            }
        } else {
            res.sendError(404);
        }
    }

    private static void write(HttpServletResponse res, String type, byte[] body) throws IOException {
        res.setContentType(type + ";charset=utf-8");
        res.setContentLength(body.length);
        res.getOutputStream().write(body);
    }
}
