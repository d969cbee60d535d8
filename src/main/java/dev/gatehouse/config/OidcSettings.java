package dev.gatehouse.config;

import static dev.gatehouse.config.Checks.fail;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Sign-in with OpenID Connect providers. The callback URL each provider must have registered is
 * {@code publicBaseUrl + authPathPrefix + "/oidc/<id>/callback"}.
 *
 * <p>The constructor throws {@link IllegalArgumentException} naming the setting and the fix.
 *
 * @param oidcProviders        the providers, each from its own {@code GATEHOUSE_OIDC_<ID>_*} settings; none by default
 * @param oidcFlowSeconds      how long a started sign-in may take at the provider before its callback is refused
 * @param oidcClockSkewSeconds how far the provider's clock may differ from ours when an ID token's times are checked
 * @param oidcSecondStepPath   the application's page for the second step of a sign-in, where the callback sends the
 *                             browser when the account has a second factor (the pending cookie is set)
 */
public record OidcSettings(List<OidcProviderSettings> oidcProviders, long oidcFlowSeconds, long oidcClockSkewSeconds,
                           String oidcSecondStepPath) {

    public OidcSettings {
        oidcProviders = oidcProviders == null ? List.of() : List.copyOf(oidcProviders);
        Set<String> ids = new HashSet<>();
        for (OidcProviderSettings p : oidcProviders) {
            if (!ids.add(p.id())) {
                fail("The OpenID Connect provider id '" + p.id() + "' is configured twice");
            }
        }
        if (oidcFlowSeconds < 60 || oidcFlowSeconds > 3600) {
            fail("oidcFlowSeconds must be between 60 and 3600 (got " + oidcFlowSeconds + ")");
        }
        if (oidcClockSkewSeconds < 0 || oidcClockSkewSeconds > 300) {
            fail("oidcClockSkewSeconds must be between 0 and 300 (got " + oidcClockSkewSeconds + ")");
        }
        if (oidcSecondStepPath == null || !oidcSecondStepPath.matches("/[A-Za-z0-9._~!$&'()*+,;=:@/%-]{0,200}")
                || oidcSecondStepPath.startsWith("//")) {
            fail("oidcSecondStepPath must be a path on this site such as /login/code (got '" + oidcSecondStepPath + "')");
        }
    }

    /** The provider with this id. */
    public Optional<OidcProviderSettings> provider(String id) {
        return oidcProviders.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** Outside strict mode an issuer may be http on a loopback host; in strict mode, and elsewhere, https only. */
    void check(boolean strict) {
        for (OidcProviderSettings p : oidcProviders) {
            if (p.plainHttp() && (strict || !p.loopback())) {
                fail("gatehouse.oidc." + p.id() + ".issuer must use https" + (strict ? " in strict mode" : "")
                        + " (got '" + p.issuer() + "'); http is accepted only for a loopback provider outside strict mode");
            }
        }
    }
}
