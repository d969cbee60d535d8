package dev.gatehouse.internal.token;

import dev.gatehouse.internal.crypto.SecureTokens;
import dev.gatehouse.internal.persistence.AuthTokenEntity;
import dev.gatehouse.internal.persistence.AuthTokenRepository;
import dev.gatehouse.internal.persistence.Clocks;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.token.TokenClaim;
import dev.gatehouse.token.TokenService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Single-use tokens. Redemption is one guarded {@code UPDATE ... WHERE used_at IS NULL AND
 * expires_at > now} whose row count decides the winner, never a read followed by a write.
 */
public final class DefaultTokenService implements TokenService {

    public static final long DEFAULT_TTL_SECONDS = 1800;
    private static final int MAX_RAW_LENGTH = 256;

    private final Transactions tx;
    private final Clock clock;
    private final AuthTokenRepository rows = new AuthTokenRepository();

    public DefaultTokenService(Transactions tx, Clock clock) {
        this.tx = tx;
        this.clock = clock;
    }

    @Override
    public String issue(String purpose, String userId, Long ttlSeconds, boolean revokeExisting) {
        return issue(purpose, userId, ttlSeconds, revokeExisting ? 1 : Integer.MAX_VALUE);
    }

    /**
     * Issues a token and keeps at most {@code maxLive} unused, unexpired ones of the user and
     * purpose (the new one included): older ones beyond that are voided, oldest first.
     */
    public String issueKeepingLatest(String purpose, String userId, long ttlSeconds, int maxLive) {
        if (maxLive < 1) {
            throw new IllegalArgumentException("maxLive must be >= 1 (got " + maxLive + ")");
        }
        return issue(purpose, userId, ttlSeconds, maxLive);
    }

    /**
     * Issues a token carrying {@code detail} (at most 320 characters), voiding the user's earlier
     * ones of this purpose: an email change's new address.
     */
    public String issueWithDetail(String purpose, String userId, long ttlSeconds, String detail) {
        if (detail == null || detail.length() > 320) {
            throw new IllegalArgumentException("detail must be 1-320 characters");
        }
        return issue(purpose, userId, ttlSeconds, 1, detail);
    }

    /** What a consumed token carried besides its claim. */
    public record Claimed(TokenClaim claim, String detail) {
    }

    /** {@link #consume} for a token issued with {@link #issueWithDetail}. */
    public Optional<Claimed> consumeWithDetail(String purpose, String rawToken) {
        return consumeRow(purpose, rawToken).map(t -> new Claimed(claimOf(t), t.detail));
    }

    private String issue(String purpose, String userId, Long ttlSeconds, int maxLive) {
        return issue(purpose, userId, ttlSeconds, maxLive, null);
    }

    private String issue(String purpose, String userId, Long ttlSeconds, int maxLive, String detail) {
        String p = requirePurpose(purpose);
        if (userId == null || userId.isEmpty()) {
            throw new IllegalArgumentException("userId is required");
        }
        long ttl = ttlSeconds == null ? DEFAULT_TTL_SECONDS : ttlSeconds;
        if (ttl <= 0) {
            throw new IllegalArgumentException("ttlSeconds must be > 0 (got " + ttl + ")");
        }
        String raw = SecureTokens.newToken();
        Instant now = Clocks.now(clock);
        AuthTokenEntity t = new AuthTokenEntity();
        t.tokenSha256 = SecureTokens.sha256Hex(raw);
        t.purpose = p;
        t.userId = userId;
        t.createdAt = now;
        t.expiresAt = now.plusSeconds(ttl);
        t.detail = detail;
        tx.run(em -> {
            if (maxLive == 1) {
                rows.voidPending(em, userId, p, now);
            } else if (maxLive != Integer.MAX_VALUE) {
                rows.voidBeyondNewest(em, userId, p, now, maxLive - 1);
            }
            rows.insert(em, t);
        });
        return raw;
    }

    @Override
    public Optional<TokenClaim> consume(String purpose, String rawToken) {
        return consumeRow(purpose, rawToken).map(DefaultTokenService::claimOf);
    }

    private static TokenClaim claimOf(AuthTokenEntity t) {
        return new TokenClaim(t.userId, t.purpose, t.createdAt, t.expiresAt);
    }

    private Optional<AuthTokenEntity> consumeRow(String purpose, String rawToken) {
        String p = requirePurpose(purpose);
        if (rawToken == null || rawToken.isEmpty() || rawToken.length() > MAX_RAW_LENGTH
                || !SecureTokens.isWellFormed(rawToken)) {
            return Optional.empty();
        }
        String hash = SecureTokens.sha256Hex(rawToken);
        Instant now = Clocks.now(clock);
        return tx.inTransaction(em -> {
            if (rows.claim(em, hash, p, now) != 1) {
                return Optional.empty();
            }
            return Optional.of(rows.find(em, hash));
        });
    }

    /** The owner of a redeemable token, without redeeming it (to check a new password first). */
    public Optional<String> peekOwner(String purpose, String rawToken) {
        if (!SecureTokens.isWellFormed(rawToken)) {
            return Optional.empty();
        }
        String hash = SecureTokens.sha256Hex(rawToken);
        Instant now = Clocks.now(clock);
        return tx.inTransaction(em -> rows.redeemableOwner(em, hash, purpose, now));
    }

    @Override
    public int sweepExpired() {
        Instant cutoff = Clocks.now(clock).minus(Duration.ofDays(1));
        return tx.inTransaction(em -> rows.deleteExpired(em, cutoff));
    }

    private static String requirePurpose(String purpose) {
        String p = purpose == null ? "" : purpose.strip();
        if (p.isEmpty() || p.length() > 64) {
            throw new IllegalArgumentException("purpose must be 1-64 non-blank characters (got '" + purpose + "')");
        }
        return p;
    }
}
