package dev.gatehouse.internal.web.api;

import dev.gatehouse.ErrorCode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Method + path to handler. A path ending in {@code /{id}} matches one more segment (possibly
 * empty, never containing '/'); a literal path wins over it. A path in the table answers a method
 * it does not list with 405 and an {@code Allow} of the methods it does, in table order; a
 * switched-off feature's path answers 404 to every method; any other path is not the API's.
 */
final class RouteTable {

    private static final String ID = "{id}";

    /** Whether a feature's rows are served, answered 404, or left out (its paths fall through). */
    enum When { ON, NOT_FOUND, ABSENT }

    private record Route(String method, ApiCall.Handler handler) {
    }

    private final Map<String, List<Route>> literals = new HashMap<>();
    /** Rows of {@code /x/{id}} paths, keyed by {@code /x/}. */
    private final Map<String, List<Route>> withId = new HashMap<>();
    private final Set<String> notFound = new HashSet<>();
    /** Switched-off {@code /x/{id}} rows, keyed by {@code /x/}: every id under them answers 404. */
    private final Set<String> notFoundWithId = new HashSet<>();

    RouteTable add(String method, String path, ApiCall.Handler handler) {
        return add(method, path, handler, When.ON);
    }

    RouteTable add(String method, String path, ApiCall.Handler handler, When when) {
        if (path.contains(ID) && !path.endsWith("/" + ID)) {
            throw new IllegalArgumentException("{id} must be the last segment: " + path);
        }
        Map<String, List<Route>> rows = path.endsWith(ID) ? withId : literals;
        String key = path.endsWith(ID) ? path.substring(0, path.length() - ID.length()) : path;
        switch (when) {
            case ON -> rows.computeIfAbsent(key, k -> new ArrayList<>()).add(new Route(method, handler));
            case NOT_FOUND -> (path.endsWith(ID) ? notFoundWithId : notFound).add(key);
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
            int slash = path.lastIndexOf('/');
            String key = path.substring(0, slash + 1);
            rows = withId.get(key);
            id = path.substring(slash + 1);
            if (rows == null && notFoundWithId.contains(key)) {
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
        withId.forEach((key, rows) -> rows.forEach(r -> ops.add(r.method() + " " + key + ID)));
        return ops;
    }

    /** The answer of a switched-off feature: like an unknown path, so no configuration hint reaches a client. */
    static ApiError notFound() {
        return new ApiError(ErrorCode.NOT_FOUND, "Not found.");
    }
}
