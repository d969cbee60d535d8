package dev.gatehouse.internal.passkey;

import dev.gatehouse.ValidationException;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.passkey.PasskeyCeremonies.Failed;
import dev.gatehouse.internal.passkey.PasskeyCeremonies.Purpose;
import dev.gatehouse.internal.persistence.PasskeyEntity;
import dev.gatehouse.internal.persistence.OidcRepository;
import dev.gatehouse.internal.persistence.PasskeyRepository;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.internal.persistence.UserEntity;
import dev.gatehouse.internal.persistence.UserRepository;
import dev.gatehouse.internal.ratelimit.AddressKey;
import dev.gatehouse.internal.ratelimit.DbRateLimiter;
import dev.gatehouse.internal.session.ResolveCache;
import dev.gatehouse.passkey.LastSignInMethodException;
import dev.gatehouse.passkey.Passkey;
import dev.gatehouse.passkey.PasskeyOptions;
import dev.gatehouse.passkey.PasskeyRejectedException;
import dev.gatehouse.passkey.PasskeyService;
import dev.gatehouse.ratelimit.RateLimitDecision;
import dev.gatehouse.ratelimit.RateLimitedException;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** {@link PasskeyService} over {@link PasskeyCeremonies}. */
public final class DefaultPasskeyService implements PasskeyService {

    /** Checks a password-less sign-up's identifiers the way a sign-up does (rules, limit, not taken). */
    @FunctionalInterface
    public interface SignUpGate {
        /** @return the normalised email and username (either may be null) */
        Admitted admit(String email, String username, String ip);
    }

    /** Normalised identifiers of a sign-up. */
    public record Admitted(String email, String username) {
    }

    /** Sign-in options an address may ask for per allowed sign-in attempt. */
    static final int OPTIONS_PER_SIGN_IN = 10;

    private final Transactions tx;
    private final AuthSettings settings;
    private final PasskeyCeremonies ceremonies;
    private final DbRateLimiter limiter;
    private final ResolveCache cache;
    private final AuditTrail trail;
    private final SignUpGate signUps;
    private final PasskeyRepository rows = new PasskeyRepository();
    private final OidcRepository oidcRows = new OidcRepository();
    private final UserRepository users = new UserRepository();

    public DefaultPasskeyService(Transactions tx, AuthSettings settings, PasskeyCeremonies ceremonies, DbRateLimiter limiter,
                                 ResolveCache cache, AuditTrail trail, SignUpGate signUps) {
        this.tx = tx;
        this.settings = settings;
        this.ceremonies = ceremonies;
        this.limiter = limiter;
        this.cache = cache;
        this.trail = trail;
        this.signUps = signUps;
    }

    @Override
    public boolean available() {
        return ceremonies.available();
    }

    @Override
    public PasskeyOptions registrationOptions(String userId) {
        ceremonies.requireAvailable();
        UserEntity user = user(userId);
        return ceremonies.creationOptions(Purpose.REGISTER, user.id, PasskeyCeremonies.newUserHandle(), displayName(user),
                ceremonies.of(user.id), null, null);
    }

    @Override
    public Passkey register(String userId, String credentialJson, String name, String ip, String userAgent) {
        ceremonies.requireAvailable();
        String label = label(name);
        user(userId);
        PasskeyCeremonies.Registration r;
        try {
            r = ceremonies.verifyRegistration(credentialJson, Purpose.REGISTER, userId, label);
        } catch (Failed f) {
            trail.event(EventType.PASSKEY_REGISTERED, Outcome.FAILURE).user(userId).client(ip, userAgent)
                    .detail("reason", f.reason()).record();
            throw rejected(f.reason());
        }
        store(r.row(), ip, userAgent);
        return PasskeyCeremonies.view(r.row());
    }

    /**
     * Stores a verified registration and records it.
     *
     * @throws PasskeyRejectedException the credential is already registered (to this user or another)
     */
    public void store(PasskeyEntity row, String ip, String userAgent) {
        if (ceremonies.registered(row)) {
            refuseDuplicate(row, ip, userAgent);
        }
        try {
            tx.run(em -> rows.insert(em, row));
        } catch (PersistenceException e) {
            if (ceremonies.registered(row)) {
                refuseDuplicate(row, ip, userAgent); // a racing registration of the same credential won
            }
            throw e;
        }
        cache.invalidateUser(row.userId); // its re-authentication methods changed
        trail.event(EventType.PASSKEY_REGISTERED, Outcome.SUCCESS).user(row.userId).client(ip, userAgent)
                .detail("passkey", row.id).detail("backedUp", row.backupState).record();
    }

    private void refuseDuplicate(PasskeyEntity row, String ip, String userAgent) {
        trail.event(EventType.PASSKEY_REGISTERED, Outcome.FAILURE).user(row.userId).client(ip, userAgent)
                .detail("reason", "already_registered").record();
        throw new PasskeyRejectedException("This passkey is already registered.");
    }

    /** The message a refused registration shows, by the reason it failed. */
    public static PasskeyRejectedException rejected(String reason) {
        return new PasskeyRejectedException(switch (reason) {
            case "challenge" -> "The passkey request expired or was already used. Start again.";
            case "user_verification" -> "The authenticator did not verify you (a PIN, fingerprint or face). "
                    + "Use one that can, or turn that on.";
            case "origin", "rp_id" -> "The passkey was made for another site.";
            case "malformed" -> "The passkey response could not be read.";
            case "algorithm" -> "The authenticator uses a signature algorithm this site does not accept.";
            case "credential_id" -> "The authenticator's credential id is too long.";
            default -> "The passkey could not be verified.";
        });
    }

