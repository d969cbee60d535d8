package dev.gatehouse.internal.account;

import dev.gatehouse.User;
import dev.gatehouse.ValidationException;
import dev.gatehouse.account.AccountDisabledException;
import dev.gatehouse.account.EmailNotVerifiedException;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.Identifier;
import dev.gatehouse.config.OidcProviderSettings;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.audit.Fingerprints;
import dev.gatehouse.internal.crypto.SecureTokens;
import dev.gatehouse.internal.metrics.Metrics;
import dev.gatehouse.internal.oidc.VerifiedIdentity;
import dev.gatehouse.internal.persistence.Clocks;
import dev.gatehouse.internal.persistence.OidcIdentityEntity;
import dev.gatehouse.internal.persistence.OidcRepository;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.internal.persistence.UserEntity;
import dev.gatehouse.internal.persistence.UserRepository;
import dev.gatehouse.internal.session.DefaultSessionService;
import dev.gatehouse.mfa.Factor;
import dev.gatehouse.mfa.MfaChallenge;
import dev.gatehouse.oidc.OidcFailedException;
import dev.gatehouse.oidc.OidcIdentity;
import dev.gatehouse.oidc.OidcLinkRequiredException;
import dev.gatehouse.session.SessionCookie;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a verified provider identity may do here. Identities are found by issuer and subject, never by email once
 * linked. An unknown identity whose email belongs to an account takes it over only when the provider asserts
 * {@code email_verified=true} and the account's email is verified too; otherwise the user must sign in as before and
 * link (the pre-hijacking case fails closed). A new account is created only where the provider allows sign-up, with
 * the provider's verified email, and no password. Then the same checks and session as any sign-in; a second factor
 * still applies.
 */
public final class OidcSignIn {

    /** The outcome for the service: the sign-in, and whether an account was created. */
    public record Done(SignInResult result, boolean created) {
    }

    private final Transactions tx;
    private final AuthSettings settings;
    private final Clock clock;
    private final DeviceCookies devices;
    private final SignInCheck check;
    private final MfaSignIn mfaSignIn;
    private final Predicate<String> enrolmentRequired;
    private final DefaultSessionService sessions;
    private final Fingerprints fingerprints;
    private final Metrics metrics;
    private final AuditTrail trail;
    private final UserRepository users = new UserRepository();
    private final OidcRepository rows = new OidcRepository();

    OidcSignIn(Transactions tx, AuthSettings settings, Clock clock, DeviceCookies devices, SignInCheck check,
               MfaSignIn mfaSignIn, Predicate<String> enrolmentRequired, DefaultSessionService sessions,
               Fingerprints fingerprints, Metrics metrics, AuditTrail trail) {
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
        this.devices = devices;
        this.check = check;
        this.mfaSignIn = mfaSignIn;
        this.enrolmentRequired = enrolmentRequired;
        this.sessions = sessions;
        this.fingerprints = fingerprints;
        this.metrics = metrics;
        this.trail = trail;
    }

    /** The unique key of an identity: SHA-256 of issuer, line feed, subject. */
    public static String key(String issuer, String subject) {
        return SecureTokens.sha256Hex(issuer + "\n" + subject);
    }

    public Done signIn(OidcProviderSettings p, VerifiedIdentity id, String ip, String userAgent, String deviceCookie) {
        Instant now = Clocks.now(clock);
        String email = email(id);
        Optional<OidcIdentityEntity> known = tx.inTransaction(em -> rows.byIdentity(em, key(id.issuer(), id.subject())));
        UserEntity row;
        boolean created = false;
        if (known.isPresent()) {
            tx.run(em -> rows.recordUse(em, known.get().id, email, now));
            row = tx.inTransaction(em -> users.byId(em, known.get().userId)).orElseThrow(() -> refused(p, null, ip, userAgent,
                    "no_account", "No account here is linked to this " + p.name() + " account."));
        } else {
            Optional<UserEntity> sameEmail = email == null ? Optional.empty() : tx.inTransaction(em -> users.byEmail(em, email));
            if (sameEmail.isPresent()) {
                row = sameEmail.get();
                if (!id.emailVerified() || row.emailVerifiedAt == null) {
                    trail.event(EventType.SIGN_IN, Outcome.FAILURE).user(row.id).client(ip, userAgent)
                            .detail("factor", Factor.OIDC.wireName()).detail("provider", p.id())
                            .detail("reason", id.emailVerified() ? "account_email_unverified" : "provider_email_unverified")
                            .record();
                    metrics.signIn("oidc_link_required");
                    throw new OidcLinkRequiredException(p.name());
                }
                insertIdentity(p, id, email, row.id, now);
                trail.event(EventType.OIDC_LINKED, Outcome.SUCCESS).user(row.id).client(ip, userAgent)
                        .detail("provider", p.id()).detail("how", "auto").record();
            } else {
                row = signUp(p, id, email, now, ip, userAgent);
                created = true;
            }
        }
        return new Done(open(p, row, ip, userAgent, deviceCookie), created);
    }

