package dev.gatehouse.internal.account;

import dev.gatehouse.User;
import dev.gatehouse.account.AccountDisabledException;
import dev.gatehouse.account.AccountExistsException;
import dev.gatehouse.account.EmailNotVerifiedException;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.Identifier;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.audit.Fingerprints;
import dev.gatehouse.internal.crypto.SecureTokens;
import dev.gatehouse.internal.metrics.Metrics;
import dev.gatehouse.internal.passkey.DefaultPasskeyService;
import dev.gatehouse.internal.passkey.PasskeyCeremonies;
import dev.gatehouse.internal.passkey.PasskeyCeremonies.Failed;
import dev.gatehouse.internal.passkey.PasskeyCeremonies.Purpose;
import dev.gatehouse.internal.persistence.Clocks;
import dev.gatehouse.internal.persistence.MfaChallengeEntity;
import dev.gatehouse.internal.persistence.MfaChallengeRepository;
import dev.gatehouse.internal.persistence.PasskeyEntity;
import dev.gatehouse.internal.persistence.PasskeyRepository;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.internal.persistence.UserEntity;
import dev.gatehouse.internal.persistence.UserRepository;
import dev.gatehouse.internal.session.DefaultSessionService;
import dev.gatehouse.mfa.Factor;
import dev.gatehouse.passkey.InvalidPasskeyException;
import dev.gatehouse.passkey.PasskeyOptions;
import dev.gatehouse.passkey.PasskeyService;
import dev.gatehouse.session.SessionCookie;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;

/**
 * Signing in and signing up with a passkey: the assertion or registration verified by {@link PasskeyCeremonies},
 * then the same account checks and session as a password sign-in. A passkey asserted with user verification
 * is enough on its own: no second step, and it satisfies {@code mfaRequiredRoles}.
 */
final class PasskeySignIn {

    private final Transactions tx;
    private final AuthSettings settings;
    private final Clock clock;
    private final PasskeyCeremonies ceremonies;
    private final HourlyLimits limits;
    private final FailureLock failureLock;
    private final DeviceCookies devices;
    private final SignInCheck check;
    private final DefaultSessionService sessions;
    private final Fingerprints fingerprints;
    private final Metrics metrics;
    private final AuditTrail trail;
    private final UserRepository users = new UserRepository();
    private final PasskeyRepository passkeyRows = new PasskeyRepository();
    private final MfaChallengeRepository mfaChallenges = new MfaChallengeRepository();

    PasskeySignIn(Transactions tx, AuthSettings settings, Clock clock, PasskeyCeremonies ceremonies, HourlyLimits limits,
                  FailureLock failureLock, DeviceCookies devices, SignInCheck check, DefaultSessionService sessions,
                  Fingerprints fingerprints, Metrics metrics, AuditTrail trail) {
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
        this.ceremonies = ceremonies;
        this.limits = limits;
        this.failureLock = failureLock;
        this.devices = devices;
        this.check = check;
        this.sessions = sessions;
        this.fingerprints = fingerprints;
        this.metrics = metrics;
        this.trail = trail;
    }

    /** Sign-in options; with a live pending second-factor sign-in, for that user's passkeys only. */
    PasskeyOptions options(PasskeyService passkeys, String pendingValue, String ip) {
        String pendingUser = null;
        if (SecureTokens.isWellFormed(pendingValue)) {
            Instant now = Clocks.now(clock);
            MfaChallengeEntity c = tx.inTransaction(em -> mfaChallenges.find(em, SecureTokens.sha256Hex(pendingValue)));
            if (c != null && c.expiresAt.isAfter(now)) {
                pendingUser = c.userId;
            }
        }
        return passkeys.signInOptions(pendingUser, ip);
    }

    SignInResult signIn(String credentialJson, String ip, String userAgent, String deviceCookie) {
        ceremonies.requireAvailable();
        if (ip != null) {
            limits.limitAddress("auth:passkey-sign-in", ip, settings.rateLimits().rateLimitSignInPerHour());
        }
        PasskeyEntity used;
        try {
            used = ceremonies.verifyAssertion(credentialJson, Purpose.SIGN_IN, null);
        } catch (Failed f) {
            trail.event(EventType.SIGN_IN, Outcome.FAILURE).user(f.userId()).client(ip, userAgent)
                    .detail("factor", Factor.PASSKEY.wireName()).detail("reason", f.reason()).record();
            metrics.signIn("invalid_passkey");
            throw new InvalidPasskeyException();
        }
        UserEntity row = tx.inTransaction(em -> users.byId(em, used.userId)).orElseThrow(InvalidPasskeyException::new);
        User user = row.toUser();
        if (row.disabledAt != null) {
            trail.event(EventType.SIGN_IN, Outcome.FAILURE).user(row.id).client(ip, userAgent)
                    .detail("factor", Factor.PASSKEY.wireName()).detail("reason", "account_disabled").record();
            throw new AccountDisabledException();
        }
        if (check.mustVerifyFirst(user)) {
            throw new EmailNotVerifiedException();
        }
        String identifier = Identifiers.signInIdentifier(settings, row);
        failureLock.clear(identifier); // a verified passkey is stronger proof than the password the lock guards
        tx.run(em -> mfaChallenges.deleteAllOf(em, row.id)); // a pending password sign-in is no longer needed
        boolean knownDevice = devices.verify(deviceCookie, identifier).isPresent();
        SessionCookie cookie = sessions.start(row.id, ip, userAgent, EnumSet.of(Factor.PASSKEY), false);
        trail.event(EventType.SIGN_IN, Outcome.SUCCESS).user(row.id).session(SecureTokens.sha256Hex(cookie.value()))
                .client(ip, userAgent).detail("factor", Factor.PASSKEY.wireName()).detail("passkey", used.id)
                .detail("newDevice", !knownDevice).record();
        metrics.signIn("success");
        return new SignInResult(user, cookie, devices.issue(identifier));
    }

