package dev.gatehouse.session;

import dev.gatehouse.mfa.Factor;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How and when a session's user last proved who they are, as of the request that resolved it.
 *
 * @param at            when: the sign-in, or the latest re-authentication
 * @param factors       with what (the password; a TOTP or recovery code after a second-factor sign-in; a passkey)
 * @param recent        {@code at} lies within {@code reauthWindowSeconds} of the request: sensitive
 *                      actions are allowed without re-authenticating
 * @param reauthMethods the factors this user can re-authenticate with, by wire name: {@code password} when the
 *                      account has one, {@code totp} and {@code recovery_code} when an authenticator app is
 *                      enrolled, {@code passkey} when it has a passkey, {@code oidc} when a sign-in provider is
 *                      linked (see {@code OidcService.startReauth})
 */
public record Authentication(Instant at, Set<Factor> factors, boolean recent, List<String> reauthMethods) {
    public Authentication {
        Objects.requireNonNull(at, "at");
        factors = Set.copyOf(factors);
        reauthMethods = List.copyOf(reauthMethods);
    }
}
