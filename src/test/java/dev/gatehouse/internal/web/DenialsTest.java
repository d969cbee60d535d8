package dev.gatehouse.internal.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.gatehouse.AccessDeniedException;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

class DenialsTest {

    @Test
    void theEjbContainersRefusalIs401ForAnonymousAnd403ForACaller() {
        EJBAccessException refused = new EJBAccessException("WFLYEJB0364: Invocation on method denied");
        assertEquals(401, Denials.find(refused, false).status());
        assertEquals(403, Denials.find(refused, true).status());
    }

    @Test
    void aRefusalIsFoundInsideWrappers() {
        AccessDeniedException denied = AccessDeniedException.forbidden("projects.write");
        assertSame(denied, Denials.find(new ServletException(new EJBException(denied)), true));
        assertEquals(403, Denials.find(new ServletException("x", new EJBAccessException()), true).status());
    }

    @Test
    void otherFailuresAreNotRefusals() {
        assertNull(Denials.find(new EJBException("database down"), true));
        assertNull(Denials.find(new IllegalStateException(), false));
    }
}
