package dev.gatehouse.example;

import dev.gatehouse.role.RequiresPermission;
import dev.gatehouse.web.Guards;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * {@code GET/POST /api/projects}: a JSON API guarded by permissions, usable with an API token:
 * {@code curl -H "Authorization: Bearer gate_pat_…" http://localhost:8080/api/projects}. A POST is checked
 * for {@code projects.write} before its body is read, and the body is capped (413 beyond).
 */
@WebServlet("/api/projects")
public class ProjectsApi extends HttpServlet {

    /** Projects kept in memory: the example is about access, not storage. */
    @ApplicationScoped
    public static class Projects {
        private final List<String> names = new CopyOnWriteArrayList<>();

        @RequiresPermission("projects.read")
        public List<String> list() {
            return List.copyOf(names);
        }

        @RequiresPermission("projects.write")
        public void add(String name) {
            if (name == null || name.isBlank() || name.length() > 100) {
                throw new IllegalArgumentException("name must be 1-100 characters");
            }
            names.add(name.strip());
        }
    }

    @Inject
    Projects projects;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        JsonArrayBuilder list = Json.createArrayBuilder();
        projects.list().forEach(list::add);
        write(res, 200, Json.createObjectBuilder().add("projects", list).build());
    }

    /** Largest body read; a JSON object with a 100-character name needs far less. */
    public static final int MAX_BODY_BYTES = 16 * 1024;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Guards.requirePermission(req, "projects.write"); // before the body: nobody else gets it read
        byte[] bytes = req.getContentLengthLong() > MAX_BODY_BYTES ? null : req.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
        if (bytes == null || bytes.length > MAX_BODY_BYTES) {
            res.setHeader("Connection", "close"); // the rest of the body is not worth reading
            write(res, 413, Json.createObjectBuilder().add("ok", false).add("error", "The body may hold at most "
                    + MAX_BODY_BYTES + " bytes.").add("code", "payload_too_large").build());
            return;
        }
        String name = nameIn(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        try {
            projects.add(name);
        } catch (IllegalArgumentException e) {
            write(res, 400, Json.createObjectBuilder().add("ok", false).add("error", e.getMessage())
                    .add("code", "invalid_request").build());
            return;
        }
        write(res, 201, Json.createObjectBuilder().add("ok", true).add("name", name).build());
    }

    /** The string {@code name} of a JSON object body, or null for anything else. */
    public static String nameIn(String body) {
        try (var reader = Json.createReader(new java.io.StringReader(body))) {
            JsonObject json = reader.readObject();
            return json.get("name") instanceof JsonString s ? s.getString() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void write(HttpServletResponse res, int status, JsonObject body) throws IOException {
        res.setStatus(status);
        res.setContentType("application/json;charset=utf-8");
        res.getWriter().write(body.toString());
    }
}
