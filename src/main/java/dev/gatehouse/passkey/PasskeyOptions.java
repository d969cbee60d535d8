package dev.gatehouse.passkey;

import java.time.Instant;
import java.util.Objects;

/**
 * Options for the browser: the JSON that {@code PublicKeyCredential.parseCreationOptionsFromJSON} (registration)
 * or {@code parseRequestOptionsFromJSON} (sign-in, re-authentication) takes, binary fields as base64url. Its
 * challenge is single-use and stored only as a hash.
 *
 * @param json      the options object, for example {@code {"challenge":"...","rpId":"example.com",...}}
 * @param expiresAt when the challenge stops being accepted ({@code passkeyChallengeSeconds})
 */
public record PasskeyOptions(String json, Instant expiresAt) {
    public PasskeyOptions {
        Objects.requireNonNull(json, "json");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
