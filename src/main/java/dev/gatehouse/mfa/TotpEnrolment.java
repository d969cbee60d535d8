package dev.gatehouse.mfa;

import java.util.Objects;

/**
 * A TOTP enrolment waiting for its first code: what to show the user once. The factor is not active
 * (sign-in does not ask for it) until {@link MfaService#confirmTotp} accepts a code.
 *
 * @param secret     the base32 secret, for typing into an app by hand
 * @param otpauthUri the {@code otpauth://totp/...} URI apps read from the QR code
 * @param qrSvg      that URI as a QR code: a self-contained SVG document without scripts
 */
public record TotpEnrolment(String secret, String otpauthUri, String qrSvg) {
    public TotpEnrolment {
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(otpauthUri, "otpauthUri");
        Objects.requireNonNull(qrSvg, "qrSvg");
    }

    /** Names the type only: the secret must never reach a log. */
    @Override
    public String toString() {
        return "TotpEnrolment[secret=***]";
    }
}
