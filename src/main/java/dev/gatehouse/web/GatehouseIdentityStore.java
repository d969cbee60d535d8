package dev.gatehouse.web;

import dev.gatehouse.internal.web.CallerResolver;
import dev.gatehouse.internal.web.GatehouseCredential;
import dev.gatehouse.internal.web.Resolution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.HashSet;
import java.util.Set;

/**
 * Validates the credentials of a request (session cookie, then API token) against Gatehouse's
 * tables. The caller principal's name is the user id; the groups are the caller's roles (for an
 * API token, only those its scopes cover as {@code role:<name>}).
 */
@ApplicationScoped
public class GatehouseIdentityStore implements IdentityStore {

    private CallerResolver resolver;

    protected GatehouseIdentityStore() {
    }

    @Inject
    GatehouseIdentityStore(CallerResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof GatehouseCredential c)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Resolution r = resolver.resolve(c.request(), c.response());
        if (!r.authenticated()) {
            return r.rejectedBearer() ? CredentialValidationResult.INVALID_RESULT
                    : CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        return new CredentialValidationResult(new CallerPrincipal(r.caller().userId()), new HashSet<>(r.caller().roles()));
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.VALIDATE);
    }
}
