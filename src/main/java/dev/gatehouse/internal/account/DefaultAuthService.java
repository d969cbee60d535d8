package dev.gatehouse.internal.account;

import dev.gatehouse.AuthException;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.User;
import dev.gatehouse.account.AccountDisabledException;
import dev.gatehouse.account.AccountExistsException;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.account.EmailNotVerifiedException;
import dev.gatehouse.account.InvalidCredentialsException;
import dev.gatehouse.account.PasswordHasher;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.Identifier;
import dev.gatehouse.internal.apitoken.DefaultApiTokenService;
import dev.gatehouse.internal.audit.Audit;
import dev.gatehouse.internal.audit.Fingerprints;
import dev.gatehouse.internal.crypto.Keyring;
import dev.gatehouse.internal.crypto.PriorityLane;
import dev.gatehouse.internal.crypto.SecureTokens;
import dev.gatehouse.internal.password.BreachedPasswordRule;
import dev.gatehouse.internal.password.PasswordPolicy;
import dev.gatehouse.internal.password.Passwords;
import dev.gatehouse.internal.persistence.Clocks;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.internal.persistence.UserEntity;
import dev.gatehouse.internal.ratelimit.AddressKey;
import dev.gatehouse.internal.ratelimit.DbRateLimiter;
import dev.gatehouse.internal.role.DefaultRoleService;
import dev.gatehouse.internal.session.DefaultSessionService;
import dev.gatehouse.internal.session.ResolveCache;
import dev.gatehouse.internal.token.DefaultTokenService;
import dev.gatehouse.ratelimit.RateLimitDecision;
import dev.gatehouse.ratelimit.RateLimitedException;
import dev.gatehouse.session.SessionCookie;
import dev.gatehouse.token.EmailToken;
import dev.gatehouse.token.InvalidTokenException;
import dev.gatehouse.token.PasswordResetToken;
import dev.gatehouse.token.TokenClaim;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

/** Account flows of pyxle-auth's AuthService, with the stricter rules of SECURITY-REQUIREMENTS.md. */
public final class DefaultAuthService implements AuthService {

    static final String PURPOSE_RESET = "password_reset";
    static final String PURPOSE_VERIFY = "email_verify";
    /**
     * Owner of the decoy reset token written for unknown emails. pyxle-auth prefixes it with NUL;
     * PostgreSQL cannot store NUL in text, so Gatehouse uses '~', which no (hex) user id contains.
     */
    static final String RESET_SENTINEL = "~pwreset-sentinel";
    /** Owner of the decoy verification token written for unknown or verified emails. */
    static final String VERIFY_SENTINEL = "~verify-sentinel";
    private static final Duration HOUR = Duration.ofHours(1);
    /** Live reset links one account may have; a stranger's requests cannot void the one the owner holds. */
    static final int MAX_LIVE_RESET_LINKS = 3;

    private final Transactions tx;
    private final AuthSettings settings;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final BreachedPasswordRule breaches;
    private final Identifiers identifiers;
    private final DbRateLimiter limiter;
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
    /**
     * Where shed sign-in attempts are counted, one bucket per hour for all of them: recorded
     * (cheaply, whatever the number of attacking addresses) but never held against anyone's allowance.
     */
    static final String SHED_SCOPE = "auth:sign-in:shed";
    private final DefaultSessionService sessions;
    private final DefaultTokenService tokens;
    private final ResolveCache cache;
    private final TimingDecoy decoy;

    public DefaultAuthService(Transactions tx, AuthSettings settings, Clock clock, PasswordHasher hasher,
                              DbRateLimiter limiter, DefaultSessionService sessions, DefaultTokenService tokens,
                              ResolveCache cache, Keyring keyring, Fingerprints fingerprints) {
        this.cache = cache;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
        this.hasher = hasher;
        this.policy = new PasswordPolicy(settings);
        this.breaches = BreachedPasswordRule.from(settings);
        this.identifiers = new Identifiers(settings);
        this.limiter = limiter;
        this.signIns = new Semaphore(settings.hashing().hashingConcurrency() * 5);
        this.trustedSignIns = new Semaphore(settings.hashing().trustedHashingSlots() * 5);
        this.failureLock = new FailureLock(FailureLock.SCOPE, tx, limiter, clock, settings.accounts().maxConsecutiveFailures(),
                settings.accounts().lockoutSeconds());
        this.devices = new DeviceCookies(keyring, settings, clock);
        this.deviceLock = new FailureLock(DeviceCookies.SCOPE, tx, limiter, clock,
                Math.min(settings.sessions().deviceCookieMaxFailures(), settings.accounts().maxConsecutiveFailures()), settings.accounts().lockoutSeconds());
        this.fingerprints = fingerprints;
        this.sessions = sessions;
        this.tokens = tokens;
        this.decoy = new TimingDecoy(tx, settings);
    }

