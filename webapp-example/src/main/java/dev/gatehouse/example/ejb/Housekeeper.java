package dev.gatehouse.example.ejb;

import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/** An admin-only bean that calls {@link Ledger#systemTotals()} as role {@code system} ({@code @RunAs}). */
@Stateless
@RunAs("system")
public class Housekeeper {

    @EJB
    Ledger ledger;

    @RolesAllowed("admin")
    public String sweep() {
        return ledger.systemTotals();
    }
}
