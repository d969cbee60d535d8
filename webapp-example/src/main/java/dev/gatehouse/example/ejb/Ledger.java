package dev.gatehouse.example.ejb;

import dev.gatehouse.role.RequiresPermission;
import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.json.Json;

/**
 * An Enterprise Bean whose rules the EJB container enforces from the caller Gatehouse signed in
 * (WildFly, Payara; embedded Jetty has no EJB container and does not serve it). Each method
 * answers what the container says about its caller ({@link SessionContext}).
 */
@Stateless
@DeclareRoles({"admin", "member", "system"})
public class Ledger {

    @Resource
    SessionContext context;

    /** Role {@code admin} only. */
    @RolesAllowed("admin")
    public String summary() {
        return view("summary");
    }

    /** Everyone, signed in or not. */
    @PermitAll
    public String whoAmI() {
        return view("whoami");
    }

    /** Open to the container; Gatehouse's interceptor asks for the permission {@code projects.read}. */
    @PermitAll
    @RequiresPermission("projects.read")
    public String entries() {
        return view("entries");
    }

    /** Nobody. */
    @DenyAll
    public String close() {
        return view("closed");
    }

    /** Role {@code system}, which no person holds: reached through {@link Housekeeper}'s {@code @RunAs}. */
    @RolesAllowed("system")
    public String systemTotals() {
        return view("system");
    }

    private String view(String what) {
        return Json.createObjectBuilder().add("what", what)
                .add("principal", context.getCallerPrincipal().getName())
                .add("admin", context.isCallerInRole("admin"))
                .add("system", context.isCallerInRole("system"))
                .build().toString();
    }
}
