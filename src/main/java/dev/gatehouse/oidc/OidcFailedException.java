package dev.gatehouse.oidc;

import dev.gatehouse.AuthException;
import dev.gatehouse.ErrorCode;

/**
 * 401 {@link ErrorCode#OIDC_FAILED}: the provider's answer did not verify, or its identity may not sign in here.
 * The message is safe to show; the audit trail records the reason in detail.
 */
public final class OidcFailedException extends AuthException {

    private final String reason;

    public OidcFailedException(String reason, String message) {
        super(ErrorCode.OIDC_FAILED, message);
        this.reason = reason;
    }

    /** The stable reason recorded in the audit trail ({@code state_mismatch}, {@code bad_id_token}, …). */
    public String reason() {
        return reason;
    }
}
