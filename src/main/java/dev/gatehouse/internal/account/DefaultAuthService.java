package dev.gatehouse.internal.account;

import dev.gatehouse.AuthException;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.User;
import dev.gatehouse.ValidationException;
import dev.gatehouse.account.EmailChangeRequest;
import dev.gatehouse.account.EmailChanged;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.mfa.DefaultMfaService;
import dev.gatehouse.internal.mfa.SecondFactors;
import dev.gatehouse.internal.passkey.DefaultPasskeyService;
import dev.gatehouse.internal.passkey.PasskeyCeremonies;
import dev.gatehouse.passkey.PasskeyOptions;
import dev.gatehouse.mfa.Factor;
import dev.gatehouse.mfa.MfaChallenge;
import java.util.EnumSet;
import dev.gatehouse.account.AccountExistsException;
import dev.gatehouse.account.AuthService;
import dev.gatehouse.account.InvalidCredentialsException;
import dev.gatehouse.account.PasswordHasher;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.Identifier;
import dev.gatehouse.internal.audit.Audit;
import dev.gatehouse.internal.audit.Fingerprints;
import dev.gatehouse.internal.crypto.Keyring;
import dev.gatehouse.internal.crypto.SecureTokens;
import dev.gatehouse.internal.metrics.Metrics;
import dev.gatehouse.internal.password.BreachedPasswordRule;
import dev.gatehouse.internal.password.PasswordPolicy;
import dev.gatehouse.internal.persistence.ApiTokenRepository;
import dev.gatehouse.internal.persistence.AuthTokenRepository;
import dev.gatehouse.internal.persistence.Clocks;
import dev.gatehouse.internal.persistence.SessionRepository;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.internal.persistence.UserEntity;
import dev.gatehouse.internal.persistence.UserRepository;
import dev.gatehouse.internal.ratelimit.DbRateLimiter;
import dev.gatehouse.internal.session.CacheKey;
import dev.gatehouse.internal.session.DefaultSessionService;
import dev.gatehouse.internal.session.ResolveCache;
import dev.gatehouse.internal.token.DefaultTokenService;
import dev.gatehouse.ratelimit.RateLimitedException;
import dev.gatehouse.session.SessionCookie;
import dev.gatehouse.token.EmailToken;
import dev.gatehouse.token.InvalidTokenException;
import dev.gatehouse.token.PasswordResetToken;
import dev.gatehouse.token.TokenClaim;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

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
    /** Live reset links one account may have; a stranger's requests cannot void the one the owner holds. */
    static final int MAX_LIVE_RESET_LINKS = 3;

    private final Transactions tx;
    private final AuthSettings settings;
    private final Clock clock;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final BreachedPasswordRule breaches;
    private final Identifiers identifiers;
    private final HourlyLimits limits;
    private final FailureLock failureLock;
    private final DeviceCookies devices;
    private final SignInCheck check;
    private final Fingerprints fingerprints;
    private final DefaultSessionService sessions;
    private final DefaultTokenService tokens;
    private final ResolveCache cache;
    private final Metrics metrics;
    private final AuditTrail trail;
    private final DefaultMfaService mfa;
    private final MfaSignIn mfaSignIn;
    private final Reauthentication reauth;
    private final EmailChanges emailChanges;
    private final PasskeySignIn passkeySignIn;
    private final DefaultPasskeyService passkeys;
    private final dev.gatehouse.internal.oidc.DefaultOidcService oidc;
    private final DbRateLimiter limiter;
    private final UserRepository users = new UserRepository();
    private final SessionRepository sessionRows = new SessionRepository();
    private final AuthTokenRepository tokenRows = new AuthTokenRepository();
    private final ApiTokenRepository apiTokenRows = new ApiTokenRepository();

    public DefaultAuthService(Transactions tx, AuthSettings settings, Clock clock, PasswordHasher hasher,
                              DbRateLimiter limiter, DefaultSessionService sessions, DefaultTokenService tokens,
                              ResolveCache cache, Keyring keyring, Fingerprints fingerprints, Metrics metrics,
                              SecondFactors secondFactors, DefaultMfaService mfa, AuditTrail trail,
                              PasskeyCeremonies ceremonies) {
        this.metrics = metrics;
        this.cache = cache;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
        this.hasher = hasher;
        this.policy = new PasswordPolicy(settings);
        this.breaches = BreachedPasswordRule.from(settings);
        this.identifiers = new Identifiers(settings);
        this.limits = new HourlyLimits(limiter, fingerprints);
        this.failureLock = new FailureLock(FailureLock.SCOPE, tx, limiter, clock, settings.accounts().maxConsecutiveFailures(),
                settings.accounts().lockoutSeconds(), metrics);
        this.devices = new DeviceCookies(keyring, settings, clock);
        this.fingerprints = fingerprints;
        this.sessions = sessions;
        this.tokens = tokens;
        this.trail = trail;
        this.mfa = mfa;
        this.mfaSignIn = new MfaSignIn(tx, settings, clock, secondFactors, failureLock, trail,
                userId -> mfa.required(userId) && ceremonies.hasPasskey(userId), ceremonies::hasPasskey);
        this.check = new SignInCheck(tx, settings, clock, hasher, policy, limiter, limits, failureLock, devices,
                fingerprints, metrics, mfaSignIn::due, trail);
        this.reauth = new Reauthentication(settings, hasher, policy, limits, failureLock, secondFactors, sessions, trail,
                ceremonies);
        this.passkeySignIn = new PasskeySignIn(tx, settings, clock, ceremonies, limits, failureLock, devices, check, sessions,
                fingerprints, metrics, trail);
        this.passkeys = new DefaultPasskeyService(tx, settings, ceremonies, limiter, cache, trail,
                (email, username, ip) -> passkeySignIn.admit(identifiers, email, username, ip));
        this.emailChanges = new EmailChanges(tx, settings, clock, limits, tokens, cache, trail);
        this.oidc = new dev.gatehouse.internal.oidc.DefaultOidcService(tx, settings, clock, limiter, trail,
                new OidcSignIn(tx, settings, clock, devices, check, mfaSignIn, mfa::required, sessions, fingerprints,
                        metrics, trail), cache);
        this.limiter = limiter;
    }

    /** Looks again for the costliest stored hash shape (housekeeping; rehashing on sign-in empties old ones). */
    public void refreshTimingDecoy() {
        check.refreshTimingDecoy();
    }

    @Override
    public SignInResult signUp(String email, String username, String password, String ip, String userAgent) {
        String e = email == null || email.isBlank() ? null : Identifiers.normaliseEmail(email);
        String u = username == null || username.isBlank() ? null : identifiers.normaliseUsername(username);
        if (settings.accounts().identifier() == Identifier.USERNAME && u == null) {
            throw new ValidationException("Please choose a username.");
        }
        if (settings.accounts().identifier() == Identifier.EMAIL && e == null) {
            throw new ValidationException("Please enter an email address.");
        }
        policy.check(password, e, u);
        if (ip != null) {
            limits.limitAddress("auth:sign-up", ip, settings.rateLimits().rateLimitSignUpPerHour());
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
            tx.run(em -> users.insert(em, row));
        } catch (RuntimeException ex) {
            if (Transactions.isUniqueViolation(ex)) {
                trail.event(EventType.SIGN_UP, Outcome.FAILURE).client(ip, userAgent)
                        .detail("identifier", fingerprints.of(e != null ? e : u)).detail("reason", "exists").record();
                throw new AccountExistsException(settings.accounts().identifier());
            }
            throw ex;
        }
        trail.event(EventType.SIGN_UP, Outcome.SUCCESS).user(row.id).client(ip, userAgent).record();
        User user = row.toUser();
        if (check.mustVerifyFirst(user)) {
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
        SignInCheck.Verified v = verify(identifier, password, ip, deviceCookie);
        User user = v.user();
        if (v.secondFactorDue()) {
            MfaChallenge challenge = mfaSignIn.open(user, v.identifier(), ip, userAgent);
            trail.event(EventType.SIGN_IN, Outcome.SUCCESS).user(user.id()).client(ip, userAgent)
                    .detail("factor", Factor.PASSWORD.wireName()).detail("next", "mfa").record();
            return SignInResult.pending(user, challenge);
        }
        boolean restricted = mfa.required(user.id());
        SessionCookie cookie = sessions.start(user.id(), ip, userAgent, EnumSet.of(Factor.PASSWORD), restricted);
        trail.event(EventType.SIGN_IN, Outcome.SUCCESS).user(user.id()).session(SecureTokens.sha256Hex(cookie.value()))
                .client(ip, userAgent).detail("factor", Factor.PASSWORD.wireName()).detail("newDevice", !v.trusted())
                .detail("restricted", restricted ? "mfa_enrolment" : null).record();
        return new SignInResult(user, cookie, devices.issue(v.identifier()), null, restricted);
    }

    @Override
    public SignInResult completeSignIn(String pendingValue, String code, String ip, String userAgent, String deviceCookie) {
        MfaSignIn.Passed p = mfaSignIn.check(pendingValue, code, ip);
        try {
            limiter.reset("auth:sign-in:" + settings.accounts().identifier().wireName(), p.identifier());
            failureLock.clear(p.identifier());
        } catch (GatehouseUnavailableException e) {
            failureLock.clearLater(p.identifier());
        }
        boolean knownDevice = devices.verify(deviceCookie, p.identifier()).isPresent();
        SessionCookie cookie = sessions.start(p.user().id(), ip, userAgent, EnumSet.of(p.first(), p.factor()), false);
        String sessionId = SecureTokens.sha256Hex(cookie.value());
        trail.event(EventType.SIGN_IN_MFA, Outcome.SUCCESS).user(p.user().id()).session(sessionId).client(ip, userAgent)
                .detail("factor", p.factor().wireName()).detail("newDevice", !knownDevice).record();
        p.recoveryCodesLeft().ifPresent(n -> trail.event(EventType.RECOVERY_CODE_USED, Outcome.SUCCESS).user(p.user().id())
                .session(sessionId).client(ip, userAgent).detail("remaining", n).record());
        return new SignInResult(p.user(), cookie, devices.issue(p.identifier()));
    }

    @Override
    public SignInResult signInWithPasskey(String credentialJson, String ip, String userAgent, String deviceCookie) {
        return passkeySignIn.signIn(credentialJson, ip, userAgent, deviceCookie);
    }

    @Override
    public SignInResult signUpWithPasskey(String credentialJson, String passkeyName, String ip, String userAgent) {
        return passkeySignIn.signUp(credentialJson, passkeyName, ip, userAgent);
    }

    /** The OpenID Connect service, which shares this service's sign-in checks, second step and sessions. */
    public dev.gatehouse.internal.oidc.DefaultOidcService oidc() {
        return oidc;
    }

    /** The passkey service this sign-in service shares its limits and sign-up rules with. */
    public DefaultPasskeyService passkeys() {
        return passkeys;
    }

    /**
     * Passkey sign-in options; when the browser holds a live pending second-factor sign-in (the value of its
     * pending cookie, or null), they list that user's passkeys so the passkey can be the second step.
     */
    public PasskeyOptions passkeySignInOptions(String pendingValue, String ip) {
        return passkeySignIn.options(passkeys, pendingValue, ip);
    }

    /** The pending second-factor cookie's deletion (to send once a sign-in completes or restarts). */
    public SessionCookie mfaCookieDeletion() {
        return mfaSignIn.cookie("", 0);
    }

    /** A restricted session whose user just enrolled the required factor becomes a full one. */
    public void liftRestriction(String userId, String sessionId, java.util.Set<Factor> factors) {
        sessions.liftRestriction(userId, sessionId, factors);
    }

    @Override
    public void reauthenticate(String userId, String sessionId, Factor factor, String secret, String ip, String userAgent) {
        UserEntity user = (userId == null ? Optional.<UserEntity>empty() : byId(userId))
                .orElseThrow(() -> new IllegalArgumentException("No user with id '" + userId + "'"));
        reauth.reauthenticate(user, Identifiers.signInIdentifier(settings, user), sessionId, factor, secret, ip, userAgent);
    }

    @Override
    public EmailChangeRequest requestEmailChange(String userId, String newEmail, String ip) {
        UserEntity user = (userId == null ? Optional.<UserEntity>empty() : byId(userId))
                .orElseThrow(() -> new IllegalArgumentException("No user with id '" + userId + "'"));
        return emailChanges.request(user, newEmail, ip);
    }

    @Override
    public EmailChanged confirmEmailChange(String rawToken, String keepSessionId, String ip) {
        if (ip != null) {
            limits.limitAddress("auth:token-redeem", ip, settings.rateLimits().rateLimitTokenRedeemPerHour());
        }
        return emailChanges.confirm(rawToken, keepSessionId, ip);
    }

    @Override
    public User verifyCredentials(String identifier, String password, String ip) {
        return verify(identifier, password, ip, null).user();
    }

    /** The sign-in check, its outcome counted by result. */
    private SignInCheck.Verified verify(String identifier, String password, String ip, String deviceCookie) {
        try {
            SignInCheck.Verified v = check.verify(identifier, password, ip, deviceCookie);
            metrics.signIn("success");
            return v;
        } catch (AuthException e) {
            metrics.signIn(e.code().wire());
            throw e;
        } catch (GatehouseUnavailableException e) {
            metrics.signIn(e.code().wire());
            throw e;
        }
    }


    @Override
    public void changePassword(String userId, String sessionId, String currentPassword, String newPassword) {
        UserEntity user = userId == null ? null : byId(userId).orElse(null);
        policy.check(newPassword, user == null ? null : user.email, user == null ? null : user.username);
        if (user == null || currentPassword == null || policy.overLength(currentPassword)) {
            trail.event(EventType.PASSWORD_CHANGED, Outcome.FAILURE).user(userId).session(sessionId)
                    .detail("reason", "invalid_credentials").record();
            throw new InvalidCredentialsException();
        }
        limits.limit("auth:password-change", sessionId != null ? "s:" + sessionId : "u:" + user.id,
                settings.rateLimits().rateLimitPasswordChangePerHour());
        String lockId = Identifiers.signInIdentifier(settings, user);
        FailureLock.Attempt<Void> attempt = failureLock.countAttempt(lockId, em -> null);
        if (attempt.lockedFor().isPresent()) {
            trail.event(EventType.PASSWORD_CHANGED, Outcome.FAILURE).user(user.id).session(sessionId)
                    .detail("reason", "locked").record();
            throw new RateLimitedException(attempt.lockedFor().getAsLong());
        }
        boolean right;
        try {
            right = user.passwordHash != null && hasher.verify(user.passwordHash, currentPassword);
        } catch (GatehouseUnavailableException e) {
            failureLock.refund(lockId, e);
            throw e;
        }
        if (!right) {
            trail.event(EventType.PASSWORD_CHANGED, Outcome.FAILURE).user(user.id).session(sessionId)
                    .detail("reason", "invalid_credentials").record();
            throw new InvalidCredentialsException();
        }
        failureLock.clear(lockId);
        breaches.check(newPassword); // only for a caller who proved the current password
        replacePassword(user.id, hasher.hash(newPassword), settings.apiTokens().revokeApiTokensOnPasswordChange());
        trail.event(EventType.PASSWORD_CHANGED, Outcome.SUCCESS).user(user.id).session(sessionId).record();
    }

    @Override
    public Optional<PasswordResetToken> requestPasswordReset(String email, String ip) {
        String e = Identifiers.normaliseEmail(email);
        limits.limit("pwreset", e, settings.rateLimits().rateLimitPasswordResetPerHour());
        if (ip != null) {
            limits.limitAddress("pwreset:ip", ip, settings.rateLimits().rateLimitPasswordResetPerHour());
        }
        Optional<UserEntity> row = byEmail(e);
        if (row.isEmpty()) {
            // Same work as a hit: a lookup and a token write, so timing does not reveal the account.
            byId(RESET_SENTINEL);
            tokens.issueKeepingLatest(PURPOSE_RESET, RESET_SENTINEL, settings.links().passwordResetTtlSeconds(), MAX_LIVE_RESET_LINKS);
            trail.event(EventType.PASSWORD_RESET_REQUESTED, Outcome.SUCCESS).client(ip, null)
                    .detail("identifier", fingerprints.of(e)).detail("account", "unknown").record();
            return Optional.empty();
        }
        User user = row.get().toUser();
        String raw = tokens.issueKeepingLatest(PURPOSE_RESET, user.id(), settings.links().passwordResetTtlSeconds(),
                MAX_LIVE_RESET_LINKS);
        trail.event(EventType.PASSWORD_RESET_REQUESTED, Outcome.SUCCESS).user(user.id()).client(ip, null).record();
        return Optional.of(new PasswordResetToken(user, raw));
    }

    @Override
    public User resetPassword(String rawToken, String newPassword, String ip) {
        if (ip != null) {
            limits.limitAddress("auth:token-redeem", ip, settings.rateLimits().rateLimitTokenRedeemPerHour());
        }
        Optional<UserEntity> owner = tokens.peekOwner(PURPOSE_RESET, rawToken).flatMap(this::byId);
        policy.check(newPassword, owner.map(u -> u.email).orElse(null), owner.map(u -> u.username).orElse(null));
        if (owner.isPresent()) {
            breaches.check(newPassword); // before the link is used up, so a refused password leaves it working
        }
        TokenClaim claim = tokens.consume(PURPOSE_RESET, rawToken).orElseThrow(InvalidTokenException::new);
        String hash = hasher.hash(newPassword);
        UserEntity user = byId(claim.userId()).orElseThrow(InvalidTokenException::new);
        replacePassword(user.id, hash, true); // a reset answers a suspected compromise: tokens go too
        failureLock.clear(Identifiers.signInIdentifier(settings, user));
        trail.event(EventType.PASSWORD_RESET, Outcome.SUCCESS).user(user.id).client(ip, null).record();
        return byId(user.id).orElseThrow(InvalidTokenException::new).toUser();
    }

    @Override
    public String requestEmailVerification(String userId) {
        UserEntity user = (userId == null ? Optional.<UserEntity>empty() : byId(userId))
                .orElseThrow(() -> new ValidationException("No such user."));
        if (user.email == null) {
            throw new ValidationException("This account has no email address to verify.");
        }
        if (user.emailVerifiedAt != null) {
            throw new ValidationException("This email address is already verified.");
        }
        limits.limit("auth:verify-email", user.id, settings.rateLimits().rateLimitVerificationEmailPerHour());
        Audit.info("email.verification_requested", user.id, null);
        return tokens.issue(PURPOSE_VERIFY, user.id, settings.links().emailVerifyTtlSeconds(), true);
    }

    @Override
    public Optional<EmailToken> requestEmailVerificationByEmail(String email, String ip) {
        String e = Identifiers.normaliseEmail(email);
        limits.limit("auth:verify-email:address", e, settings.rateLimits().rateLimitVerificationEmailPerHour());
        if (ip != null) {
            limits.limit("auth:verify-email:ip", ip, settings.rateLimits().rateLimitVerificationEmailPerHour());
        }
        Optional<UserEntity> row = byEmail(e).filter(u -> u.emailVerifiedAt == null);
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
            limits.limitAddress("auth:token-redeem", ip, settings.rateLimits().rateLimitTokenRedeemPerHour());
        }
        TokenClaim claim = tokens.consume(PURPOSE_VERIFY, rawToken).orElseThrow(InvalidTokenException::new);
        Instant now = Clocks.now(clock);
        tx.run(em -> {
            users.markEmailVerified(em, claim.userId(), now);
            cache.announceUser(em, claim.userId());
        });
        cache.invalidateUser(claim.userId());
        trail.event(EventType.EMAIL_VERIFIED, Outcome.SUCCESS).user(claim.userId()).client(ip, null).record();
        return byId(claim.userId()).orElseThrow(InvalidTokenException::new).toUser();
    }

    @Override
    public boolean usernameAvailable(String username, String ip) {
        if (ip != null) {
            limits.limitAddress("auth:username-check", ip, settings.rateLimits().rateLimitUsernameCheckPerHour());
        }
        String u = identifiers.normaliseUsername(username);
        return tx.inTransaction(em -> users.byUsername(em, u)).isEmpty();
    }

    @Override
    public Optional<User> findUser(String userId) {
        if (userId == null) {
            return Optional.empty();
        }
        CacheKey.UserRow key = new CacheKey.UserRow(userId);
        User hit = cache.get(key);
        if (hit != null) {
            return Optional.of(hit);
        }
        long stamp = cache.stamp();
        Optional<User> user = byId(userId).map(UserEntity::toUser);
        user.ifPresent(u -> cache.put(key, userId, u, stamp));
        return user;
    }

    /** New hash, every session ended, pending reset links void, API tokens revoked if asked: one transaction. */
    private void replacePassword(String userId, String newHash, boolean revokeApiTokens) {
        Instant now = Clocks.now(clock);
        tx.run(em -> {
            users.setPasswordHash(em, userId, newHash);
            sessionRows.deleteAllOf(em, userId);
            tokenRows.voidPending(em, userId, PURPOSE_RESET, now);
            if (revokeApiTokens) {
                apiTokenRows.revokeAllOf(em, userId, now);
            }
            cache.announceUser(em, userId);
        });
        cache.invalidateUser(userId); // after the commit: a racing request cannot re-cache what was ended
    }


    private Optional<UserEntity> byId(String id) {
        return tx.inTransaction(em -> users.byId(em, id));
    }

    private Optional<UserEntity> byEmail(String email) {
        return tx.inTransaction(em -> users.byEmail(em, email));
    }
}
