package dev.gatehouse.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.account.UserAdminService;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.cdi.CurrentCaller;
import dev.gatehouse.internal.cdi.DenyAllInterceptor;
import dev.gatehouse.internal.cdi.GatehouseProducer;
import dev.gatehouse.internal.cdi.GatehouseSecurityExtension;
import dev.gatehouse.internal.cdi.RequiresPermissionInterceptor;
import dev.gatehouse.internal.cdi.RequiresSessionInterceptor;
import dev.gatehouse.internal.cdi.RolesAllowedInterceptor;
import dev.gatehouse.role.RequiresPermission;
import dev.gatehouse.role.RoleService;
import dev.gatehouse.session.RequiresSession;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.TestBeans;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The interceptors in plain CDI (Weld SE, no HTTP request): the caller comes from the runtime's
 * SecurityContext, here a settable one as a timer or message listener would see it.
 */
@ExtendWith(ArquillianExtension.class)
class InterceptorsIT {

    /** Enabled only by this deployment's beans.xml, so other containers in the test JVM never pick it. */
    @Alternative
    @ApplicationScoped
    public static class SettableSecurityContext implements SecurityContext {
        static volatile String caller;
        /** The roles the runtime reports for the caller (for a token caller, already narrowed by its scopes). */
        static volatile Set<String> roles = Set.of();

        @Override
        public Principal getCallerPrincipal() {
            return caller == null ? null : new CallerPrincipal(caller);
        }

        @Override
        public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
            return Set.of();
        }

        @Override
        public boolean isCallerInRole(String role) {
            return caller != null && roles.contains(role);
        }

        @Override
        public boolean hasAccessToWebResource(String resource, String... methods) {
            return false;
        }

