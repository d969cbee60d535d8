package dev.gatehouse.internal.account;

import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.User;
import dev.gatehouse.account.AccountDisabledException;
import dev.gatehouse.account.EmailNotVerifiedException;
import dev.gatehouse.account.InvalidCredentialsException;
import dev.gatehouse.account.PasswordHasher;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.Identifier;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.internal.audit.Audit;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.audit.Fingerprints;
import dev.gatehouse.internal.crypto.PriorityLane;
import dev.gatehouse.internal.metrics.Metrics;
import dev.gatehouse.internal.password.PasswordPolicy;
import dev.gatehouse.internal.password.Passwords;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.internal.persistence.UserEntity;
import dev.gatehouse.internal.persistence.UserRepository;
import dev.gatehouse.internal.ratelimit.DbRateLimiter;
import dev.gatehouse.ratelimit.RateLimitDecision;
import dev.gatehouse.ratelimit.RateLimitedException;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Sign-in's core: admission (the hashing gates), the trusted-device and untrusted lanes, the
 * consecutive-failure locks, the verdict on the password and the timing decoy for unknown accounts.
 */
final class SignInCheck {

    private static final Duration HOUR = HourlyLimits.HOUR;
    /**
     * Where shed sign-in attempts are counted, one bucket per hour for all of them: recorded
     * (cheaply, whatever the number of attacking addresses) but never held against anyone's allowance.
     */
    static final String SHED_SCOPE = "auth:sign-in:shed";

    private final Transactions tx;
    private final AuthSettings settings;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final DbRateLimiter limiter;
    private final HourlyLimits limits;
    private final FailureLock failureLock;
    /**
     * Sign-in attempts in progress at once on this node: as many as the hasher can run or queue
     * (hashingConcurrency x 5). Beyond that, attempts are refused before touching the database,
     * so a credential-stuffing burst cannot tie up every request thread and connection.
     */
    private final Semaphore signIns;
    /** The same for attempts with a valid device cookie: trustedHashingSlots x 5, never taken by others. */
    private final Semaphore trustedSignIns;
    private final DeviceCookies devices;
    /** Consecutive failures per device cookie (OWASP: a device that fails too often is no longer trusted). */
    private final FailureLock deviceLock;
    private final Fingerprints fingerprints;
    private final TimingDecoy decoy;
    private final Metrics metrics;
    /** Whether a user's right password must be followed by a second factor. */
    private final Predicate<String> secondFactorDue;
    private final AuditTrail trail;
    private final UserRepository users = new UserRepository();

    SignInCheck(Transactions tx, AuthSettings settings, Clock clock, PasswordHasher hasher, PasswordPolicy policy,
                DbRateLimiter limiter, HourlyLimits limits, FailureLock failureLock, DeviceCookies devices,
                Fingerprints fingerprints, Metrics metrics, Predicate<String> secondFactorDue, AuditTrail trail) {
        this.metrics = metrics;
        this.secondFactorDue = secondFactorDue;
        this.trail = trail;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
        this.hasher = hasher;
        this.policy = policy;
        this.limiter = limiter;
        this.limits = limits;
        this.failureLock = failureLock;
        this.signIns = new Semaphore(settings.hashing().hashingConcurrency() * 5);
        this.trustedSignIns = new Semaphore(settings.hashing().trustedHashingSlots() * 5);
        this.devices = devices;
        this.deviceLock = new FailureLock(DeviceCookies.SCOPE, tx, limiter, clock,
                Math.min(settings.sessions().deviceCookieMaxFailures(), settings.accounts().maxConsecutiveFailures()), settings.accounts().lockoutSeconds(), metrics);
        this.fingerprints = fingerprints;
        this.decoy = new TimingDecoy(tx, settings);
    }

    /** Looks again for the costliest stored hash shape (housekeeping; rehashing on sign-in empties old ones). */
    void refreshTimingDecoy() {
        decoy.refresh();
    }

    /** A verified sign-in and the normalised identifier it used (what a device cookie is bound to). */
    /**
     * A verified password.
     *
     * @param identifier      the normalised identifier it used (what a device cookie is bound to)
     * @param trusted         it came with a valid device cookie of this account
     * @param secondFactorDue the account has a second factor: no session until it passes, and the
     *                        account's failure counters were left as they were
     */
    record Verified(User user, String identifier, boolean trusted, boolean secondFactorDue) {
    }

    /** A right password, and whether a second factor is due. */
    private record Passed(User user, boolean due) {
    }

