package dev.gatehouse.config;

import static dev.gatehouse.config.Checks.fail;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Passkeys (WebAuthn). The relying party is configured, never taken from a request's {@code Host} header.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when a value is malformed; the message names the
 * setting and the fix. Whether the relying party id fits the origins, and strict mode's https rule, are checked
 * by {@link AuthSettings}, which also knows {@code publicBaseUrl}.
 *
 * @param enablePasskeys        serve the passkey rows and accept passkeys
 * @param passkeyRpId           the relying party id (a host name, such as {@code example.com}); null: the host of
 *                              {@code publicBaseUrl}. Passkeys are bound to it: changing it strands every passkey
 * @param passkeyRpName         the name authenticators show when a passkey is created
 * @param passkeyOrigins        the origins ({@code https://example.com}, {@code https://login.example.com:8443}) whose
 *                              pages may use passkeys; empty: the origin of {@code publicBaseUrl}
 * @param passkeyChallengeSeconds how long the options' challenge stays valid
 * @param passwordlessSignUp    accounts may be created with a passkey and no password
 */
public record PasskeySettings(
        boolean enablePasskeys,
        String passkeyRpId,
        String passkeyRpName,
        Set<String> passkeyOrigins,
        long passkeyChallengeSeconds,
        boolean passwordlessSignUp) {

    public PasskeySettings {
        passkeyRpId = passkeyRpId == null || passkeyRpId.isBlank() ? null : passkeyRpId.strip().toLowerCase(java.util.Locale.ROOT);
        if (passkeyRpId != null && !passkeyRpId.matches("[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?")) {
            fail("passkeyRpId must be a host name such as example.com, without scheme, port or path (got '"
                    + passkeyRpId + "')");
        }
        if (passkeyRpName == null || passkeyRpName.isBlank() || passkeyRpName.length() > 64
                || passkeyRpName.chars().anyMatch(Character::isISOControl)) {
            fail("passkeyRpName must be 1-64 characters without control characters (got '" + passkeyRpName + "')");
        }
        Set<String> origins = new LinkedHashSet<>();
        for (String o : passkeyOrigins == null ? Set.<String>of() : passkeyOrigins) {
            origins.add(origin(o));
        }
        passkeyOrigins = Set.copyOf(origins);
        if (passkeyChallengeSeconds < 30 || passkeyChallengeSeconds > 1800) {
            fail("passkeyChallengeSeconds must be between 30 and 1800 (got " + passkeyChallengeSeconds + ")");
        }
    }

    /** An origin in its serialised form ({@code scheme://host[:port]}), or a failure naming the setting. */
    static String origin(String text) {
        String o = text == null ? "" : text.strip();
        if (!o.matches("https?://[^/?#\\s@]+")) {
            fail("passkeyOrigins must be origins such as https://example.com, without path, query or user "
                    + "(got '" + text + "')");
        }
        URI u = URI.create(o);
        if (u.getHost() == null) {
            fail("passkeyOrigins must name a host (got '" + text + "')");
        }
        return o.toLowerCase(java.util.Locale.ROOT);
    }

    /** The relying party id in force: {@link #passkeyRpId()}, else the host of {@code publicBaseUrl}; null when neither is set. */
    public String rpId(String publicBaseUrl) {
        if (passkeyRpId != null) {
            return passkeyRpId;
        }
        return publicBaseUrl == null ? null : URI.create(publicBaseUrl).getHost().toLowerCase(java.util.Locale.ROOT);
    }

    /** The origins in force: {@link #passkeyOrigins()}, else the origin of {@code publicBaseUrl}; empty when neither is set. */
    public Set<String> origins(String publicBaseUrl) {
        if (!passkeyOrigins.isEmpty()) {
            return passkeyOrigins;
        }
        if (publicBaseUrl == null) {
            return Set.of();
        }
        URI u = URI.create(publicBaseUrl);
        return Set.of(origin(u.getScheme() + "://" + u.getRawAuthority()));
    }
}
