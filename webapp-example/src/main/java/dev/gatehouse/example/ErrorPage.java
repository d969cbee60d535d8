package dev.gatehouse.example;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/**
 * The example's own error pages, in place of the container's (which may show its name, version
 * or a stack trace). Registered as the error page for {@link #CODES} and any exception: by
 * {@link Main} on embedded Jetty and by {@code WEB-INF/web.xml} in the WAR.
 */
@WebServlet("/error")
public class ErrorPage extends Page {

    static final List<Integer> CODES = List.of(400, 401, 403, 404, 405, 413, 429, 500, 503);

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse res) throws IOException {
        int status = req.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer s ? s : 404;
        if (req.getAttribute(RequestDispatcher.ERROR_EXCEPTION) != null) {
            status = 500; // never shown: the exception is logged by the container
        }
        String ctx = req.getContextPath();
        String[] page = switch (status) {
            case 401 -> new String[] {"Sign in required", "You need to <a href='" + ctx + "/login'>sign in</a> to see this page."};
            case 403 -> new String[] {"Not allowed", "Your account may not do that."};
            case 404 -> new String[] {"Not found", "There is no such page."};
            case 429 -> new String[] {"Too many requests", "Slow down and try again in a moment."};
            case 503 -> new String[] {"Temporarily unavailable", "The service is busy or unavailable. Try again shortly."};
            default -> status >= 500 ? new String[] {"Something went wrong", "Try again later."}
                    : new String[] {"Request refused", "The request could not be handled."};
        };
        render(req, res, status, page[0], "<p>" + page[1] + "</p><p><a href='" + ctx + "/'>Home</a></p>");
    }
}
