package dev.gatehouse.mail;

import java.util.Objects;

/** One plain-text email. {@link #toString()} leaves out the body, which may hold a link token. */
public record MailMessage(String to, String subject, String body) {
    public MailMessage {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(body, "body");
    }

    @Override
    public String toString() {
        return "MailMessage[to=" + to + ", subject=" + subject + "]";
    }
}