        @Override
        public AuthenticationStatus authenticate(HttpServletRequest req, HttpServletResponse res, AuthenticationParameters p) {
            return AuthenticationStatus.NOT_DONE;
        }
    }

    @ApplicationScoped
    public static class Guarded {
        @RolesAllowed("admin")
        public String admin() {
            return "admin";
        }

        @PermitAll
        public String open() {
            return "open";
        }

        @RequiresPermission("projects.write")
        public String write() {
            return "written";
        }

        @RequiresSession
        public String manageAccount() {
            return "managed";
        }
    }

    @ApplicationScoped
    @DenyAll
    public static class Locked {
        public String locked() {
            return "never";
        }

        @RolesAllowed("admin")
        public String adminOverride() {
            return "override";
        }
    }

    /** A session bean's annotations on a CDI bean where no EJB container runs (Jetty, Tomcat, Weld SE). */
    @jakarta.ejb.Stateless
    @ApplicationScoped
    public static class NotAnEjbHere {
        @RolesAllowed("admin")
        public String admin() {
            return "admin";
        }

        @DenyAll
        public String locked() {
            return "never";
        }
    }

    @Deployment
    static JavaArchive deployment() {
        TestBeans.settings = AuthSettings.defaults().forTests().toBuilder().housekeepingIntervalSeconds(0)
                .jdbcUrl("jdbc:h2:mem:icpt" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1").build();
        return ShrinkWrap.create(JavaArchive.class)
                .addClasses(GatehouseProducer.class, TestBeans.class, MutableClock.class, CurrentCaller.class,
                        RolesAllowedInterceptor.class, DenyAllInterceptor.class, RequiresPermissionInterceptor.class,
                        RequiresSessionInterceptor.class,
                        SettableSecurityContext.class, Guarded.class, Locked.class, NotAnEjbHere.class)
                .addAsServiceProvider(Extension.class, GatehouseSecurityExtension.class)
                .addAsManifestResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" "
                        + "bean-discovery-mode=\"all\"><alternatives><class>" + SettableSecurityContext.class.getName()
                        + "</class></alternatives></beans>"), "beans.xml");
    }

    @Inject
    Guarded guarded;
    @Inject
    Locked locked;
    @Inject
    NotAnEjbHere notAnEjb;
    @Inject
    AuthService auth;
    @Inject
    UserAdminService accounts;
    @Inject
    RoleService roles;

    @Test
    void rolesPermissionsAndDenyAllAreEnforcedOnPlainBeans() {
        String user = auth.signUp("user@example.com", null, "tangerine-otter-42", null, null).user().id();
        String admin = auth.signUp("admin@example.com", null, "tangerine-otter-42", null, null).user().id();
        roles.defineRole("admin", List.of("*"));
        roles.grantRole(admin, "admin");

        SettableSecurityContext.caller = null;
        assertEquals(401, assertThrows(AccessDeniedException.class, guarded::admin).status());
        assertEquals(401, assertThrows(AccessDeniedException.class, guarded::write).status());
        assertEquals("open", guarded.open());
        assertEquals(401, assertThrows(AccessDeniedException.class, locked::locked).status());

        SettableSecurityContext.caller = user;
        assertEquals(403, assertThrows(AccessDeniedException.class, guarded::admin).status());
        AccessDeniedException noWrite = assertThrows(AccessDeniedException.class, guarded::write);
        assertEquals(403, noWrite.status());
        assertEquals("projects.write", noWrite.permission());
        assertEquals(403, assertThrows(AccessDeniedException.class, locked::locked).status());
        assertEquals(403, assertThrows(AccessDeniedException.class, locked::adminOverride).status());

        SettableSecurityContext.caller = admin;
        SettableSecurityContext.roles = Set.of("admin");
        assertEquals("admin", guarded.admin());
        assertEquals("written", guarded.write());
        assertEquals(403, assertThrows(AccessDeniedException.class, locked::locked).status());
        assertEquals("override", locked.adminOverride());

        accounts.disableUser(admin);
        assertEquals(401, assertThrows(AccessDeniedException.class, guarded::admin).status());
    }

    @Test
    void outsideARequestTheRuntimesCallerIsNeitherWidenedNorASession() {
        String owner = auth.signUp("owner@example.com", null, "tangerine-otter-42", null, null).user().id();
        roles.defineRole("writer", List.of("projects.write"));
        roles.defineRole("boss", List.of("*"));
        roles.grantRole(owner, "writer");
        roles.grantRole(owner, "boss");

        // An API-token caller whose scopes cover only role:writer: the runtime reports that role alone.
        SettableSecurityContext.caller = owner;
        SettableSecurityContext.roles = Set.of("writer");
        assertEquals("written", guarded.write());
        assertEquals(403, assertThrows(AccessDeniedException.class, guarded::admin).status());
        SettableSecurityContext.roles = Set.of();
        assertEquals(403, assertThrows(AccessDeniedException.class, guarded::write).status(),
                "the owner's other roles must not widen what the runtime reports");
        SettableSecurityContext.roles = Set.of("writer", "boss");
        assertEquals(403, assertThrows(AccessDeniedException.class, guarded::manageAccount).status(),
                "a propagated caller is never a browser session");
        SettableSecurityContext.caller = null;
        assertEquals(401, assertThrows(AccessDeniedException.class, guarded::manageAccount).status());
    }

    @Test
    void aStatelessAnnotationWithoutAnEjbContainerDoesNotSwitchTheGuardsOff() {
        String user = auth.signUp("plain@example.com", null, "tangerine-otter-42", null, null).user().id();
        SettableSecurityContext.caller = null;
        assertEquals(401, assertThrows(AccessDeniedException.class, notAnEjb::admin).status());
        SettableSecurityContext.caller = user;
        SettableSecurityContext.roles = Set.of();
        assertEquals(403, assertThrows(AccessDeniedException.class, notAnEjb::admin).status());
        assertEquals(403, assertThrows(AccessDeniedException.class, notAnEjb::locked).status());
    }
}
