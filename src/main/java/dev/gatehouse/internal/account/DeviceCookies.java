package dev.gatehouse.internal.account;

import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.crypto.Keyring;
import dev.gatehouse.internal.crypto.SecureTokens;
import dev.gatehouse.session.SessionCookie;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

/**
 * OWASP device cookies ("slow down online guessing attacks with device cookies"): after a
 * successful sign-in the browser gets {@code v1.<key id>.<issued>.<nonce>.<mac>}, the MAC an
 * HMAC-SHA256 under the keyring over those fields and the normalised identifier, so the cookie
 * names no account and is valid for one only. Anything that does not verify (malformed, expired,
 * unknown key, another account) is simply not trusted. With no keyring the feature is off.
 */
final class DeviceCookies {

    static final String PURPOSE = "device-cookie";
    /** Failures per device, keyed by the SHA-256 of the nonce (the raw cookie is never stored). */
    static final String SCOPE = "auth:device";
    private static final String VERSION = "v1";
    /** Issue times a little ahead of this node's clock are accepted: nodes' clocks drift. */
    private static final long SKEW_SECONDS = 300;
    private static final int NONCE_BYTES = 16;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final Keyring keyring;
    private final AuthSettings settings;
    private final Clock clock;

    /** @param keyring null disables device cookies */
    DeviceCookies(Keyring keyring, AuthSettings settings, Clock clock) {
        this.keyring = keyring;
        this.settings = settings;
        this.clock = clock;
    }

    /** A new device cookie for the account signed in with {@code identifier}; empty when the feature is off. */
    Optional<SessionCookie> issue(String identifier) {
        if (keyring == null) {
            return Optional.empty();
        }
        String signed = VERSION + "." + keyring.signingId() + "." + clock.instant().getEpochSecond() + "."
                + B64.encodeToString(SecureTokens.randomBytes(NONCE_BYTES));
        String mac = B64.encodeToString(keyring.sign(PURPOSE, macInput(signed, identifier)));
        return Optional.of(new SessionCookie(settings.sessions().deviceCookieName(), signed + "." + mac,
                settings.sessions().deviceCookieMaxAgeDays() * 86_400L, settings.sessions().cookieSecure(), true, "Strict", "/", null));
    }

    /**
     * The device's counter key (the nonce's SHA-256) when {@code value} is a device cookie this
     * server issued for {@code identifier} and it has not expired; otherwise empty.
     */
    Optional<String> verify(String value, String identifier) {
        if (keyring == null || value == null || value.length() > 160 || identifier == null) {
            return Optional.empty();
        }
        String[] part = value.split("\\.", -1);
        if (part.length != 5 || !part[0].equals(VERSION) || !part[2].matches("[0-9]{1,12}")) {
            return Optional.empty();
        }
        long issued = Long.parseLong(part[2]);
        long now = clock.instant().getEpochSecond();
        if (issued > now + SKEW_SECONDS || now - issued >= settings.sessions().deviceCookieMaxAgeDays() * 86_400L) {
            return Optional.empty();
        }
        byte[] mac;
        try {
            mac = Base64.getUrlDecoder().decode(part[4]);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String signed = value.substring(0, value.lastIndexOf('.'));
        if (!keyring.verify(part[1], PURPOSE, macInput(signed, identifier), mac)) {
            return Optional.empty();
        }
        return Optional.of(SecureTokens.sha256Hex(part[3]));
    }

    private static byte[] macInput(String signed, String identifier) {
        return (signed + "\n" + identifier).getBytes(StandardCharsets.UTF_8);
    }
}
