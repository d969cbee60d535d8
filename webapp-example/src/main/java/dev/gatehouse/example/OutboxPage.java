package dev.gatehouse.example;

import dev.gatehouse.MailMessage;
import dev.gatehouse.Mailer;
import dev.gatehouse.mail.DevOutboxMailer;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;

/** Development only: the messages the dev outbox "sent", newest first, links clickable. 404 with a real mailer. */
@WebServlet("/outbox")
public class OutboxPage extends Page {

    @Inject
    Mailer mailer;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse res) throws IOException {
        if (!(mailer instanceof DevOutboxMailer outbox)) {
            res.sendError(404);
            return;
        }
        List<MailMessage> messages = outbox.messages();
        StringBuilder b = new StringBuilder("<p>Development only: nothing here was really sent.</p><ol id='outbox' reversed>");
        for (int i = messages.size() - 1; i >= 0; i--) {
            MailMessage m = messages.get(i);
            String body = esc(m.body()).replaceAll("(https?://[^\\s<]+)", "<a class='mail-link' href='$1'>$1</a>");
            b.append("<li><b>").append(esc(m.subject())).append("</b> to ").append(esc(m.to())).append("<pre>")
                    .append(body).append("</pre></li>");
        }
        render(req, res, 200, "Dev outbox", b + "</ol>");
    }
}
