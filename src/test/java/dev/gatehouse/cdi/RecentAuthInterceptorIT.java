package dev.gatehouse.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.Caller;
import dev.gatehouse.ErrorCode;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.cdi.CurrentCaller;
import dev.gatehouse.internal.cdi.DenyAllInterceptor;
import dev.gatehouse.internal.cdi.GatehouseProducer;
import dev.gatehouse.internal.cdi.GatehouseSecurityExtension;
import dev.gatehouse.internal.cdi.RequiresPermissionInterceptor;
import dev.gatehouse.internal.cdi.RequiresRecentAuthInterceptor;
import dev.gatehouse.internal.cdi.RequiresSessionInterceptor;
import dev.gatehouse.internal.cdi.RolesAllowedInterceptor;
import dev.gatehouse.mfa.Factor;
import dev.gatehouse.role.RoleService;
import dev.gatehouse.session.RequiresRecentAuth;
import dev.gatehouse.session.ResolvedSession;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.testing.FakeRequest;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.TestBeans;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link RequiresRecentAuth} on plain CDI beans (Weld SE), method- and class-level, for callers made the
 * way the web layer makes them: from a real session cookie or API token, as the attribute of the current
 * request. The clock moves past {@code reauthWindowSeconds}; re-authenticating brings the session back.
 */
@ExtendWith(ArquillianExtension.class)
class RecentAuthInterceptorIT {

    static final String PW = "tangerine-otter-42";
    static final long WINDOW = 300;

    /**
     * The current HTTP request, carrying the caller the servlet filter would have resolved (or none). An
     * alternative, enabled by this deployment's beans.xml only, so it wins over Weld's built-in request bean.
     */
    @Alternative
    @ApplicationScoped
    public static class RequestOfTheTest {
        static volatile Supplier<Caller> caller = () -> null;

        @Produces
        @Dependent
        HttpServletRequest request() {
            HttpServletRequest r = FakeRequest.of("POST", Map.of(), null, null);
            Caller c = caller.get();
            if (c != null) {
                r.setAttribute(Caller.class.getName(), c);
            }
            return r;
        }
    }

    @ApplicationScoped
    public static class Sensitive {
        @RequiresRecentAuth
        public String changeEmail() {
            return "changed";
        }

        public String readProfile() {
            return "profile";
        }
    }

    @ApplicationScoped
    @RequiresRecentAuth
    public static class AllSensitive {
        public String deleteAccount() {
            return "deleted";
        }

        /** Lifts role rules only: the class's recent-authentication rule still holds. */
        @PermitAll
        public String stillGuarded() {
            return "guarded";
        }
    }