    /** Looks again for the costliest stored hash shape (housekeeping; rehashing on sign-in empties old ones). */
    public void refreshTimingDecoy() {
        decoy.refresh();
    }

    @Override
    public SignInResult signUp(String email, String username, String password, String ip, String userAgent) {
        String e = email == null || email.isBlank() ? null : Identifiers.normaliseEmail(email);
        String u = username == null || username.isBlank() ? null : identifiers.normaliseUsername(username);
        if (settings.accounts().identifier() == Identifier.USERNAME && u == null) {
            throw new AuthException("Please choose a username.");
        }
        if (settings.accounts().identifier() == Identifier.EMAIL && e == null) {
            throw new AuthException("Please enter an email address.");
        }
        policy.check(password, e, u);
        if (ip != null) {
            limitAddress("auth:sign-up", ip, settings.rateLimits().rateLimitSignUpPerHour());
        }
        breaches.check(password); // after the limit: each lookup is an outbound request an anonymous caller causes
        UserEntity row = new UserEntity();
        row.id = SecureTokens.newId();
        row.email = e;
        row.username = u;
        row.passwordHash = hasher.hash(password);
        row.createdAt = Clocks.now(clock);
        row.plan = "free";
        try {
            tx.run(em -> em.persist(row));
        } catch (RuntimeException ex) {
            if (Transactions.isUniqueViolation(ex)) {
                Audit.info("sign_up.exists", fingerprints.of(e != null ? e : u), ip);
                throw new AccountExistsException(settings.accounts().identifier());
            }
            throw ex;
        }
        Audit.info("sign_up.ok", row.id, ip);
        User user = row.toUser();
        if (mustVerifyFirst(user)) {
            return new SignInResult(user, null); // no session (and no trusted device) until the email is confirmed
        }
        String boundTo = settings.accounts().identifier() == Identifier.EMAIL ? e : u;
        return new SignInResult(user, sessions.start(user.id(), ip, userAgent), devices.issue(boundTo));
    }

    @Override
    public SignInResult signIn(String identifier, String password, String ip, String userAgent) {
        return signIn(identifier, password, ip, userAgent, null);
    }

    @Override
    public SignInResult signIn(String identifier, String password, String ip, String userAgent, String deviceCookie) {
        Verified v = verify(identifier, password, ip, deviceCookie);
        SessionCookie cookie = sessions.start(v.user().id(), ip, userAgent);
        return new SignInResult(v.user(), cookie, devices.issue(v.identifier()));
    }

    @Override
    public User verifyCredentials(String identifier, String password, String ip) {
        return verify(identifier, password, ip, null).user();
    }

    /** A verified sign-in and the normalised identifier it used (what a device cookie is bound to). */
    private record Verified(User user, String identifier) {
    }

