package dev.gatehouse.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * Keeps "sent" emails in memory (the newest 200) for development, so flows that send links can
 * be followed without a mail server. Never use it in production: it delivers nothing.
 */
public final class DevOutboxMailer implements Mailer {

    private static final int KEEP = 200;
    private final List<MailMessage> messages = new ArrayList<>();

    @Override
    public synchronized void send(MailMessage message) {
        messages.add(message);
        if (messages.size() > KEEP) {
            messages.remove(0);
        }
    }

    /** Messages in the order they were sent. */
    public synchronized List<MailMessage> messages() {
        return List.copyOf(messages);
    }
}