    /** The identifiers of a password-less sign-up, checked as a sign-up checks them. */
    DefaultPasskeyService.Admitted admit(Identifiers identifiers, String email, String username, String ip) {
        String e = email == null || email.isBlank() ? null : Identifiers.normaliseEmail(email);
        String u = username == null || username.isBlank() ? null : identifiers.normaliseUsername(username);
        if (settings.accounts().identifier() == Identifier.USERNAME && u == null) {
            throw new dev.gatehouse.ValidationException("Please choose a username.");
        }
        if (settings.accounts().identifier() == Identifier.EMAIL && e == null) {
            throw new dev.gatehouse.ValidationException("Please enter an email address.");
        }
        if (ip != null) {
            limits.limitAddress("auth:sign-up", ip, settings.rateLimits().rateLimitSignUpPerHour());
        }
        boolean taken = tx.inTransaction(em -> (e != null && users.byEmail(em, e).isPresent())
                || (u != null && users.byUsername(em, u).isPresent()));
        if (taken) {
            trail.event(EventType.SIGN_UP, Outcome.FAILURE).client(ip, null)
                    .detail("identifier", fingerprints.of(e != null ? e : u)).detail("reason", "exists").record();
            throw new AccountExistsException(settings.accounts().identifier());
        }
        return new DefaultPasskeyService.Admitted(e, u);
    }

    SignInResult signUp(String credentialJson, String name, String ip, String userAgent) {
        ceremonies.requireAvailable();
        UserEntity row = new UserEntity();
        row.id = SecureTokens.newId();
        PasskeyCeremonies.Registration r;
        try {
            r = ceremonies.verifyRegistration(credentialJson, Purpose.SIGN_UP, null, name);
        } catch (Failed f) {
            trail.event(EventType.SIGN_UP, Outcome.FAILURE).client(ip, userAgent).detail("factor", Factor.PASSKEY.wireName())
                    .detail("reason", f.reason()).record();
            throw DefaultPasskeyService.rejected(f.reason());
        } catch (IllegalArgumentException e) {
            throw new dev.gatehouse.ValidationException(e.getMessage());
        }
        row.email = r.challenge().email;
        row.username = r.challenge().username;
        row.passwordHash = null;
        row.createdAt = Clocks.now(clock);
        row.plan = "free";
        PasskeyEntity passkey = r.row();
        passkey.userId = row.id;
        if (ceremonies.registered(passkey)) {
            throw new dev.gatehouse.passkey.PasskeyRejectedException("This passkey is already registered.");
        }
        try {
            tx.run(em -> {
                users.insert(em, row);
                em.flush();
                passkeyRows.insert(em, passkey);
            });
        } catch (RuntimeException ex) {
            if (Transactions.isUniqueViolation(ex)) {
                String id = row.email != null ? row.email : row.username;
                trail.event(EventType.SIGN_UP, Outcome.FAILURE).client(ip, userAgent)
                        .detail("identifier", fingerprints.of(id)).detail("reason", "exists").record();
                throw new AccountExistsException(settings.accounts().identifier());
            }
            throw ex;
        }
        trail.event(EventType.SIGN_UP, Outcome.SUCCESS).user(row.id).client(ip, userAgent)
                .detail("factor", Factor.PASSKEY.wireName()).record();
        trail.event(EventType.PASSKEY_REGISTERED, Outcome.SUCCESS).user(row.id).client(ip, userAgent)
                .detail("passkey", passkey.id).detail("backedUp", passkey.backupState).record();
        User user = row.toUser();
        if (check.mustVerifyFirst(user)) {
            return new SignInResult(user, null);
        }
        String identifier = Identifiers.signInIdentifier(settings, row);
        SessionCookie cookie = sessions.start(row.id, ip, userAgent, EnumSet.of(Factor.PASSKEY), false);
        return new SignInResult(user, cookie, devices.issue(identifier));
    }


    /** Whether the user has any passkey. */
    boolean hasPasskey(String userId) {
        return tx.inTransaction(em -> passkeyRows.countOf(em, userId)) > 0;
    }
}