    private Verified verify(String identifier, String password, String ip, String deviceCookie) {
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
            Optional<User> user = admit(trustedSignIns, () -> trusted(id, byEmail, password, ip, device.get()));
            if (user.isPresent()) {
                return new Verified(user.get(), id);
            }
            // The device has spent its failure budget: from here on it is an untrusted attempt
            // (its address is already counted).
            return new Verified(admit(signIns, () -> untrusted(id, byEmail, password, ip, false)), id);
        }
        return new Verified(admit(signIns, () -> untrusted(id, byEmail, password, ip, true)), id);
    }

    /**
     * Runs an attempt inside an admission limit, or sheds it before any database work or hashing:
     * cheap for the node, still counted. Trusted attempts have their own limit, so a flood of
     * untrusted ones never sheds them.
     */
    private <T> T admit(Semaphore gate, Supplier<T> attempt) {
        if (!gate.tryAcquire()) {
            limiter.countLater(SHED_SCOPE, "all", HOUR);
            throw new GatehouseUnavailableException("overloaded", "Too many sign-ins at once; try again shortly.", 1, null);
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
    private Optional<User> trusted(String id, boolean byEmail, String password, String ip, String device) {
        if (ip != null) {
            limitAddress("auth:sign-in:ip", ip, settings.rateLimits().rateLimitSignInPerHour());
        }
        FailureLock.Attempt<Optional<UserEntity>> attempt = deviceLock.countAttempt(device,
                em -> findBy(em, byEmail ? "email" : "username", id));
        if (attempt.lockedFor().isPresent()) {
            Audit.warn("sign_in.device_untrusted", fingerprints.of(id), ip);
            return Optional.empty();
        }
        User user;
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
    private User untrusted(String id, boolean byEmail, String password, String ip, boolean countIp) {
        if (countIp && ip != null) {
            limitAddress("auth:sign-in:ip", ip, settings.rateLimits().rateLimitSignInPerHour());
        }
        String scope = "auth:sign-in:" + settings.accounts().identifier().wireName();
        int extra = settings.accounts().maxConsecutiveFailures();
        RateLimitDecision idDecision = limiter.hit(scope, id, settings.rateLimits().rateLimitSignInPerHour() + extra, HOUR);
        if (!idDecision.allowed()) {
            Audit.warn("rate_limited:" + scope, fingerprints.of(id), ip);
            throw new RateLimitedException(idDecision.retryAfterSeconds());
        }
        boolean overLimit = idDecision.remaining() < extra;
        Function<EntityManager, Optional<UserEntity>> read = em -> findBy(em, byEmail ? "email" : "username", id);
        FailureLock.Attempt<Optional<UserEntity>> attempt = overLimit
                ? failureLock.uncounted(id, read) : failureLock.countAttempt(id, read);
        if (attempt.lockedFor().isPresent()) {
            Audit.warn("sign_in.locked", fingerprints.of(id), ip);
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
    private User verdict(Optional<UserEntity> row, String id, String password, String ip, boolean trusted,
                         long refusedFor) {
        if (row.isEmpty() || !verifyHash(trusted, row.get().passwordHash, password)) {
            if (row.isEmpty()) {
                verifyHash(trusted, decoy.hash(), password); // the work of the costliest real account
            }
            Audit.info("sign_in.failed", fingerprints.of(id), ip);
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
            Audit.warn("sign_in.disabled", user.id, ip);
            throw new AccountDisabledException();
        }
        if (mustVerifyFirst(user.toUser())) {
            throw new EmailNotVerifiedException();
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
        Audit.info(trusted ? "sign_in.ok_device" : "sign_in.ok", user.id, ip);
        return user.toUser();
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
        tx.run(em -> em.createQuery("update UserEntity u set u.passwordHash = :h where u.id = :id")
                .setParameter("h", upgraded).setParameter("id", user.id).executeUpdate());
        Audit.info("password.rehashed", user.id, ip);
    }

    @Override
    public void changePassword(String userId, String sessionId, String currentPassword, String newPassword) {
        UserEntity user = userId == null ? null : findBy("id", userId).orElse(null);
        policy.check(newPassword, user == null ? null : user.email, user == null ? null : user.username);
        if (user == null || currentPassword == null || policy.overLength(currentPassword)) {
            Audit.info("password.change_failed", userId, null);
            throw new InvalidCredentialsException();
        }
        limit("auth:password-change", sessionId != null ? "s:" + sessionId : "u:" + user.id,
                settings.rateLimits().rateLimitPasswordChangePerHour());
        String lockId = signInIdentifier(user);
        FailureLock.Attempt<Void> attempt = failureLock.countAttempt(lockId, em -> null);
        if (attempt.lockedFor().isPresent()) {
            Audit.warn("password.change_locked", user.id, null);
            throw new RateLimitedException(attempt.lockedFor().getAsLong());
        }
        boolean right;
        try {
            right = hasher.verify(user.passwordHash, currentPassword);
        } catch (GatehouseUnavailableException e) {
            failureLock.refund(lockId, e);
            throw e;
        }
        if (!right) {
            Audit.info("password.change_failed", user.id, null);
            throw new InvalidCredentialsException();
        }
        failureLock.clear(lockId);
        breaches.check(newPassword); // only for a caller who proved the current password
        replacePassword(user.id, hasher.hash(newPassword), settings.apiTokens().revokeApiTokensOnPasswordChange());
        Audit.info("password.changed", user.id, null);
    }

    @Override
    public Optional<PasswordResetToken> requestPasswordReset(String email, String ip) {
        String e = Identifiers.normaliseEmail(email);
        limit("pwreset", e, settings.rateLimits().rateLimitPasswordResetPerHour());
        if (ip != null) {
            limitAddress("pwreset:ip", ip, settings.rateLimits().rateLimitPasswordResetPerHour());
        }
        Optional<UserEntity> row = findBy("email", e);
        if (row.isEmpty()) {
            // Same work as a hit: a lookup and a token write, so timing does not reveal the account.
            findBy("id", RESET_SENTINEL);
            tokens.issueKeepingLatest(PURPOSE_RESET, RESET_SENTINEL, settings.links().passwordResetTtlSeconds(), MAX_LIVE_RESET_LINKS);
            Audit.info("password.reset_requested_unknown", fingerprints.of(e), ip);
            return Optional.empty();
        }
        User user = row.get().toUser();
        String raw = tokens.issueKeepingLatest(PURPOSE_RESET, user.id(), settings.links().passwordResetTtlSeconds(),
                MAX_LIVE_RESET_LINKS);
        Audit.info("password.reset_requested", user.id(), ip);
        return Optional.of(new PasswordResetToken(user, raw));
    }

    @Override
    public User resetPassword(String rawToken, String newPassword, String ip) {
        if (ip != null) {
            limitAddress("auth:token-redeem", ip, settings.rateLimits().rateLimitTokenRedeemPerHour());
        }
        Optional<UserEntity> owner = tokens.peekOwner(PURPOSE_RESET, rawToken).flatMap(id -> findBy("id", id));
        policy.check(newPassword, owner.map(u -> u.email).orElse(null), owner.map(u -> u.username).orElse(null));
        if (owner.isPresent()) {
            breaches.check(newPassword); // before the link is used up, so a refused password leaves it working
        }
        TokenClaim claim = tokens.consume(PURPOSE_RESET, rawToken).orElseThrow(InvalidTokenException::new);
        String hash = hasher.hash(newPassword);
        UserEntity user = findBy("id", claim.userId()).orElseThrow(InvalidTokenException::new);
        replacePassword(user.id, hash, true); // a reset answers a suspected compromise: tokens go too
        failureLock.clear(signInIdentifier(user));
        Audit.info("password.reset", user.id, ip);
        return findBy("id", user.id).orElseThrow(InvalidTokenException::new).toUser();
    }

    @Override
    public String requestEmailVerification(String userId) {
        UserEntity user = (userId == null ? Optional.<UserEntity>empty() : findBy("id", userId))
                .orElseThrow(() -> new AuthException("No such user."));
        if (user.email == null) {
            throw new AuthException("This account has no email address to verify.");
        }
        if (user.emailVerifiedAt != null) {
            throw new AuthException("This email address is already verified.");
        }
        limit("auth:verify-email", user.id, settings.rateLimits().rateLimitVerificationEmailPerHour());
        Audit.info("email.verification_requested", user.id, null);
        return tokens.issue(PURPOSE_VERIFY, user.id, settings.links().emailVerifyTtlSeconds(), true);
    }

    @Override
    public Optional<EmailToken> requestEmailVerificationByEmail(String email, String ip) {
        String e = Identifiers.normaliseEmail(email);
        limit("auth:verify-email:address", e, settings.rateLimits().rateLimitVerificationEmailPerHour());
        if (ip != null) {
            limit("auth:verify-email:ip", ip, settings.rateLimits().rateLimitVerificationEmailPerHour());
        }
        Optional<UserEntity> row = findBy("email", e).filter(u -> u.emailVerifiedAt == null);
        // Same work either way: a lookup and a token write, so timing does not reveal the account.
        String owner = row.map(u -> u.id).orElse(VERIFY_SENTINEL);
        String raw = tokens.issue(PURPOSE_VERIFY, owner, settings.links().emailVerifyTtlSeconds(), true);
        Audit.info(row.isPresent() ? "email.verification_requested" : "email.verification_requested_unknown",
                row.map(u -> u.id).orElse(fingerprints.of(e)), ip);
        return row.map(u -> new EmailToken(u.toUser(), raw));
    }

    @Override
    public User confirmEmail(String rawToken, String ip) {
        if (ip != null) {
            limitAddress("auth:token-redeem", ip, settings.rateLimits().rateLimitTokenRedeemPerHour());
        }
        TokenClaim claim = tokens.consume(PURPOSE_VERIFY, rawToken).orElseThrow(InvalidTokenException::new);
        Instant now = Clocks.now(clock);
        tx.run(em -> em.createQuery("update UserEntity u set u.emailVerifiedAt = :now where u.id = :id "
                + "and u.emailVerifiedAt is null").setParameter("now", now).setParameter("id", claim.userId()).executeUpdate());
        cache.invalidateUser(claim.userId());
        Audit.info("email.verified", claim.userId(), ip);
        return findBy("id", claim.userId()).orElseThrow(InvalidTokenException::new).toUser();
    }

    @Override
    public boolean usernameAvailable(String username, String ip) {
        if (ip != null) {
            limitAddress("auth:username-check", ip, settings.rateLimits().rateLimitUsernameCheckPerHour());
        }
        String u = identifiers.normaliseUsername(username);
        return findBy("username", u).isEmpty();
    }

    @Override
    public Optional<User> findUser(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        User hit = cache.get("u:" + userId);
        if (hit != null) {
            return Optional.of(hit);
        }
        long stamp = cache.stamp();
        Optional<User> user = findBy("id", userId).map(UserEntity::toUser);
        user.ifPresent(u -> cache.put("u:" + userId, userId, u, stamp));
        return user;
    }

    /** New hash, every session ended, pending reset links void, API tokens revoked if asked: one transaction. */
    private void replacePassword(String userId, String newHash, boolean revokeApiTokens) {
        Instant now = Clocks.now(clock);
        tx.run(em -> {
            em.createQuery("update UserEntity u set u.passwordHash = :h where u.id = :id")
                    .setParameter("h", newHash).setParameter("id", userId).executeUpdate();
            DefaultSessionService.deleteAll(em, userId);
            DefaultTokenService.voidPending(em, userId, PURPOSE_RESET, now);
            if (revokeApiTokens) {
                DefaultApiTokenService.revokeAll(em, userId, now);
            }
        });
        cache.invalidateUser(userId); // after the commit: a racing request cannot re-cache what was ended
    }

    /** With {@code requireEmailVerified}, an account with an unconfirmed email may not act yet. */
    private boolean mustVerifyFirst(User user) {
        return settings.accounts().requireEmailVerified() && user.email() != null && !user.emailVerified();
    }

    private String signInIdentifier(UserEntity user) {
        String id = settings.accounts().identifier() == Identifier.EMAIL ? user.email : user.username;
        return id == null ? user.id : id;
    }

    /** A per-address limit: IPv6 callers count per /64 ({@link AddressKey}). */
    private void limitAddress(String scope, String ip, int perHour) {
        limit(scope, AddressKey.of(ip), perHour);
    }

    private void limit(String scope, String identifier, int perHour) {
        RateLimitDecision d = limiter.hit(scope, identifier, perHour, HOUR);
        if (!d.allowed()) {
            Audit.warn("rate_limited:" + scope, fingerprints.of(identifier), null);
            throw new RateLimitedException(d.retryAfterSeconds());
        }
    }

    private Optional<UserEntity> findBy(String column, String value) {
        return tx.inTransaction(em -> findBy(em, column, value));
    }

    static Optional<UserEntity> findBy(EntityManager em, String column, String value) {
        if (value == null || Identifiers.hasControl(value)) {
            return Optional.empty();
        }
        return em.createQuery("select u from UserEntity u where u." + column + " = :v", UserEntity.class)
                .setParameter("v", value).getResultList().stream().findFirst();
    }
}
