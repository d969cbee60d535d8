package dev.gatehouse.cli;

import static dev.gatehouse.cli.Output.map;

import dev.gatehouse.User;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.account.UserAdminService;
import dev.gatehouse.apitoken.ApiToken;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.apitoken.NewApiToken;
import dev.gatehouse.audit.AuditLog;
import dev.gatehouse.audit.AuditPage;
import dev.gatehouse.audit.AuditQuery;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.cdi.GatehouseProducer;
import dev.gatehouse.internal.persistence.Migrations;
import dev.gatehouse.mfa.MfaService;
import dev.gatehouse.passkey.Passkey;
import dev.gatehouse.passkey.PasskeyService;
import dev.gatehouse.mfa.MfaStatus;
import dev.gatehouse.role.Role;
import dev.gatehouse.role.RoleService;
import dev.gatehouse.session.SessionService;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** The commands, on Gatehouse's services from a Weld SE container started on demand. */
final class Commands implements AutoCloseable {

    private static final Set<String> DB = Set.of("jdbc-url", "jdbc-user", "jdbc-password-file", "audit-log", "json");
    /** The actor of every change made from the command line, in the audit trail. */
    static final String ACTOR = "cli";

    private final AuthSettings settings;
    private final Supplier<String> password;
    private WeldContainer weld;

    Commands(AuthSettings settings, Supplier<String> password) {
        this.settings = settings;
        this.password = password;
        CliBeans.settings = settings;
        CliBeans.pool = CliBeans.pool(settings);
        CliBeans.mailer = new CliMailer(settings);
    }

    private <T> T bean(Class<T> type) {
        if (weld == null) {
            weld = new Weld("gatehouse-cli").disableDiscovery().addBeanClasses(GatehouseProducer.class, CliBeans.class)
                    .property("org.jboss.weld.bootstrap.concurrentDeployment", false).initialize();
        }
        return weld.select(type).get();
    }