    /** Links the identity to the user's account (the flow's user, who started it signed in). */
    public OidcIdentity link(OidcProviderSettings p, VerifiedIdentity id, String userId, String ip, String userAgent) {
        Instant now = Clocks.now(clock);
        String email = email(id);
        Optional<OidcIdentityEntity> known = tx.inTransaction(em -> rows.byIdentity(em, key(id.issuer(), id.subject())));
        if (known.isPresent()) {
            if (!known.get().userId.equals(userId)) {
                throw refused(p, userId, ip, userAgent, "linked_elsewhere", "This " + p.name()
                        + " account is already linked to another account here.");
            }
            tx.run(em -> rows.recordUse(em, known.get().id, email, now));
            return view(tx.inTransaction(em -> rows.byIdentity(em, known.get().identitySha256)).orElseThrow());
        }
        if (tx.inTransaction(em -> users.byId(em, userId)).isEmpty()) {
            throw new ValidationException("No such user.");
        }
        OidcIdentityEntity row = insertIdentity(p, id, email, userId, now);
        trail.event(EventType.OIDC_LINKED, Outcome.SUCCESS).user(userId).client(ip, userAgent).detail("provider", p.id())
                .detail("how", "link").record();
        return view(row);
    }

    /**
     * Marks the session as freshly authenticated with {@code oidc}: the identity must be linked to the session's
     * user, and the session still open.
     */
    public void reauthenticate(OidcProviderSettings p, VerifiedIdentity id, String userId, String sessionId, String ip,
                               String userAgent) {
        Optional<OidcIdentityEntity> known = tx.inTransaction(em -> rows.byIdentity(em, key(id.issuer(), id.subject())));
        if (known.isEmpty() || !known.get().userId.equals(userId)) {
            trail.event(EventType.REAUTH, Outcome.FAILURE).user(userId).session(sessionId).client(ip, userAgent)
                    .detail("factor", Factor.OIDC.wireName()).detail("provider", p.id()).detail("reason", "other_identity")
                    .record();
            throw new OidcFailedException("other_identity", "That " + p.name() + " account is not the one linked to "
                    + "yours. Try again.");
        }
        if (!sessions.markAuthenticated(userId, sessionId, EnumSet.of(Factor.OIDC))) {
            throw new OidcFailedException("session_ended", "Your session ended meanwhile. Sign in again.");
        }
        tx.run(em -> rows.recordUse(em, known.get().id, known.get().email, Clocks.now(clock)));
        trail.event(EventType.REAUTH, Outcome.SUCCESS).user(userId).session(sessionId).client(ip, userAgent)
                .detail("factor", Factor.OIDC.wireName()).detail("provider", p.id()).record();
    }

    public static OidcIdentity view(OidcIdentityEntity row) {
        return new OidcIdentity(row.id, row.provider, row.email, row.createdAt, row.lastUsedAt);
    }

    private UserEntity signUp(OidcProviderSettings p, VerifiedIdentity id, String email, Instant now, String ip,
                              String userAgent) {
        if (!p.signUp() || !settings.accounts().enableSignup()) {
            throw refused(p, null, ip, userAgent, "no_account", "No account here is linked to this " + p.name()
                    + " account. Sign in the usual way and link " + p.name() + " from your account's security page.");
        }
        if (email == null || !id.emailVerified()) {
            throw refused(p, null, ip, userAgent, "no_verified_email", p.name() + " did not give a verified email address, "
                    + "which a new account needs.");
        }
        if (settings.accounts().identifier() == Identifier.USERNAME) {
            throw refused(p, null, ip, userAgent, "username_required", "Sign up with a username first, then link "
                    + p.name() + " from your account's security page.");
        }
        UserEntity row = new UserEntity();
        row.id = SecureTokens.newId();
        row.email = email;
        row.passwordHash = null;
        row.emailVerifiedAt = now;
        row.createdAt = now;
        row.plan = "free";
        try {
            tx.run(em -> {
                users.insert(em, row);
                em.flush();
                OidcIdentityEntity identity = identity(p, id, email, row.id, now);
                rows.insert(em, identity);
            });
        } catch (RuntimeException ex) {
            if (Transactions.isUniqueViolation(ex)) { // the same email or identity arrived at the same time
                trail.event(EventType.SIGN_UP, Outcome.FAILURE).client(ip, userAgent).detail("factor", Factor.OIDC.wireName())
                        .detail("identifier", fingerprints.of(email)).detail("reason", "exists").record();
                throw new OidcLinkRequiredException(p.name());
            }
            throw ex;
        }
        trail.event(EventType.SIGN_UP, Outcome.SUCCESS).user(row.id).client(ip, userAgent)
                .detail("factor", Factor.OIDC.wireName()).detail("provider", p.id()).record();
        trail.event(EventType.OIDC_LINKED, Outcome.SUCCESS).user(row.id).client(ip, userAgent).detail("provider", p.id())
                .detail("how", "sign_up").record();
        return row;
    }

