package dev.gatehouse.oidc;

import java.time.Instant;

/**
 * A provider identity linked to an account.
 *
 * @param id         its Gatehouse id (to unlink it)
 * @param provider   the provider's id
 * @param email      the email address the provider last gave, if any (shown to the user; never the account's)
 * @param createdAt  when it was linked
 * @param lastUsedAt when it last signed in, or null
 */
public record OidcIdentity(String id, String provider, String email, Instant createdAt, Instant lastUsedAt) {
}
