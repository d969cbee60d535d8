package dev.gatehouse.cdi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.AuthService;
import dev.gatehouse.account.InvalidCredentialsException;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.cdi.GatehouseProducer;
import dev.gatehouse.role.RoleService;
import dev.gatehouse.session.SessionService;
import dev.gatehouse.testing.MutableClock;
import dev.gatehouse.testing.TestBeans;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Boots the library's CDI wiring in Weld (Arquillian weld-embedded) and runs a lifecycle through injected beans. */
@ExtendWith(ArquillianExtension.class)
class GatehouseCdiIT {

    @Deployment
    static JavaArchive deployment() {
        TestBeans.settings = AuthSettings.defaults().forTests().toBuilder().housekeepingIntervalSeconds(0)
                .jdbcUrl("jdbc:h2:mem:cdi" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1")
                .build();
        return ShrinkWrap.create(JavaArchive.class)
                .addClasses(GatehouseProducer.class, TestBeans.class, MutableClock.class)
                .addAsManifestResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    AuthService auth;
    @Inject
    SessionService sessions;
    @Inject
    ApiTokenService apiTokens;
    @Inject
    RoleService roles;
    @Inject
    AuthSettings settings;

    @Test
    void signUpSignInResolveSignOutThroughInjectedBeans() {
        assertFalse(settings.strict());
        SignInResult up = auth.signUp("cdi@example.com", null, "tangerine-otter-42", "1.1.1.1", "arquillian");
        assertEquals(up.user().id(), sessions.resolve(up.cookie().value(), true).orElseThrow().user().id());
        SignInResult in = auth.signIn("CDI@example.com", "tangerine-otter-42", "1.1.1.1", "arquillian");
        assertEquals(2, sessions.list(in.user().id(), in.cookie().value()).size());
        sessions.signOut(in.cookie().value());
        assertTrue(sessions.resolve(in.cookie().value(), true).isEmpty());
        assertTrue(sessions.resolve(up.cookie().value(), true).isPresent());
        assertThrows(InvalidCredentialsException.class, () -> auth.signIn("cdi@example.com", "wrong-password", null, null));
        assertThrows(InvalidCredentialsException.class, () -> auth.signIn("nobody@example.com", "tangerine-otter-42", null, null));
        roles.defineRole("admin", List.of("*"));
        roles.grantRole(up.user().id(), "admin");
        assertTrue(roles.hasPermission(up.user().id(), "projects.write"));
        String raw = apiTokens.create(up.user().id(), "ci", List.of("projects.read"), 30).raw();
        assertEquals(up.user().id(), apiTokens.resolve(raw, "projects.read").orElseThrow().userId());
    }
}
