package dev.gatehouse.example;

import dev.gatehouse.Caller;
import dev.gatehouse.account.AccountCreated;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.role.RoleService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;

/**
 * Roles of the example: {@code admin} (everything) and {@code member} ({@code projects.read}),
 * which every new account gets. There is no default account: the account whose email is named by
 * {@code GATEHOUSE_BOOTSTRAP_ADMIN} becomes admin once that email is verified (at its first page
 * view after verification), as long as nobody is admin yet. Signing up first with that address
 * gives a squatter nothing: the owner of the mailbox can take the account over with a reset link.
 */
@ApplicationScoped
public class ExampleSetup {

    @Inject
    RoleService roles;
    @Inject
    AuthSettings settings;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        DevOutbox.checkStart(settings, null); // a WAR does not know its address: only the strict-mode rule

        roles.defineRole("admin", List.of("*"));
        roles.defineRole("member", List.of("projects.read"));
    }

    void onSignUp(@Observes AccountCreated event) {
        roles.grantRole(event.user().id(), "member");
    }

    /**
     * Grants admin to a browser session of the bootstrap address once its email is verified and
     * nobody is admin yet. Cheap for everyone else (no database work).
     *
     * @return true when admin was granted by this call
     */
    boolean promoteIfBootstrap(Caller caller, String ip) {
        String bootstrap = bootstrapAdmin();
        if (bootstrap == null || !caller.isSession() || !caller.user().emailVerified() || caller.isInRole("admin")
                || !bootstrap.equals(caller.user().email()) || !roles.usersWithRole("admin").isEmpty()) {
            return false;
        }
        roles.grantRole(caller.userId(), "admin");
        Page.AUDIT.log(Level.INFO, "event=admin.bootstrap who={0} ip={1}", caller.userId(), ip);
        return true;
    }

    static String bootstrapAdmin() {
        String v = System.getProperty("example.bootstrapAdmin", System.getenv("GATEHOUSE_BOOTSTRAP_ADMIN"));
        return v == null || v.isBlank() ? null : v.strip().toLowerCase(Locale.ROOT);
    }
}