    @Override
    public List<Passkey> list(String userId) {
        if (userId == null) {
            return List.of();
        }
        return ceremonies.of(userId).stream().map(PasskeyCeremonies::view).toList();
    }

    @Override
    public Optional<Passkey> rename(String userId, String passkeyId, String name) {
        String label = PasskeyCeremonies.cleanName(nameOrFail(name)).orElseThrow(
                () -> new ValidationException("Please give the passkey a name."));
        if (userId == null || passkeyId == null) {
            return Optional.empty();
        }
        Optional<PasskeyEntity> row = tx.inTransaction(em -> rows.rename(em, userId, passkeyId, label) == 1
                ? rows.byId(em, userId, passkeyId) : Optional.<PasskeyEntity>empty());
        row.ifPresent(p -> trail.event(EventType.PASSKEY_RENAMED, Outcome.SUCCESS).user(userId).detail("passkey", p.id).record());
        return row.map(PasskeyCeremonies::view);
    }

    @Override
    public boolean delete(String userId, String passkeyId, String ip, String userAgent) {
        return delete(userId, passkeyId, ip, userAgent, null);
    }

    @Override
    public boolean removeAsAdministrator(String userId, String passkeyId, String actor) {
        if (actor == null || actor.isBlank()) {
            throw new dev.gatehouse.ValidationException("Say who removes the passkey (the actor).");
        }
        return delete(userId, passkeyId, null, null, actor);
    }

    private boolean delete(String userId, String passkeyId, String ip, String userAgent, String actor) {
        if (userId == null || passkeyId == null) {
            return false;
        }
        // The user's row is locked so two deletions cannot together remove the last way in.
        int deleted = tx.inTransaction(em -> {
            UserEntity user = em.find(UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE);
            if (user == null || rows.byId(em, userId, passkeyId).isEmpty()) {
                return 0;
            }
            if (user.passwordHash == null && rows.countOf(em, userId) <= 1 && oidcRows.countOf(em, userId) == 0) {
                return -1;
            }
            int n = rows.delete(em, userId, passkeyId);
            if (n == 1) {
                cache.announceUser(em, userId); // its re-authentication methods changed
            }
            return n;
        });
        if (deleted < 0) {
            throw new LastSignInMethodException();
        }
        if (deleted == 1) {
            cache.invalidateUser(userId);
            trail.event(EventType.PASSKEY_REMOVED, Outcome.SUCCESS).user(userId).actor(actor).client(ip, userAgent)
                    .detail("passkey", passkeyId).record();
        }
        return deleted == 1;
    }

    @Override
    public PasskeyOptions signInOptions(String pendingUserId, String ip) {
        ceremonies.requireAvailable();
        if (ip != null) {
            // Sign-in pages ask for options on every load (autofill), so the budget is ten times the sign-in one;
            // each answer writes one short-lived row, which bounds what one address can store.
            RateLimitDecision d = limiter.hit("auth:passkey-options", AddressKey.of(ip),
                    OPTIONS_PER_SIGN_IN * settings.rateLimits().rateLimitSignInPerHour(), Duration.ofHours(1));
            if (!d.allowed()) {
                throw new RateLimitedException(d.retryAfterSeconds());
            }
        }
        List<PasskeyEntity> allowed = pendingUserId == null ? List.of() : ceremonies.of(pendingUserId);
        return ceremonies.requestOptions(Purpose.SIGN_IN, pendingUserId, allowed);
    }

    @Override
    public PasskeyOptions reauthOptions(String userId) {
        ceremonies.requireAvailable();
        UserEntity user = user(userId);
        return ceremonies.requestOptions(Purpose.REAUTH, user.id, ceremonies.of(user.id));
    }

    @Override
    public PasskeyOptions signUpOptions(String email, String username, String ip) {
        ceremonies.requireAvailable();
        if (!settings.passkeys().passwordlessSignUp()) {
            throw dev.gatehouse.AccessDeniedException.forbidden("passwordless_sign_up");
        }
        Admitted who = signUps.admit(email, username, ip);
        String name = who.email() != null ? who.email() : who.username();
        return ceremonies.creationOptions(Purpose.SIGN_UP, null, PasskeyCeremonies.newUserHandle(), name, List.of(),
                who.email(), who.username());
    }

    private UserEntity user(String userId) {
        return (userId == null ? Optional.<UserEntity>empty() : tx.inTransaction(em -> users.byId(em, userId)))
                .orElseThrow(() -> new IllegalArgumentException("No user with id '" + userId + "'"));
    }

    private static String displayName(UserEntity user) {
        return user.email != null ? user.email : user.username != null ? user.username : user.id;
    }

    private String label(String name) {
        try {
            return ceremonies.name(name);
        } catch (IllegalArgumentException e) {
            throw new ValidationException(e.getMessage());
        }
    }

    private static String nameOrFail(String name) {
        try {
            PasskeyCeremonies.cleanName(name);
            return name;
        } catch (IllegalArgumentException e) {
            throw new ValidationException(e.getMessage());
        }
    }
}