    Map<String, Object> run(Args a) {
        String cmd = String.join(" ", a.words.subList(0, Math.min(2, a.words.size())));
        return switch (cmd) {
            case "migrate" -> only(a, DB, this::migrate);
            case "status" -> only(a, DB, this::status);
            case "sweep" -> only(a, DB, () -> {
                var r = bean(dev.gatehouse.internal.cdi.GatehouseProducer.class).gatehouse().sweepExpired();
                return map("sessions", r.sessions(), "singleUseTokens", r.singleUseTokens(), "apiTokens", r.apiTokens(),
                        "rateLimitBuckets", r.rateLimitBuckets(), "auditEvents", r.auditEvents());
            });
            case "user create" -> only(a, with("email", "username", "password-stdin"), () -> createUser(a));
            case "user disable" -> only(a, with("user"), () -> map("disabled", bean(UserAdminService.class).disableUser(user(a).id(), ACTOR)));
            case "user enable" -> only(a, with("user"), () -> map("enabled", bean(UserAdminService.class).enableUser(user(a).id(), ACTOR)));
            case "user delete" -> only(a, with("user"), () -> map("deleted", bean(UserAdminService.class).deleteUser(user(a).id(), ACTOR)));
            case "role define" -> only(a, with("name", "permissions"), () -> {
                List<String> perms = list(a.get("permissions"));
                Role r = bean(RoleService.class).defineRole(a.require("name"), perms, ACTOR);
                return map("role", r.name(), "permissions", r.permissions());
            });
            case "role grant" -> only(a, with("user", "role"), () -> {
                String role = a.require("role");
                User u = user(a);
                bean(RoleService.class).grantRole(u.id(), role, ACTOR);
                return map("user", u.id(), "roles", bean(RoleService.class).rolesFor(u.id()));
            });
            case "role revoke" -> only(a, with("user", "role"), () -> {
                String role = a.require("role");
                User u = user(a);
                return map("user", u.id(), "revoked", bean(RoleService.class).revokeRole(u.id(), role, ACTOR));
            });
            case "sessions end" -> only(a, with("user", "all"), () -> {
                if (a.has("all") == a.has("user")) {
                    throw new CliException(CliException.USAGE, "give exactly one of --user and --all");
                }
                SessionService s = bean(SessionService.class);
                return map("ended", a.has("all") ? s.revokeEveryone() : s.revokeAll(user(a).id()));
            });
            case "mfa reset" -> only(a, with("user"), () -> resetMfa(user(a)));
            case "mfa status" -> only(a, with("user"), () -> {
                User u = user(a);
                MfaStatus s = bean(MfaService.class).status(u.id());
                return map("user", u.id(), "totpEnabled", s.totpEnabled(), "totpEnabledAt",
                        s.totpEnabledAt() == null ? null : s.totpEnabledAt().toString(),
                        "recoveryCodesLeft", s.recoveryCodesLeft(), "required", s.required());
            });
            case "passkeys list" -> only(a, with("user"), () -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (Passkey p : bean(PasskeyService.class).list(user(a).id())) {
                    rows.add(map("id", p.id(), "name", p.name(), "createdAt", p.createdAt().toString(),
                            "lastUsedAt", String.valueOf(p.lastUsedAt()), "backedUp", p.backedUp()));
                }
                return map("passkeys", rows);
            });
            case "passkeys delete" -> only(a, with("user", "id"), () -> {
                if (!bean(PasskeyService.class).removeAsAdministrator(user(a).id(), a.require("id"), ACTOR)) {
                    throw new CliException(CliException.NOT_FOUND, "no passkey " + a.get("id") + " of that user");
                }
                return map("deleted", true);
            });
            case "tokens list" -> only(a, with("user"), () -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                for (ApiToken t : bean(ApiTokenService.class).list(user(a).id())) {
                    rows.add(map("id", t.id(), "name", t.name(), "scopes", String.join(" ", t.scopes()),
                            "expiresAt", String.valueOf(t.expiresAt()), "lastUsedAt", String.valueOf(t.lastUsedAt())));
                }
                return map("tokens", rows);
            });
            case "tokens revoke" -> only(a, with("user", "id"), () -> {
                String id = a.require("id");
                boolean revoked = bean(ApiTokenService.class).revoke(user(a).id(), id);
                if (!revoked) {
                    throw new CliException(CliException.NOT_FOUND, "no live token " + a.get("id") + " of that user");
                }
                return map("revoked", true);
            });
            case "tokens mint" -> only(a, with("user", "name", "scopes", "days"), () -> {
                Integer days = a.has("days") ? parseInt(a.get("days"), "--days") : null;
                String name = a.require("name");
                List<String> scopes = list(a.require("scopes"));
                NewApiToken t = bean(ApiTokenService.class).create(user(a).id(), name, scopes, days);
                return map("token", t.raw(), "id", t.token().id(), "expiresAt", String.valueOf(t.token().expiresAt()));
            });
            case "audit list" -> only(a, with("user", "type", "since", "limit"), () -> auditList(a));
            default -> throw new CliException(CliException.USAGE, "unknown command '" + String.join(" ", a.words) + "' (see --help)");
        };
    }

    private static Set<String> with(String... names) {
        Set<String> s = new java.util.HashSet<>(DB);
        s.addAll(Arrays.asList(names));
        return s;
    }

    private static Map<String, Object> only(Args a, Set<String> known, Supplier<Map<String, Object>> body) {
        a.allowOnly(known);
        return body.get();
    }

    private Map<String, Object> migrate() {
        List<String> before = applied();
        Migrations.apply(CliBeans.pool);
        List<String> after = applied();
        List<String> ran = new ArrayList<>(after);
        ran.removeAll(before);
        return map("applied", ran, "total", after.size());
    }

    private Map<String, Object> status() {
        List<String> applied = applied();
        if (applied.isEmpty()) {
            return map("schema", "empty (run: migrate)", "changesets", 0);
        }
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(ZoneOffset.UTC));
        return map("schema", applied.get(applied.size() - 1), "changesets", applied.size(),
                "users", count("SELECT COUNT(*) FROM users", null),
                "liveSessions", count("SELECT COUNT(*) FROM sessions WHERE expires_at > ?", now),
                "liveApiTokens", count("SELECT COUNT(*) FROM api_tokens WHERE revoked_at IS NULL "
                        + "AND (expires_at IS NULL OR expires_at > ?)", now));
    }

    private Map<String, Object> createUser(Args a) {
        String email = a.get("email");
        String username = a.get("username");
        if (email == null && username == null) {
            throw new CliException(CliException.USAGE, "--email (or --username) is required");
        }
        User u = bean(AuthService.class).signUp(email, username, password.get(), null, "gatehouse-cli").user();
        bean(SessionService.class).revokeAll(u.id()); // sign-up opens a session; nobody will use it
        return map("id", u.id(), "email", u.email(), "username", u.username());
    }

    private Map<String, Object> auditList(Args a) {
        String who = a.get("user");
        String userId = who == null ? null : who.contains("@") ? user(a).id() : who; // a deleted account's id still has events
        int limit = a.has("limit") ? parseInt(a.get("limit"), "--limit") : 50;
        AuditPage page = bean(AuditLog.class).query(new AuditQuery(userId, AuditListing.types(list(a.get("type"))),
                a.has("since") ? AuditListing.instant(a.get("since"), "--since") : null, null, limit, null));
        return map("events", page.events().stream().map(AuditListing::row).toList());
    }

    private User user(Args a) {
        String who = a.require("user");
        return (who.contains("@") ? bean(UserAdminService.class).findUserByEmail(who) : bean(AuthService.class).findUser(who))
                .orElseThrow(() -> new CliException(CliException.NOT_FOUND, "no user " + who));
    }

    /** Removes every factor and ends the sessions (MfaService.reset, audited as the command line). */
    private Map<String, Object> resetMfa(User u) {
        int before = CliBeans.mailer.sent();
        boolean removed = bean(MfaService.class).reset(u.id(), "cli");
        return map("user", u.id(), "removed", removed, "notice", notice(removed, u, before));
    }

    /** What became of the owner's notice: SecurityNotices sends it, and logs rather than throws a failure. */
    private String notice(boolean removed, User u, int sentBefore) {
        if (!removed) {
            return "none (there was no factor to remove)";
        }
        if (!settings.security().securityNotices()) {
            return "none (securityNotices is off)";
        }
        if (u.email() == null) {
            return "none (the user has no email address)";
        }
        if (CliBeans.mailer.sent() > sentBefore) {
            return "sent to " + u.email();
        }
        return CliBeans.mailer.configured() ? "not sent (the warning on standard error says why)"
                : "not sent: no SMTP server (set GATEHOUSE_SMTP_HOST to mail the owner)";
    }

    private List<String> applied() {
        try (Connection c = CliBeans.pool.getConnection()) {
            try (ResultSet tables = c.getMetaData().getTables(null, null, "%", null)) {
                boolean found = false;
                while (tables.next()) {
                    found |= tables.getString("TABLE_NAME").equalsIgnoreCase(Migrations.CHANGELOG_TABLE);
                }
                if (!found) {
                    return List.of();
                }
            }
            List<String> ids = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM " + Migrations.CHANGELOG_TABLE
                    + " ORDER BY orderexecuted"); ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new CliException(CliException.FAILED, "cannot read the schema version: " + e.getMessage());
        }
    }

    private long count(String sql, Timestamp now) {
        try (Connection c = CliBeans.pool.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (now != null) {
                s.setTimestamp(1, now);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw new CliException(CliException.FAILED, "cannot count: " + e.getMessage());
        }
    }

    private static List<String> list(String csv) {
        return csv == null || csv.isBlank() ? List.of()
                : Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static int parseInt(String v, String flag) {
        try {
            return Integer.parseInt(v.strip());
        } catch (NumberFormatException e) {
            throw new CliException(CliException.USAGE, flag + " must be a whole number (got '" + v + "')");
        }
    }

    @Override
    public void close() {
        if (weld != null) {
            weld.shutdown();
        }
        if (CliBeans.mailer != null) {
            CliBeans.mailer.close();
        }
        if (CliBeans.pool != null) {
            CliBeans.pool.close();
        }
    }
}