    @Deployment
    static JavaArchive deployment() {
        TestBeans.settings = AuthSettings.defaults().forTests().toBuilder().housekeepingIntervalSeconds(0)
                .reauthWindowSeconds(WINDOW)
                .jdbcUrl("jdbc:h2:mem:recent" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1").build();
        return ShrinkWrap.create(JavaArchive.class)
                .addClasses(GatehouseProducer.class, TestBeans.class, MutableClock.class, CurrentCaller.class,
                        RolesAllowedInterceptor.class, DenyAllInterceptor.class, RequiresPermissionInterceptor.class,
                        RequiresSessionInterceptor.class, RequiresRecentAuthInterceptor.class, RequestOfTheTest.class,
                        Sensitive.class, AllSensitive.class)
                .addAsServiceProvider(Extension.class, GatehouseSecurityExtension.class)
                .addAsManifestResource(new StringAsset("<beans xmlns=\"https://jakarta.ee/xml/ns/jakartaee\" version=\"4.0\" "
                        + "bean-discovery-mode=\"all\"><alternatives><class>" + RequestOfTheTest.class.getName()
                        + "</class></alternatives></beans>"), "beans.xml");
    }

    @Inject
    Sensitive sensitive;
    @Inject
    AllSensitive allSensitive;
    @Inject
    AuthService auth;
    @Inject
    SessionService sessions;
    @Inject
    ApiTokenService apiTokens;
    @Inject
    RoleService roles;

    @AfterEach
    void anonymousAgain() {
        RequestOfTheTest.caller = () -> null;
    }

    /** The caller of a session cookie as the web layer builds it, resolved now (so "recent" is as of now). */
    private Supplier<Caller> session(String cookie) {
        return () -> {
            ResolvedSession s = sessions.resolve(cookie, false).orElseThrow();
            return Caller.of(s.user(), roles.grantedRoles(s.user().id()), null, s.sessionId(), s.authentication());
        };
    }

    private static AccessDeniedException refused(Supplier<String> call) {
        return assertThrows(AccessDeniedException.class, call::get);
    }

    @Test
    void anonymousCallersAreAskedToSignIn() {
        RequestOfTheTest.caller = () -> null;
        assertEquals(ErrorCode.AUTH_REQUIRED, refused(sensitive::changeEmail).code());
        assertEquals(ErrorCode.AUTH_REQUIRED, refused(allSensitive::deleteAccount).code());
        assertEquals("profile", sensitive.readProfile());
    }

    @Test
    void anApiTokenNeverPassesWhateverItsScopes() {
        String user = auth.signUp("token@example.com", null, PW, null, null).user().id();
        roles.defineRole("boss", List.of("*"));
        roles.grantRole(user, "boss");
        var token = apiTokens.create(user, "ci", List.of("*"), 30).token();
        RequestOfTheTest.caller = () -> Caller.of(auth.findUser(user).orElseThrow(), roles.grantedRoles(user), token, null);
        for (Supplier<String> call : List.<Supplier<String>>of(sensitive::changeEmail, allSensitive::deleteAccount,
                allSensitive::stillGuarded)) {
            AccessDeniedException e = refused(call);
            assertEquals(ErrorCode.PERMISSION_DENIED, e.code());
            assertEquals(403, e.status());
            assertEquals(List.of(), e.methods());
        }
    }

    @Test
    void aFreshSessionPassesAndAnOldOneMustReauthenticate() {
        var up = auth.signUp("fresh@example.com", null, PW, null, null);
        RequestOfTheTest.caller = session(up.cookie().value());
        assertEquals("changed", sensitive.changeEmail());
        assertEquals("deleted", allSensitive.deleteAccount());
        assertEquals("guarded", allSensitive.stillGuarded());

        TestBeans.clock.advance(Duration.ofSeconds(WINDOW));
        assertEquals("changed", sensitive.changeEmail(), "the window's last second still counts");
        TestBeans.clock.advance(Duration.ofSeconds(1));
        for (Supplier<String> call : List.<Supplier<String>>of(sensitive::changeEmail, allSensitive::deleteAccount,
                allSensitive::stillGuarded)) {
            AccessDeniedException e = refused(call);
            assertEquals(ErrorCode.REAUTH_REQUIRED, e.code());
            assertEquals(403, e.status());
            assertEquals(List.of("password"), e.methods());
        }
        assertEquals("profile", sensitive.readProfile(), "unannotated methods stay open");

        String sessionId = sessions.resolve(up.cookie().value(), false).orElseThrow().sessionId();
        auth.reauthenticate(up.user().id(), sessionId, Factor.PASSWORD, PW, null, null);
        assertEquals("changed", sensitive.changeEmail());
        assertEquals("deleted", allSensitive.deleteAccount());
    }

    @Test
    void aPropagatedCallerOutsideARequestIsNeverRecent() {
        var up = auth.signUp("propagated@example.com", null, PW, null, null);
        RequestOfTheTest.caller = () -> Caller.propagated(up.user(), List.of());
        assertEquals(ErrorCode.PERMISSION_DENIED, refused(sensitive::changeEmail).code());
    }
}
