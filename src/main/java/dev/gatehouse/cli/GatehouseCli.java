package dev.gatehouse.cli;

import dev.gatehouse.AuthException;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.config.AuthSettings;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * {@code java -jar gatehouse-cli.jar COMMAND [options]}: operator commands on the application's
 * database, run through Gatehouse's CDI services on Weld SE. Exit codes: 0 done, 1 failed (for
 * example an unreachable database), 2 bad usage or input, 3 no such user, role or token.
 */
public final class GatehouseCli {

    static final String HELP = """
            Usage: java -jar gatehouse-cli.jar COMMAND [options] [--json]

            Database (flags or the same GATEHOUSE_* environment as the application):
              --jdbc-url URL        (GATEHOUSE_JDBC_URL)
              --jdbc-user USER      (GATEHOUSE_JDBC_USER)
              --jdbc-password-file FILE   first line of FILE (or GATEHOUSE_JDBC_PASSWORD);
                                    never on the command line
            Settings come from the same GATEHOUSE_* environment; strict mode is on unless
            GATEHOUSE_STRICT=false, so hashes meet the same Argon2id floors as the application's.

            Commands:
              migrate                                  apply the Liquibase changelog, list what ran
              status                                   schema version; users, live sessions, live API tokens
              user create --email E [--username U] [--password-stdin]
                                                       password typed without echo, or one line on stdin
              user disable|enable|delete --user EMAIL_OR_ID
                                                       disable/delete also end sessions and API tokens
              role define --name R [--permissions p1,p2]
              role grant|revoke --user EMAIL_OR_ID --role R
              sessions end --user EMAIL_OR_ID | --all
              mfa status --user EMAIL_OR_ID            two-factor sign-in: enabled since, recovery codes left
              mfa reset --user EMAIL_OR_ID             remove every factor and end the sessions (audited;
                                                       the owner is mailed when GATEHOUSE_SMTP_HOST is set)
              passkeys list --user EMAIL_OR_ID         the user's passkeys: id, name, created, last used
              passkeys delete --user EMAIL_OR_ID --id PASSKEY_ID
                                                       remove a lost passkey (not the last one of an
                                                       account without a password)
              tokens list --user EMAIL_OR_ID
              tokens revoke --user EMAIL_OR_ID --id TOKEN_ID
              tokens mint --user EMAIL_OR_ID --name N --scopes s1,s2 [--days D]   (printed once)
              audit list [--user EMAIL_OR_ID] [--type T1,T2] [--since ISO] [--limit N]
                                                       security events, newest first, one line each
                                                       (default 50, at most 200; types as in docs/AUDIT.md)
              sweep                                    delete expired sessions, tokens, counters and
                                                       audit events past auditRetentionDays

            --json prints one JSON object; --verbose shows the libraries' log.
            Audit events (dev.gatehouse.audit) go to standard error, or appended to --audit-log FILE;
            so does a notice the SMTP server (GATEHOUSE_SMTP_*) did not take.
            Exit codes: 0 ok, 1 failed, 2 bad usage or input, 3 not found.
            """;

    /** Held here: java.util.logging keeps loggers weakly, and a collected one loses its level and handler. */
    private static final java.util.logging.Logger AUDIT = java.util.logging.Logger.getLogger("dev.gatehouse.audit");
    /** Mail that could not be delivered (a security notice) is the operator's business even without --verbose. */
    private static final java.util.logging.Logger MAIL = java.util.logging.Logger.getLogger("dev.gatehouse.mail");

    private GatehouseCli() {
    }

    public static void main(String[] argv) {
        quietLogging(java.util.Arrays.asList(argv).contains("--verbose"), auditLogFile(argv));
        String[] args = java.util.Arrays.stream(argv).filter(a -> !a.equals("--verbose")).toArray(String[]::new);
        System.exit(run(args, System.in, System.out, System.err, System.getenv()));
    }

    /**
     * Library chatter (Weld, Hibernate, Liquibase, HikariCP) stays off the terminal unless --verbose;
     * the audit log never does: one line per event on standard error, or appended to a file. Nor do
     * warnings about mail that was not delivered.
     */
    private static void quietLogging(boolean verbose, String auditFile) {
        java.util.logging.LogManager.getLogManager().reset();
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Level level = verbose ? java.util.logging.Level.INFO : java.util.logging.Level.SEVERE;
        root.setLevel(level);
        java.util.logging.ConsoleHandler h = new java.util.logging.ConsoleHandler();
        h.setLevel(level);
        root.addHandler(h);
        AUDIT.setLevel(java.util.logging.Level.INFO);
        AUDIT.setUseParentHandlers(false);
        AUDIT.addHandler(AuditLines.handler(auditFile));
        if (!verbose) {
            java.util.logging.ConsoleHandler mail = new java.util.logging.ConsoleHandler();
            mail.setLevel(java.util.logging.Level.WARNING);
            MAIL.setLevel(java.util.logging.Level.WARNING);
            MAIL.setUseParentHandlers(false);
            MAIL.addHandler(mail);
        }
    }

