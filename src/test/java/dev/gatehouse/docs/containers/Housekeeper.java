package dev.gatehouse.docs.containers;

import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

@Stateless
@RunAs("system")
public class Housekeeper {
    @EJB
    Ledger ledger;

    @RolesAllowed("admin")
    public String sweep() {
        return ledger.systemTotals(); // runs as role system
    }
}
