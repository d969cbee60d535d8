package dev.gatehouse.internal.web.api;

import dev.gatehouse.ErrorCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Method + path to handler. A path with a {@code {id}} segment ({@code /x/{id}} or {@code /x/{id}/y}) matches one
 * segment there (possibly empty, never containing '/'); a literal path wins over it. A path in the table answers a
 * method it does not list with 405 and an {@code Allow} of the methods it does, in table order; a switched-off
 * feature's path answers 404 to every method; any other path is not the API's.
 */
final class RouteTable {

    private static final String ID = "{id}";

    /** Whether a feature's rows are served, answered 404, or left out (its paths fall through). */
    enum When { ON, NOT_FOUND, ABSENT }

    private record Route(String method, ApiCall.Handler handler) {
    }

    /** A path with an id segment: what comes before and after it. */
    private record Template(String before, String after) {
        String id(String path) {
            if (path.length() < before.length() + after.length() || !path.startsWith(before) || !path.endsWith(after)) {
                return null;
            }
            String id = path.substring(before.length(), path.length() - after.length());
            return id.indexOf('/') < 0 ? id : null;
        }

        @Override
        public String toString() {
            return before + ID + after;
        }
    }

    private final Map<String, List<Route>> literals = new HashMap<>();
    private final Map<Template, List<Route>> withId = new LinkedHashMap<>();
    private final Set<String> notFound = new HashSet<>();
    /** Switched-off id paths: every id under them answers 404. */
    private final Set<Template> notFoundWithId = new HashSet<>();

    RouteTable add(String method, String path, ApiCall.Handler handler) {
        return add(method, path, handler, When.ON);
    }

    RouteTable add(String method, String path, ApiCall.Handler handler, When when) {
        int at = path.indexOf(ID);
        if (at >= 0 && (path.charAt(at - 1) != '/' || path.indexOf(ID, at + 1) >= 0
                || (at + ID.length() < path.length() && path.charAt(at + ID.length()) != '/'))) {
            throw new IllegalArgumentException("{id} must be one whole segment, once: " + path);
        }
        if (at < 0) {
            switch (when) {
                case ON -> literals.computeIfAbsent(path, k -> new ArrayList<>()).add(new Route(method, handler));
                case NOT_FOUND -> notFound.add(path);
                case ABSENT -> { }
            }
            return this;
        }
        Template t = new Template(path.substring(0, at), path.substring(at + ID.length()));
        switch (when) {
            case ON -> withId.computeIfAbsent(t, k -> new ArrayList<>()).add(new Route(method, handler));
            case NOT_FOUND -> notFoundWithId.add(t);
            case ABSENT -> { }
        }
        return this;
    }

    /**
     * Runs the handler of {@code call}'s method on {@code path}.
     *
     * @return false when the path is not in the table (the request is not the API's)
     * @throws ApiError 404 for a switched-off feature, 405 for a method the path does not list
     */
    boolean dispatch(String path, ApiCall call) throws IOException {
        if (notFound.contains(path)) {
            throw notFound();
        }
        List<Route> rows = literals.get(path);
        String id = null;
        if (rows == null) {
            for (Map.Entry<Template, List<Route>> e : withId.entrySet()) {
                id = e.getKey().id(path);
                if (id != null) {
                    rows = e.getValue();
                    break;
                }
            }
            if (rows == null && notFoundWithId.stream().anyMatch(t -> t.id(path) != null)) {
                throw notFound();
            }
        }
        if (rows == null) {
            return false;
        }
        String method = call.req().getMethod();
        for (Route r : rows) {
            if (r.method().equals(method)) {
                r.handler().handle(id == null ? call : call.withId(id));
                return true;
            }
        }
        throw ApiError.methodNotAllowed(rows.stream().map(Route::method).collect(Collectors.joining(", ")));
    }

    /** The served rows as {@code "METHOD /path"} (an id row with its {@code {id}}), for the OpenAPI drift test. */
    Set<String> operations() {
        Set<String> ops = new TreeSet<>();
        literals.forEach((path, rows) -> rows.forEach(r -> ops.add(r.method() + " " + path)));
        withId.forEach((t, rows) -> rows.forEach(r -> ops.add(r.method() + " " + t)));
        return ops;
    }

    /** The answer of a switched-off feature: like an unknown path, so no configuration hint reaches a client. */
    static ApiError notFound() {
        return new ApiError(ErrorCode.NOT_FOUND, "Not found.");
    }
}