    /** The value of --audit-log, read before the arguments are parsed (logging starts first). */
    private static String auditLogFile(String[] argv) {
        for (int i = 0; i < argv.length; i++) {
            if (argv[i].startsWith("--audit-log=")) {
                return argv[i].substring("--audit-log=".length());
            }
            if (argv[i].equals("--audit-log") && i + 1 < argv.length) {
                return argv[i + 1];
            }
        }
        return null;
    }

    /** Runs one command; returns the exit code. Never prints a password or a stack trace. */
    static int run(String[] argv, InputStream in, PrintStream out, PrintStream err, Map<String, String> env) {
        try {
            Args args = Args.parse(argv);
            if (args.has("help") || args.words.isEmpty()) {
                out.print(HELP);
                return args.words.isEmpty() && !args.has("help") ? CliException.USAGE : 0;
            }
            AuthSettings settings = settings(args, env);
            try (Commands commands = new Commands(settings, () -> readPassword(args, in, err))) {
                new Output(out, args.has("json")).print(commands.run(args));
            }
            return 0;
        } catch (CliException e) {
            err.println("gatehouse: " + e.getMessage());
            return e.exitCode();
        } catch (AuthException | IllegalArgumentException e) {
            err.println("gatehouse: " + e.getMessage());
            return CliException.USAGE;
        } catch (GatehouseUnavailableException e) {
            err.println("gatehouse: " + e.getMessage());
            return CliException.FAILED;
        } catch (RuntimeException e) {
            err.println("gatehouse: " + rootMessage(e));
            return CliException.FAILED;
        }
    }

    static AuthSettings settings(Args args, Map<String, String> env) {
        Map<String, String> merged = new HashMap<>(env);
        merged.put("GATEHOUSE_HOUSEKEEPING_INTERVAL_SECONDS", "0");
        if (args.has("jdbc-url")) {
            merged.put("GATEHOUSE_JDBC_URL", args.get("jdbc-url"));
        }
        if (args.has("jdbc-user")) {
            merged.put("GATEHOUSE_JDBC_USER", args.get("jdbc-user"));
        }
        if (args.has("jdbc-password-file")) {
            merged.put("GATEHOUSE_JDBC_PASSWORD", firstLine(args.get("jdbc-password-file")));
        }
        if (merged.get("GATEHOUSE_JDBC_URL") == null) {
            throw new CliException(CliException.USAGE, "no database: give --jdbc-url or set GATEHOUSE_JDBC_URL");
        }
        merged.putIfAbsent("GATEHOUSE_RUN_MIGRATIONS", "false");
        return AuthSettings.fromSources(merged, new java.util.Properties());
    }

    private static String firstLine(String file) {
        try (BufferedReader r = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(file), StandardCharsets.UTF_8)) {
            String line = r.readLine();
            if (line == null || line.isEmpty()) {
                throw new CliException(CliException.USAGE, "--jdbc-password-file " + file + " is empty");
            }
            return line;
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            throw new CliException(CliException.USAGE, "cannot read --jdbc-password-file " + file + ": " + e.getClass().getSimpleName());
        }
    }

    private static String readPassword(Args args, InputStream in, PrintStream err) {
        if (args.has("password-stdin") || System.console() == null) {
            try {
                String line = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
                if (line == null || line.isEmpty()) {
                    throw new CliException(CliException.USAGE, "no password on standard input");
                }
                return line;
            } catch (java.io.IOException e) {
                throw new CliException(CliException.FAILED, "cannot read the password: " + e.getMessage());
            }
        }
        char[] first = System.console().readPassword("Password: ");
        char[] again = System.console().readPassword("Again: ");
        if (first == null || again == null || !java.util.Arrays.equals(first, again)) {
            throw new CliException(CliException.USAGE, "the two passwords differ");
        }
        return new String(first);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return (e.getMessage() != null && !e.getMessage().equals(m) ? e.getMessage() + ": " : "") + m.replace('\n', ' ');
    }
}
