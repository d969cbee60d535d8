package dev.gatehouse.example.rest;

import dev.gatehouse.example.ejb.Housekeeper;
import dev.gatehouse.example.ejb.LedgerCalls;
import dev.gatehouse.example.ejb.Ledger;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /api/v2/ledger/{op}}: calls the {@link Ledger} EJB (WildFly and Payara only). The
 * resource itself is open; the bean's own rules decide, and a refusal of the EJB container
 * ({@code EJBAccessException}) is answered 401/403 by Gatehouse's JAX-RS feature.
 */
@Path("ledger")
@RequestScoped
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class LedgerResource {

    @EJB
    Ledger ledger;
    @EJB
    Housekeeper housekeeper;

    @GET
    @Path("{op}")
    public String call(@PathParam("op") String op) {
        return new LedgerCalls(ledger, housekeeper).call(op).orElseThrow(NotFoundException::new);
    }
}
