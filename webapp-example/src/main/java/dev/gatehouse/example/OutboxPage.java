package dev.gatehouse.example;

import dev.gatehouse.mail.DevOutboxMailer;
import dev.gatehouse.mail.MailMessage;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Development only: the messages the dev outbox "sent", newest first, links clickable. 404 unless
 * {@link DevOutbox} serves it to this caller (not strict, no real mailer, a loopback caller).
 */
@WebServlet("/outbox")
public class OutboxPage extends Page {

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        Optional<DevOutboxMailer> served = outbox.servedTo(req);
        if (served.isEmpty()) {
            res.sendError(404);
            return;
        }
        List<MailMessage> messages = served.get().messages();
        StringBuilder b = new StringBuilder("<p class='notice'>Development only: nothing here was really sent.</p>"
                + (messages.isEmpty() ? "<p class='empty' id='outbox-empty'>No mail yet. Sign-up verification, password "
                + "resets and email changes appear here.</p>" : "") + "<ol id='outbox' reversed>");
        for (int i = messages.size() - 1; i >= 0; i--) {
            MailMessage m = messages.get(i);
            String body = esc(m.body()).replaceAll("(https?://[^\\s<]+)", "<a class='mail-link' href='$1'>$1</a>");
            b.append("<li><b>").append(esc(m.subject())).append("</b> to ").append(esc(m.to())).append("<pre>")
                    .append(body).append("</pre></li>");
        }
        render(req, res, 200, "Dev outbox", b + "</ol>");
    }
}
