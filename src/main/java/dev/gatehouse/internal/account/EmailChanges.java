package dev.gatehouse.internal.account;

import dev.gatehouse.User;
import dev.gatehouse.account.EmailChangeRequest;
import dev.gatehouse.account.EmailChanged;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.persistence.AuthTokenRepository;
import dev.gatehouse.internal.persistence.Clocks;
import dev.gatehouse.internal.persistence.SessionEntity;
import dev.gatehouse.internal.persistence.SessionRepository;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.internal.persistence.UserEntity;
import dev.gatehouse.internal.persistence.UserRepository;
import dev.gatehouse.internal.session.ResolveCache;
import dev.gatehouse.internal.token.DefaultTokenService;
import dev.gatehouse.token.InvalidTokenException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Changing an account's email: a link to the new address, whose redemption swaps the address with
 * one guarded update. Whether the new address is taken is never told to the requester: the same
 * work is done and the same answer given either way.
 */
final class EmailChanges {

    static final String PURPOSE = "email_change";
    /** Owner of the decoy link written when the new address is taken. */
    static final String SENTINEL = "~email-change-sentinel";

    private final Transactions tx;
    private final AuthSettings settings;
    private final Clock clock;
    private final HourlyLimits limits;
    private final DefaultTokenService tokens;
    private final ResolveCache cache;
    private final AuditTrail trail;
    private final UserRepository users = new UserRepository();
    private final SessionRepository sessions = new SessionRepository();
    private final AuthTokenRepository tokenRows = new AuthTokenRepository();

    EmailChanges(Transactions tx, AuthSettings settings, Clock clock, HourlyLimits limits, DefaultTokenService tokens,
                 ResolveCache cache, AuditTrail trail) {
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
        this.limits = limits;
        this.tokens = tokens;
        this.cache = cache;
        this.trail = trail;
    }

    EmailChangeRequest request(UserEntity user, String newEmail, String ip) {
        String e = Identifiers.normaliseEmail(newEmail);
        limits.limit("auth:email-change", user.id, settings.rateLimits().rateLimitVerificationEmailPerHour());
        boolean taken = tx.inTransaction(em -> users.byEmail(em, e)).isPresent();
        // Same work either way: a lookup and a token write, so timing does not reveal the address.
        String raw = tokens.issueWithDetail(PURPOSE, taken ? SENTINEL : user.id, settings.links().emailVerifyTtlSeconds(), e);
        trail.event(EventType.EMAIL_CHANGE_REQUESTED, Outcome.SUCCESS).user(user.id).client(ip, null).record();
        return new EmailChangeRequest(user.toUser(), e, taken ? Optional.empty() : Optional.of(raw));
    }

    /**
     * @param keepSessionId a session to keep signed in: only when it is the account's own
     * @throws InvalidTokenException unknown, expired, used or wrong-purpose token, or the address was taken meanwhile
     */
    EmailChanged confirm(String rawToken, String keepSessionId, String ip) {
        DefaultTokenService.Claimed claimed = tokens.consumeWithDetail(PURPOSE, rawToken).orElseThrow(InvalidTokenException::new);
        String userId = claimed.claim().userId();
        String to = claimed.detail();
        Instant now = Clocks.now(clock);
        UserEntity before = tx.inTransaction(em -> users.byId(em, userId)).orElseThrow(InvalidTokenException::new);
        String from = before.email;
        if (from == null) {
            throw new InvalidTokenException(); // an account without an address never asked for this link
        }
        String[] kept = {null};
        boolean swapped;
        try {
            swapped = tx.inTransaction(em -> {
                if (users.changeEmail(em, userId, from, to, now) != 1) {
                    return false;
                }
                tokenRows.voidPending(em, userId, DefaultAuthService.PURPOSE_RESET, now);
                tokenRows.voidPending(em, userId, DefaultAuthService.PURPOSE_VERIFY, now);
                SessionEntity keep = keepSessionId == null ? null : em.find(SessionEntity.class, keepSessionId);
                if (keep != null && keep.userId.equals(userId)) {
                    kept[0] = keepSessionId; // the confirming browser is the account's own: it stays signed in
                    sessions.deleteAllBut(em, userId, keepSessionId);
                } else {
                    sessions.deleteAllOf(em, userId);
                }
                cache.announceUser(em, userId);
                return true;
            });
        } catch (RuntimeException e) {
            if (Transactions.isUniqueViolation(e)) {
                trail.event(EventType.EMAIL_CHANGED, Outcome.FAILURE).user(userId).client(ip, null)
                        .detail("reason", "address_taken").record();
                throw new InvalidTokenException(); // another account took the address since the link was sent
            }
            throw e;
        }
        if (!swapped) {
            throw new InvalidTokenException();
        }
        cache.invalidateUser(userId);
        trail.event(EventType.EMAIL_CHANGED, Outcome.SUCCESS).user(userId).session(kept[0]).client(ip, null).record();
        User after = tx.inTransaction(em -> users.byId(em, userId)).map(UserEntity::toUser).orElseThrow(InvalidTokenException::new);
        return new EmailChanged(after, from);
    }
}