    /**
     * Checks a sign-in attempt end to end: admission, limits, locks, password, account state.
     *
     * @throws InvalidCredentialsException unknown account or wrong password
     * @throws RateLimitedException an address, identifier or lock refuses the attempt
     * @throws GatehouseUnavailableException the node is overloaded or the database is unavailable
     */
    Verified verify(String identifier, String password, String ip, String deviceCookie) {
        boolean byEmail = settings.accounts().identifier() == Identifier.EMAIL;
        if (identifier == null || identifier.isBlank() || password == null) {
            throw new InvalidCredentialsException();
        }
        String id = byEmail ? Identifiers.emailLookupForm(identifier) : Identifiers.lookupForm(identifier);
        if (id == null || Identifiers.hasControl(id)) {
            throw new InvalidCredentialsException(); // no account can have it; never reaches the database
        }
        if (policy.overLength(password)) {
            throw new InvalidCredentialsException(); // can never match: sign-up enforces the same cap; no hashing
        }
        Optional<String> device = devices.verify(deviceCookie, id);
        if (device.isPresent()) {
            Optional<Passed> passed = admit(trustedSignIns, () -> trusted(id, byEmail, password, ip, device.get()));
            if (passed.isPresent()) {
                return new Verified(passed.get().user(), id, true, passed.get().due());
            }
            // The device has spent its failure budget: from here on it is an untrusted attempt
            // (its address is already counted).
            Passed p = admit(signIns, () -> untrusted(id, byEmail, password, ip, false));
            return new Verified(p.user(), id, false, p.due());
        }
        Passed p = admit(signIns, () -> untrusted(id, byEmail, password, ip, true));
        return new Verified(p.user(), id, false, p.due());
    }

    /**
     * Runs an attempt inside an admission limit, or sheds it before any database work or hashing:
     * cheap for the node, still counted. Trusted attempts have their own limit, so a flood of
     * untrusted ones never sheds them.
     */
    private <T> T admit(Semaphore gate, Supplier<T> attempt) {
        if (!gate.tryAcquire()) {
            limiter.countLater(SHED_SCOPE, "all", HOUR);
            metrics.shed();
            throw GatehouseUnavailableException.overloaded("Too many sign-ins at once; try again shortly.", 1, null);
        }
        try {
            return attempt.get();
        } finally {
            gate.release();
        }
    }

    /**
     * An attempt with a valid device cookie for this account (OWASP): not held against the
     * account's hourly bucket or consecutive-failure lock, but against the device's own failure
     * budget; empty when that budget is spent, so the caller treats the attempt as untrusted.
     */
    private Optional<Passed> trusted(String id, boolean byEmail, String password, String ip, String device) {
        if (ip != null) {
            limits.limitAddress("auth:sign-in:ip", ip, settings.rateLimits().rateLimitSignInPerHour());
        }
        FailureLock.Attempt<Optional<UserEntity>> attempt = deviceLock.countAttempt(device,
                em -> byIdentifier(em, byEmail, id));
        if (attempt.lockedFor().isPresent()) {
            Audit.warn("sign_in.device_untrusted", fingerprints.of(id), ip);
            return Optional.empty();
        }
        Passed user;
        try {
            user = verdict(attempt.found(), id, password, ip, true, 0);
        } catch (GatehouseUnavailableException e) {
            deviceLock.refund(device, e);
            throw e;
        }
        try {
            deviceLock.clear(device);
        } catch (GatehouseUnavailableException e) {
            deviceLock.clearLater(device); // the sign-in stands
        }
        return Optional.of(user);
    }

    /**
     * An attempt without a trusted device. The identifier's hourly bucket decides how it is
     * treated: within {@code rateLimitSignInPerHour} it is counted towards the consecutive-failure
     * lock and checked; beyond that, up to {@code maxConsecutiveFailures} more per hour are checked
     * without counting (a rate limit already refuses them unless the password is right, so a flood
     * cannot lock the owner out through them); beyond those it is refused unchecked, which bounds
     * the guesses per account and hour.
     */
    private Passed untrusted(String id, boolean byEmail, String password, String ip, boolean countIp) {
        if (countIp && ip != null) {
            limits.limitAddress("auth:sign-in:ip", ip, settings.rateLimits().rateLimitSignInPerHour());
        }
        String scope = "auth:sign-in:" + settings.accounts().identifier().wireName();
        int extra = settings.accounts().maxConsecutiveFailures();
        RateLimitDecision idDecision = limiter.hit(scope, id, settings.rateLimits().rateLimitSignInPerHour() + extra, HOUR);
        if (!idDecision.allowed()) {
            Audit.warn("rate_limited:" + scope, fingerprints.of(id), ip);
            throw new RateLimitedException(idDecision.retryAfterSeconds());
        }
        boolean overLimit = idDecision.remaining() < extra;
        Function<EntityManager, Optional<UserEntity>> read = em -> byIdentifier(em, byEmail, id);
        FailureLock.Attempt<Optional<UserEntity>> attempt = overLimit
                ? failureLock.uncounted(id, read) : failureLock.countAttempt(id, read);
        if (attempt.lockedFor().isPresent()) {
            trail.event(EventType.SIGN_IN_LOCKED, Outcome.FAILURE).client(ip, null).detail("identifier", fingerprints.of(id))
                    .record();
            throw new RateLimitedException(attempt.lockedFor().getAsLong());
        }
        try {
            return verdict(attempt.found(), id, password, ip, false, overLimit ? secondsLeftInHour() : 0);
        } catch (GatehouseUnavailableException e) {
            if (!overLimit) {
                failureLock.refund(id, e);
            }
            throw e;
        }
    }

