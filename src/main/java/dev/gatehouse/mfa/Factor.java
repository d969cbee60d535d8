package dev.gatehouse.mfa;

import java.util.Optional;

/** A way of proving who one is; a session records which ones its user used. */
public enum Factor {
    /** The account's password. */
    PASSWORD("password"),
    /** A code from an authenticator app (RFC 6238). */
    TOTP("totp"),
    /** One of the account's single-use recovery codes. */
    RECOVERY_CODE("recovery_code"),
    /**
     * A passkey asserted with user verification (a PIN or biometric on the authenticator): possession and
     * knowledge or inherence in one, so it satisfies a second-factor requirement on its own.
     */
    PASSKEY("passkey"),
    /**
     * A sign-in at an OpenID Connect provider: one factor as far as Gatehouse knows (the provider's own second
     * step is not taken on trust), so an account with a second factor is still asked for it.
     */
    OIDC("oidc");

    private final String wire;

    Factor(String wire) {
        this.wire = wire;
    }

    /** The stable lower-case name used in HTTP answers, the database and the audit trail. */
    public String wireName() {
        return wire;
    }

    /** The factor with this wire name, if any. */
    public static Optional<Factor> fromWire(String name) {
        for (Factor f : values()) {
            if (f.wire.equals(name)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
