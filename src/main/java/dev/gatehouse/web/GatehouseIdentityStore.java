package dev.gatehouse.web;

import dev.gatehouse.account.AuthService;
import dev.gatehouse.apitoken.ApiTokenService;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.web.CallerLookup;
import dev.gatehouse.internal.web.Resolution;
import dev.gatehouse.role.RoleService;
import dev.gatehouse.session.SessionService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.HashSet;
import java.util.Set;

/**
 * Validates a {@link GatehouseCredential} (session cookie value, then API token) against
 * Gatehouse's tables. The caller principal's name is the user id; the groups are the caller's roles
 * (for an API token, only those its scopes cover as {@code role:<name>}). Validating only reads: it
 * neither extends a sliding session nor sends a cookie (the mechanism does both for the requests it
 * authenticates). Thread-safe.
 */
@ApplicationScoped
public class GatehouseIdentityStore implements IdentityStore {

    private CallerLookup lookup;

    protected GatehouseIdentityStore() {
    }

    @Inject
    public GatehouseIdentityStore(AuthSettings settings, SessionService sessions, ApiTokenService apiTokens,
                                  AuthService auth, RoleService roles) {
        this.lookup = new CallerLookup(settings, sessions, apiTokens, auth, roles);
    }

    /**
     * {@code VALID} with the caller for a live session or API token of an admissible account;
     * {@code INVALID} when the session cookie did not resolve and a bearer token was presented and
     * refused; {@code NOT_VALIDATED} when there is no credential, only a dead session cookie, or the
     * credential is not a {@link GatehouseCredential}.
     *
     * @throws dev.gatehouse.GatehouseUnavailableException the database cannot answer
     */
    @Override
    public CredentialValidationResult validate(Credential credential) {
        return credential instanceof GatehouseCredential c ? validate(c)
                : CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    /** @see #validate(Credential) */
    public CredentialValidationResult validate(GatehouseCredential credential) {
        return result(lookup.resolve(credential, false));
    }

    /** The validation result of a resolution (also the mechanism's). */
    static CredentialValidationResult result(Resolution r) {
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
