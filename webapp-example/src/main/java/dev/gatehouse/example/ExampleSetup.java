package dev.gatehouse.example;

import dev.gatehouse.AccountCreated;
import dev.gatehouse.RoleService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;

/**
 * Roles of the example: {@code admin} (everything) and {@code member} ({@code projects.read}),
 * which every new account gets. There is no default account: the email named by
 * {@code GATEHOUSE_BOOTSTRAP_ADMIN} becomes admin when it signs up, as long as nobody is admin yet.
 */
@ApplicationScoped
public class ExampleSetup {

    @Inject
    RoleService roles;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        roles.defineRole("admin", List.of("*"));
        roles.defineRole("member", List.of("projects.read"));
    }

    void onSignUp(@Observes AccountCreated event) {
        String id = event.user().id();
        roles.grantRole(id, "member");
        String bootstrap = bootstrapAdmin();
        if (bootstrap != null && bootstrap.equals(event.user().email()) && roles.usersWithRole("admin").isEmpty()) {
            roles.grantRole(id, "admin");
        }
    }

    static String bootstrapAdmin() {
        String v = System.getProperty("example.bootstrapAdmin", System.getenv("GATEHOUSE_BOOTSTRAP_ADMIN"));
        return v == null || v.isBlank() ? null : v.strip().toLowerCase(Locale.ROOT);
    }
}
