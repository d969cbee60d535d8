package dev.gatehouse.internal.mfa;

import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.internal.crypto.SecretBox;
import dev.gatehouse.internal.persistence.Clocks;
import dev.gatehouse.internal.persistence.MfaRepository;
import dev.gatehouse.internal.persistence.TotpEntity;
import dev.gatehouse.internal.persistence.Transactions;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Checks second-factor codes for sign-in and re-authentication: a TOTP code is accepted once (its time
 * step must be newer than the last one accepted, decided by one guarded UPDATE), a recovery code is
 * used up the same way. Secrets are opened with the keyring and re-sealed under its newest key.
 */
public final class SecondFactors {

    private static final System.Logger LOG = System.getLogger(SecondFactors.class.getName());
    /** The keyring purpose of TOTP secrets. */
    public static final String SECRET_PURPOSE = "mfa-totp-secret";

    private final Transactions tx;
    private final Clock clock;
    private final SecretBox box;
    private final MfaRepository rows = new MfaRepository();

    /** @param box null when second factors are unavailable (strict mode without {@code secretKeys}) */
    public SecondFactors(Transactions tx, Clock clock, SecretBox box) {
        this.tx = tx;
        this.clock = clock;
        this.box = box;
    }

    /** The box that seals secrets. @throws GatehouseUnavailableException {@code mfa_unavailable} without one */
    SecretBox box() {
        if (box == null) {
            throw GatehouseUnavailableException.mfaUnavailable();
        }
        return box;
    }

    /** Whether the user has a confirmed authenticator app. */
    public boolean totpEnabled(String userId) {
        return tx.inTransaction(em -> Optional.ofNullable(rows.totp(em, userId)).map(t -> t.confirmedAt != null).orElse(false));
    }

    /** Whether a typed code looks like an authenticator code (six digits, spaces allowed) rather than a recovery code. */
    public static boolean looksLikeTotp(String code) {
        return code != null && code.replace(" ", "").matches("[0-9]{6}");
    }

    /**
     * Accepts a fresh, valid code of the user's confirmed authenticator app.
     *
     * @return false for a wrong, malformed or already-used code, or when the user has no confirmed app
     */
    public boolean acceptTotp(String userId, String code) {
        TotpEntity row = tx.inTransaction(em -> rows.totp(em, userId));
        if (row == null || row.confirmedAt == null || code == null) {
            return false;
        }
        byte[] secret = open(row);
        Instant now = Clocks.now(clock);
        OptionalLong step = Totp.matchingStep(secret, code, now);
        if (step.isEmpty()) {
            return false;
        }
        boolean accepted = tx.inTransaction(em -> rows.advance(em, userId, step.getAsLong())) == 1;
        if (accepted && box.needsReseal(row.secretSealed)) {
            try {
                String resealed = box.seal(secret, userId);
                tx.run(em -> rows.reseal(em, userId, row.secretSealed, resealed));
            } catch (RuntimeException e) {
                LOG.log(Level.DEBUG, "TOTP secret of " + userId + " not re-sealed yet: " + e.getClass().getSimpleName());
            }
        }
        return accepted;
    }

    /**
     * Uses up one of the user's recovery codes.
     *
     * @return the codes left when it was an unused code of the user's, else empty
     */
    public OptionalInt useRecoveryCode(String userId, String typed) {
        Optional<String> canonical = RecoveryCodes.normalise(typed);
        if (canonical.isEmpty()) {
            return OptionalInt.empty();
        }
        String hash = RecoveryCodes.hash(canonical.get());
        Instant now = Clocks.now(clock);
        return tx.inTransaction(em -> rows.useRecoveryCode(em, userId, hash, now) == 1
                ? OptionalInt.of(rows.unusedRecoveryCodes(em, userId)) : OptionalInt.empty());
    }

    /** The plain secret of a row. @throws GatehouseUnavailableException when its key is gone from the keyring */
    byte[] open(TotpEntity row) {
        try {
            return box().open(row.secretSealed, row.userId);
        } catch (IllegalStateException e) {
            LOG.log(Level.ERROR, "the TOTP secret of user " + row.userId + " cannot be opened: " + e.getMessage()
                    + ". Put the key it was sealed with back into secretKeys.");
            throw GatehouseUnavailableException.unavailable("Two-factor sign-in is unavailable right now.", 60, null);
        }
    }
}
