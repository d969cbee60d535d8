package dev.gatehouse.mail;

import dev.gatehouse.config.AuthSettings;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.lang.System.Logger.Level;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Sends through an SMTP server with Jakarta Mail (Angus on Jetty; the server's own on WildFly
 * and Payara). Delivery happens on one background thread so a request never waits for the mail
 * server and a reset request for an existing account takes as long as one for an unknown email.
 * A message that still fails after three attempts is logged (recipient and subject only) and dropped;
 * so is one that finds the queue full: {@link #send} never fails, so a reset request for an existing
 * account answers exactly as one for an unknown email.
 */
public final class SmtpMailer implements Mailer, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SmtpMailer.class.getName());
    private static final int ATTEMPTS = 3;

    private final Session session;
    private final InternetAddress from;
    private final ExecutorService worker;

    public SmtpMailer(AuthSettings settings) {
        Properties p = new Properties();
        p.put("mail.smtp.host", settings.mail().smtpHost());
        p.put("mail.smtp.port", Integer.toString(settings.mail().smtpPort()));
        p.put("mail.smtp.starttls.enable", Boolean.toString(settings.mail().smtpStartTls()));
        p.put("mail.smtp.starttls.required", Boolean.toString(settings.mail().smtpStartTls()));
        p.put("mail.smtp.connectiontimeout", "10000");
        p.put("mail.smtp.timeout", "10000");
        p.put("mail.smtp.writetimeout", "10000");
        Authenticator auth = null;
        if (settings.mail().smtpUser() != null) {
            p.put("mail.smtp.auth", "true");
            String user = settings.mail().smtpUser();
            String password = settings.mail().smtpPassword();
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password);
                }
            };
        }
        this.session = Session.getInstance(p, auth);
        try {
            this.from = new InternetAddress(settings.mail().mailFrom(), true);
        } catch (MessagingException e) {
            throw new IllegalArgumentException("mailFrom is not a valid address: " + settings.mail().mailFrom(), e);
        }
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000), r -> {
            Thread t = new Thread(r, "gatehouse-mail");
            t.setDaemon(true);
            return t;
        });
    }

    /** Queues the message; a full queue or a stopped mailer drops it with a log line, never an exception. */
    @Override
    public void send(MailMessage message) {
        try {
            worker.execute(() -> deliver(message));
        } catch (RejectedExecutionException e) {
            LOG.log(Level.WARNING, "email '" + message.subject() + "' to " + message.to()
                    + " dropped: the mail queue is full or stopped");
        }
    }

    private void deliver(MailMessage message) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                MimeMessage m = new MimeMessage(session);
                m.setFrom(from);
                m.setRecipient(Message.RecipientType.TO, new InternetAddress(message.to(), true));
                m.setSubject(message.subject(), "UTF-8");
                m.setText(message.body(), "UTF-8");
                Transport.send(m);
                return;
            } catch (MessagingException e) {
                if (attempt == ATTEMPTS) {
                    LOG.log(Level.WARNING, "email '" + message.subject() + "' to " + message.to() + " not delivered: "
                            + e.getMessage());
                }
            }
        }
    }

    /** Delivers what is queued (waiting up to 30 s), then stops. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
