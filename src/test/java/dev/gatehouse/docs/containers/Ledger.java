package dev.gatehouse.docs.containers;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

@Stateless
public class Ledger {
    @Resource
    SessionContext context;

    @RolesAllowed("admin")
    public String summary() {
        return "for " + context.getCallerPrincipal().getName() + ", admin: " + context.isCallerInRole("admin");
    }

    @RolesAllowed("system")
    public String systemTotals() {
        return "totals";
    }
}