    private long secondsLeftInHour() {
        long now = clock.instant().getEpochSecond();
        return Math.max(1, HOUR.getSeconds() - Math.floorMod(now, HOUR.getSeconds()));
    }

    /**
     * Checks the password of an admitted attempt.
     *
     * @param refusedFor when &gt; 0 a rate limit refuses this attempt unless the password is right:
     *                   a wrong one is answered {@code rate_limited} with this Retry-After
     */
    private Passed verdict(Optional<UserEntity> row, String id, String password, String ip, boolean trusted,
                           long refusedFor) {
        boolean hasPassword = row.isPresent() && row.get().passwordHash != null;
        if (!hasPassword || !verifyHash(trusted, row.get().passwordHash, password)) {
            if (!hasPassword) { // no account, or one created with a passkey: the same work, the same answer
                verifyHash(trusted, decoy.hash(), password); // the work of the costliest real account
            }
            trail.event(EventType.SIGN_IN, Outcome.FAILURE).user(row.map(u -> u.id).orElse(null)).client(ip, null)
                    .detail("identifier", fingerprints.of(id)).detail("reason", "invalid_credentials").record();
            if (refusedFor > 0) {
                throw new RateLimitedException(refusedFor);
            }
            throw new InvalidCredentialsException();
        }
        // Right password: below the hourly ceiling the identifier's bucket is ignored, so a flood
        // of wrong guesses from many addresses cannot lock the owner out; an untrusted attempt
        // already passed the consecutive-failure lock.
        UserEntity user = row.get();
        rehashIfNeeded(user, password, ip);
        if (user.disabledAt != null) {
            trail.event(EventType.SIGN_IN, Outcome.FAILURE).user(user.id).client(ip, null)
                    .detail("reason", "account_disabled").record();
            throw new AccountDisabledException();
        }
        if (mustVerifyFirst(user.toUser())) {
            throw new EmailNotVerifiedException();
        }
        if (secondFactorDue.test(user.id)) {
            // Only the second factor clears the counters: otherwise a thief who knows the password
            // could try a few codes per sign-in forever without the lock ever closing. The right
            // password is not a failure either, so its counted attempt is taken back.
            if (!trusted && refusedFor == 0) {
                failureLock.takeBack(id);
            }
            return new Passed(user.toUser(), true);
        }
        // Clear this identifier's counters only; the IP bucket is never reset (ASVS/NIST: do not
        // let one valid account launder an attacker's address budget).
        try {
            limiter.reset("auth:sign-in:" + settings.accounts().identifier().wireName(), id);
            failureLock.clear(id);
        } catch (GatehouseUnavailableException e) {
            failureLock.clearLater(id);
            throw e;
        }
        return new Passed(user.toUser(), false);
    }

    private boolean verifyHash(boolean trusted, String hash, String password) {
        return trusted && hasher instanceof PriorityLane lane ? lane.verifyTrusted(hash, password)
                : hasher.verify(hash, password);
    }

    /** Best effort: when hashing is saturated the upgrade waits for the next sign-in rather than fail this one. */
    private void rehashIfNeeded(UserEntity user, String password, String ip) {
        // also when typed in a non-NFKC form: a hash from before normalisation may hold that form
        if (!hasher.needsRehash(user.passwordHash) && Passwords.normalise(password).equals(password)) {
            return;
        }
        String upgraded;
        try {
            upgraded = hasher.hash(password);
        } catch (GatehouseUnavailableException e) {
            return;
        }
        tx.run(em -> users.setPasswordHash(em, user.id, upgraded));
        Audit.info("password.rehashed", user.id, ip);
    }

    /** With {@code requireEmailVerified}, an account with an unconfirmed email may not act yet. */
    boolean mustVerifyFirst(User user) {
        return settings.accounts().requireEmailVerified() && user.email() != null && !user.emailVerified();
    }

    private Optional<UserEntity> byIdentifier(EntityManager em, boolean byEmail, String id) {
        return byEmail ? users.byEmail(em, id) : users.byUsername(em, id);
    }
}
