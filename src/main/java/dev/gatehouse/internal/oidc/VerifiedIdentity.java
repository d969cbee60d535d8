package dev.gatehouse.internal.oidc;

/**
 * What a verified ID token says about the user.
 *
 * @param emailVerified the provider asserted {@code email_verified=true} (a string "true" does not count)
 * @param authTime      when the user last authenticated at the provider ({@code auth_time}), or null
 */
public record VerifiedIdentity(String issuer, String subject, String email, boolean emailVerified, java.time.Instant authTime) {
}
