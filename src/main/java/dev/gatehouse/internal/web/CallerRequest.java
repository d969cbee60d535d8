package dev.gatehouse.internal.web;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.Caller;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/** The request as the application sees it in filter mode: the container's security methods answer from Gatehouse. */
public final class CallerRequest extends HttpServletRequestWrapper {

    private final Resolution who;
    private final Caller caller;

    public CallerRequest(HttpServletRequest request, Resolution who) {
        super(request);
        this.who = who;
        this.caller = who.caller();
    }

    @Override
    public Principal getUserPrincipal() {
        return caller == null ? null : new CallerPrincipal(caller.userId());
    }

    @Override
    public String getRemoteUser() {
        return caller == null ? null : caller.userId();
    }

    @Override
    public boolean isUserInRole(String role) {
        return caller != null && role != null && caller.isInRole(role);
    }

    @Override
    public String getAuthType() {
        return caller == null ? null : "GATEHOUSE";
    }

    @Override
    public boolean authenticate(HttpServletResponse response) throws IOException {
        if (caller != null) {
            return true;
        }
        Refusals.page(response, Refusal.of(AccessDeniedException.authRequired()).challenging(who.rejectedBearer()));
        return false;
    }
}
