package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.Gatehouse;
import dev.gatehouse.Health;
import dev.gatehouse.example.ejb.Housekeeper;
import dev.gatehouse.example.ejb.Ledger;
import dev.gatehouse.role.RoleService;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.inject.Inject;
import java.io.File;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server's own view, from inside WildFly and Payara (Arquillian, the example WAR as built): CDI
 * gives the application Gatehouse's beans, Gatehouse's interceptors guard CDI beans, and the EJB
 * container refuses an EJB to a caller without its role. The test methods run in the server with no
 * signed-in caller; the black-box suites cover signed-in callers over HTTP.
 */
@ExtendWith(ArquillianExtension.class)
class ServerViewIT {

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("example.war")))
                .addClass(ServerViewIT.class);
    }

    @Inject
    Gatehouse gatehouse;
    @Inject
    RoleService roles;
    @Inject
    AdminActions admin;
    @EJB
    Ledger ledger;
    @EJB
    Housekeeper housekeeper;

    @Test
    void gatehouseRunsInTheServerAsCdiBeans() {
        Health health = gatehouse.health();
        assertTrue(health.up(), health.toString());
        assertTrue(roles.listRoles().stream().anyMatch(r -> r.name().equals("admin")), "the example defined its roles");
    }

    @Test
    void gatehouseInterceptorsGuardCdiBeansInTheServer() {
        assertEquals(401, assertThrows(AccessDeniedException.class, admin::stats).status());
    }

    @Test
    void theEjbContainerRefusesRolesToACallerWithout() {
        assertThrows(EJBAccessException.class, ledger::summary);
        assertThrows(EJBAccessException.class, housekeeper::sweep);
        assertThrows(EJBAccessException.class, ledger::close);
    }

    @Test
    void anOpenEjbSeesTheContainersAnonymousCaller() {
        String view = ledger.whoAmI();
        assertFalse(view.contains("\"admin\":true") || view.contains("\"system\":true"), view);
    }
}