    private SignInResult open(OidcProviderSettings p, UserEntity row, String ip, String userAgent, String deviceCookie) {
        User user = row.toUser();
        if (row.disabledAt != null) {
            trail.event(EventType.SIGN_IN, Outcome.FAILURE).user(row.id).client(ip, userAgent)
                    .detail("factor", Factor.OIDC.wireName()).detail("provider", p.id()).detail("reason", "account_disabled")
                    .record();
            throw new AccountDisabledException();
        }
        if (check.mustVerifyFirst(user)) {
            throw new EmailNotVerifiedException();
        }
        String identifier = Identifiers.signInIdentifier(settings, row);
        if (mfaSignIn.due(row.id)) {
            MfaChallenge challenge = mfaSignIn.open(user, identifier, ip, userAgent, Factor.OIDC);
            trail.event(EventType.SIGN_IN, Outcome.SUCCESS).user(row.id).client(ip, userAgent)
                    .detail("factor", Factor.OIDC.wireName()).detail("provider", p.id()).detail("next", "mfa").record();
            return SignInResult.pending(user, challenge);
        }
        boolean restricted = enrolmentRequired.test(row.id);
        boolean knownDevice = devices.verify(deviceCookie, identifier).isPresent();
        SessionCookie cookie = sessions.start(row.id, ip, userAgent, EnumSet.of(Factor.OIDC), restricted);
        trail.event(EventType.SIGN_IN, Outcome.SUCCESS).user(row.id).session(SecureTokens.sha256Hex(cookie.value()))
                .client(ip, userAgent).detail("factor", Factor.OIDC.wireName()).detail("provider", p.id())
                .detail("newDevice", !knownDevice).detail("restricted", restricted ? "mfa_enrolment" : null).record();
        metrics.signIn("success");
        return new SignInResult(user, cookie, devices.issue(identifier), null, restricted);
    }

    private OidcIdentityEntity insertIdentity(OidcProviderSettings p, VerifiedIdentity id, String email, String userId,
                                              Instant now) {
        OidcIdentityEntity row = identity(p, id, email, userId, now);
        try {
            tx.run(em -> rows.insert(em, row));
        } catch (RuntimeException ex) {
            if (Transactions.isUniqueViolation(ex)) { // linked by a concurrent callback meanwhile
                throw new OidcFailedException("linked_elsewhere", "This " + p.name() + " account was just linked. Start again.");
            }
            throw ex;
        }
        return row;
    }

    private static OidcIdentityEntity identity(OidcProviderSettings p, VerifiedIdentity id, String email, String userId,
                                               Instant now) {
        OidcIdentityEntity row = new OidcIdentityEntity();
        row.id = SecureTokens.newId();
        row.userId = userId;
        row.identitySha256 = key(id.issuer(), id.subject());
        row.provider = p.id();
        row.issuer = id.issuer();
        row.subject = id.subject();
        row.email = email;
        row.createdAt = now;
        return row;
    }

    private OidcFailedException refused(OidcProviderSettings p, String userId, String ip, String userAgent, String reason,
                                        String message) {
        trail.event(EventType.SIGN_IN, Outcome.FAILURE).user(userId).client(ip, userAgent)
                .detail("factor", Factor.OIDC.wireName()).detail("provider", p.id()).detail("reason", reason).record();
        metrics.signIn("oidc_failed");
        return new OidcFailedException(reason, message);
    }

    /** The provider's email, normalised as a sign-up would; null when absent or not an address we accept. */
    private static String email(VerifiedIdentity id) {
        if (id.email() == null) {
            return null;
        }
        try {
            return Identifiers.normaliseEmail(id.email());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
