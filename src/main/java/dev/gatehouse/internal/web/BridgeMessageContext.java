package dev.gatehouse.internal.web;

import jakarta.security.auth.message.MessageInfo;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Set;
import javax.security.auth.Subject;
import javax.security.auth.callback.CallbackHandler;

/**
 * An {@link HttpMessageContext} for containers without Jakarta Authentication (embedded Jetty): it
 * records what the mechanism decided instead of telling a container.
 */
public final class BridgeMessageContext implements HttpMessageContext {

    private final boolean protectedResource;
    private HttpServletRequest request;
    private HttpServletResponse response;
    private Principal principal;
    private Set<String> groups = Set.of();
    private boolean unauthorized;

    public BridgeMessageContext(HttpServletRequest request, HttpServletResponse response, boolean protectedResource) {
        this.request = request;
        this.response = response;
        this.protectedResource = protectedResource;
    }

    /** True if the mechanism asked for a 401. */
    public boolean unauthorized() {
        return unauthorized;
    }

    @Override public boolean isProtected() { return protectedResource; }
    @Override public boolean isAuthenticationRequest() { return false; }
    @Override public boolean isRegisterSession() { return false; }
    @Override public void setRegisterSession(String callerName, Set<String> groups) { }
    @Override public void cleanClientSubject() { principal = null; groups = Set.of(); }
    @Override public AuthenticationParameters getAuthParameters() { return new AuthenticationParameters(); }
    @Override public CallbackHandler getHandler() { return null; }
    @Override public MessageInfo getMessageInfo() { return null; }
    @Override public Subject getClientSubject() { return new Subject(); }
    @Override public HttpServletRequest getRequest() { return request; }
    @Override public void setRequest(HttpServletRequest request) { this.request = request; }
    @Override public HttpMessageContext withRequest(HttpServletRequest request) { this.request = request; return this; }
    @Override public HttpServletResponse getResponse() { return response; }
    @Override public void setResponse(HttpServletResponse response) { this.response = response; }

    @Override
    public AuthenticationStatus redirect(String location) {
        throw new UnsupportedOperationException("Gatehouse's mechanism never redirects");
    }

    @Override
    public AuthenticationStatus forward(String path) {
        throw new UnsupportedOperationException("Gatehouse's mechanism never forwards");
    }

    @Override
    public AuthenticationStatus responseUnauthorized() {
        unauthorized = true;
        return AuthenticationStatus.SEND_FAILURE;
    }

    @Override
    public AuthenticationStatus responseNotFound() {
        return responseUnauthorized();
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(String callerName, Set<String> groups) {
        return notifyContainerAboutLogin(new jakarta.security.enterprise.CallerPrincipal(callerName), groups);
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(Principal principal, Set<String> groups) {
        this.principal = principal;
        this.groups = Set.copyOf(groups);
        return AuthenticationStatus.SUCCESS;
    }

    @Override
    public AuthenticationStatus notifyContainerAboutLogin(CredentialValidationResult result) {
        return notifyContainerAboutLogin(result.getCallerPrincipal(), result.getCallerGroups());
    }

    @Override
    public AuthenticationStatus doNothing() {
        return AuthenticationStatus.NOT_DONE;
    }

    @Override
    public Principal getCallerPrincipal() {
        return principal;
    }

    @Override
    public Set<String> getGroups() {
        return groups;
    }
}
