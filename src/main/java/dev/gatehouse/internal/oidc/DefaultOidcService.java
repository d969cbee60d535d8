package dev.gatehouse.internal.oidc;

import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.ValidationException;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.config.OidcProviderSettings;
import dev.gatehouse.internal.account.OidcSignIn;
import dev.gatehouse.internal.audit.AuditTrail;
import dev.gatehouse.internal.crypto.SecureTokens;
import dev.gatehouse.internal.persistence.Clocks;
import dev.gatehouse.internal.persistence.OidcFlowEntity;
import dev.gatehouse.internal.persistence.OidcRepository;
import dev.gatehouse.internal.persistence.PasskeyRepository;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.internal.persistence.UserEntity;
import dev.gatehouse.internal.persistence.UserRepository;
import dev.gatehouse.internal.ratelimit.AddressKey;
import dev.gatehouse.internal.ratelimit.DbRateLimiter;
import dev.gatehouse.mfa.Factor;
import dev.gatehouse.oidc.OidcFailedException;
import dev.gatehouse.oidc.OidcIdentity;
import dev.gatehouse.oidc.OidcOutcome;
import dev.gatehouse.oidc.OidcProvider;
import dev.gatehouse.oidc.OidcService;
import dev.gatehouse.oidc.OidcStart;
import dev.gatehouse.passkey.LastSignInMethodException;
import dev.gatehouse.ratelimit.RateLimitDecision;
import dev.gatehouse.ratelimit.RateLimitedException;
import dev.gatehouse.session.SessionCookie;
import jakarta.persistence.LockModeType;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The OpenID Connect flows: a flow row per started sign-in or link (its cookie's SHA-256; the state, nonce and PKCE
 * verifier are HMACs of the cookie value, so nothing the callback needs is stored), redeemed once by a guarded
 * DELETE, then {@link OidcClient} for the protocol and {@link OidcSignIn} for what the identity may do.
 */
public final class DefaultOidcService implements OidcService {

    /** Sign-in pages may start several flows per sign-in; the budget per address is this many times the sign-in one. */
    static final int STARTS_PER_SIGN_IN = 10;
    private static final String SIGN_IN = "sign_in";
    private static final String LINK = "link";
    private static final String REAUTH = "reauth";

    private final Transactions tx;
    private final AuthSettings settings;
    private final Clock clock;
    private final DbRateLimiter limiter;
    private final AuditTrail trail;
    private final OidcSignIn signIn;
    private final OidcClient client;
    /** A link or unlink changes what the user's sessions may re-authenticate with: their cached entries go. */
    private final dev.gatehouse.internal.session.ResolveCache cache;
    private final OidcRepository rows = new OidcRepository();
    private final UserRepository users = new UserRepository();
    private final PasskeyRepository passkeys = new PasskeyRepository();

    public DefaultOidcService(Transactions tx, AuthSettings settings, Clock clock, DbRateLimiter limiter, AuditTrail trail,
                              OidcSignIn signIn, dev.gatehouse.internal.session.ResolveCache cache) {
        this.cache = cache;
        this.tx = tx;
        this.settings = settings;
        this.clock = clock;
        this.limiter = limiter;
        this.trail = trail;
        this.signIn = signIn;
        this.client = new OidcClient(clock, settings.oidc().oidcClockSkewSeconds());
    }

    @Override
    public List<OidcProvider> providers() {
        return settings.oidc().oidcProviders().stream().map(p -> new OidcProvider(p.id(), p.name(), p.signUp()))
                .sorted(java.util.Comparator.comparing(OidcProvider::id)).toList();
    }

    /**
     * Reads every provider's discovery document (Gatehouse does this once at start-up, in the background when
     * housekeeping runs). A provider that cannot be read is logged and answers 503 until it can.
     *
     * @return each provider id and whether its discovery document was read
     */
    public Map<String, Boolean> discoverAll() {
        Map<String, Boolean> result = new java.util.TreeMap<>();
        for (OidcProviderSettings p : settings.oidc().oidcProviders()) {
            boolean ok = client.discovered(p);
            if (!ok) {
                System.getLogger(DefaultOidcService.class.getName()).log(System.Logger.Level.WARNING,
                        "OpenID Connect provider " + p.id() + " (" + p.issuer() + ") could not be discovered; signing in "
                                + "with it answers 503 oidc_provider_unavailable until it answers");
            }
            result.put(p.id(), ok);
        }
        return result;
    }

    @Override
    public OidcStart start(String providerId, String returnTo, String ip) {
        OidcProviderSettings p = provider(providerId);
        if (ip != null) {
            RateLimitDecision d = limiter.hit("auth:oidc-start", AddressKey.of(ip),
                    STARTS_PER_SIGN_IN * settings.rateLimits().rateLimitSignInPerHour(), Duration.ofHours(1));
            if (!d.allowed()) {
                throw new RateLimitedException(d.retryAfterSeconds());
            }
        }
        return begin(p, SIGN_IN, null, null, returnTo);
    }

    @Override
    public OidcStart startLink(String userId, String providerId, String returnTo) {
        OidcProviderSettings p = provider(providerId);
        if (userId == null || tx.inTransaction(em -> users.byId(em, userId)).isEmpty()) {
            throw new ValidationException("No such user.");
        }
        return begin(p, LINK, userId, null, returnTo);
    }

    @Override
    public OidcStart startReauth(String userId, String sessionId, String providerId, String returnTo) {
        OidcProviderSettings p = provider(providerId);
        if (userId == null || sessionId == null
                || identities(userId).stream().noneMatch(i -> i.provider().equals(p.id()))) {
            throw new ValidationException("No " + p.name() + " account is linked to this account.");
        }
        return begin(p, REAUTH, userId, sessionId, returnTo);
    }

    private OidcStart begin(OidcProviderSettings p, String purpose, String userId, String sessionId, String returnTo) {
        String back = localPath(returnTo);
        if (settings.links().publicBaseUrl() == null) { // no callback URL to give the provider
            throw GatehouseUnavailableException.oidcProviderUnavailable(p.name(), new IllegalStateException(
                    "publicBaseUrl is not set: the callback URL is publicBaseUrl + authPathPrefix + /oidc/<id>/callback"));
        }
        String flow = SecureTokens.newToken();
        URI uri = client.authorizationUri(p, redirect(p), derive(flow, "state"), derive(flow, "nonce"), derive(flow, "pkce"),
                REAUTH.equals(purpose));
        Instant now = Clocks.now(clock);
        OidcFlowEntity row = new OidcFlowEntity();
        row.flowSha256 = SecureTokens.sha256Hex(flow);
        row.provider = p.id();
        row.purpose = purpose;
        row.userId = userId;
        row.sessionId = sessionId;
        row.returnTo = back;
        row.createdAt = now;
        row.expiresAt = now.plusSeconds(settings.oidc().oidcFlowSeconds());
        tx.run(em -> {
            rows.deleteExpiredFlows(em, now);
            rows.insertFlow(em, row);
        });
        SessionCookie cookie = new SessionCookie(OidcStart.COOKIE, flow, settings.oidc().oidcFlowSeconds(),
                settings.sessions().cookieSecure(), true, "Lax", callbackPath(p), null);
        return new OidcStart(uri, cookie, row.expiresAt);
    }

    @Override
    public OidcOutcome finish(String providerId, String flow, Map<String, String> parameters, String ip, String userAgent,
                              String deviceCookie) {
        OidcProviderSettings p = provider(providerId);
        Map<String, String> q = parameters == null ? Map.of() : parameters;
        if (!SecureTokens.isWellFormed(flow)) {
            throw failed(p, null, ip, userAgent, "no_flow", "This sign-in was not started in this browser, or it "
                    + "expired. Start again.");
        }
        String hash = SecureTokens.sha256Hex(flow);
        Instant now = Clocks.now(clock);
        OidcFlowEntity row = tx.inTransaction(em -> {
            OidcFlowEntity found = rows.flow(em, hash);
            return found != null && rows.redeemFlow(em, hash, p.id(), now) == 1 ? found : null;
        });
        if (row == null) {
            throw failed(p, null, ip, userAgent, "unknown_flow", "This sign-in expired or was already used. Start again.");
        }
        String error = q.get("error");
        if (error != null) {
            String code = error.replaceAll("[^A-Za-z0-9_.-]", "");
            code = code.substring(0, Math.min(64, code.length()));
            throw failed(p, row, ip, userAgent, "provider_error:" + code, p.name() + " did not sign you in ("
                    + code + "). Start again.");
        }
        String state = q.get("state");
        if (state == null || !MessageDigest.isEqual(state.getBytes(StandardCharsets.UTF_8),
                derive(flow, "state").getBytes(StandardCharsets.UTF_8))) {
            throw failed(p, row, ip, userAgent, "state_mismatch", "This sign-in answer does not belong to this "
                    + "browser. Start again.");
        }
        try {
            client.checkIssuerParameter(p, q.get("iss"));
        } catch (OidcFailedException e) {
            throw failed(p, row, ip, userAgent, e.reason(), e.getMessage());
        }
        String code = q.get("code");
        if (code == null || code.isBlank() || code.length() > 2048) {
            throw failed(p, row, ip, userAgent, "no_code", "The sign-in answer had no code. Start again.");
        }
        VerifiedIdentity identity;
        try {
            identity = client.exchange(p, redirect(p), code, derive(flow, "pkce"), derive(flow, "nonce"));
        } catch (OidcFailedException e) {
            throw failed(p, row, ip, userAgent, e.reason(), e.getMessage());
        }
        if (LINK.equals(row.purpose)) {
            OidcIdentity linked = signIn.link(p, identity, row.userId, ip, userAgent);
            cache.invalidateUser(row.userId);
            return new OidcOutcome(null, linked, false, false, row.returnTo);
        }
        if (REAUTH.equals(row.purpose)) {
            Instant asked = row.createdAt.minusSeconds(settings.oidc().oidcClockSkewSeconds());
            if (identity.authTime() == null || identity.authTime().isBefore(asked)) {
                throw failed(p, row, ip, userAgent, "not_reauthenticated", p.name() + " did not ask you to sign in "
                        + "again. Try again.");
            }
            signIn.reauthenticate(p, identity, row.userId, row.sessionId, ip, userAgent);
            return new OidcOutcome(null, null, false, true, row.returnTo);
        }
        OidcSignIn.Done done = signIn.signIn(p, identity, ip, userAgent, deviceCookie);
        return new OidcOutcome(done.result(), null, done.created(), false, row.returnTo);
    }

    @Override
    public List<OidcIdentity> identities(String userId) {
        if (userId == null) {
            return List.of();
        }
        return tx.inTransaction(em -> rows.ofUser(em, userId)).stream().map(OidcSignIn::view).toList();
    }

    @Override
    public boolean unlink(String userId, String identityId, String ip, String userAgent) {
        if (userId == null || identityId == null) {
            return false;
        }
        // The user's row is locked so an unlink and a passkey deletion cannot together remove the last way in.
        int deleted = tx.inTransaction(em -> {
            UserEntity user = em.find(UserEntity.class, userId, LockModeType.PESSIMISTIC_WRITE);
            if (user == null || rows.ofUser(em, userId).stream().noneMatch(i -> i.id.equals(identityId))) {
                return 0;
            }
            if (user.passwordHash == null && passkeys.countOf(em, userId) == 0 && rows.countOf(em, userId) <= 1) {
                return -1;
            }
            int n = rows.delete(em, userId, identityId);
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
            trail.event(EventType.OIDC_UNLINKED, Outcome.SUCCESS).user(userId).client(ip, userAgent)
                    .detail("identity", identityId).record();
        }
        return deleted == 1;
    }

    private OidcProviderSettings provider(String id) {
        return settings.oidc().provider(id).orElseThrow(() -> new ValidationException("No sign-in provider '"
                + (id == null ? "" : id.replaceAll("[^a-z0-9-]", "?")) + "'."));
    }

    /** Where the provider sends the browser back: publicBaseUrl + authPathPrefix + /oidc/{id}/callback. */
    URI redirect(OidcProviderSettings p) {
        return URI.create(settings.links().publicBaseUrl() + callbackPath(p) + "callback");
    }

    /** The flow cookie's path: the provider's own rows, so it reaches only its callback (and start). */
    private String callbackPath(OidcProviderSettings p) {
        return settings.http().authPathPrefix() + "/oidc/" + p.id() + "/";
    }

    /** The cookie that makes the browser forget a provider's flow (sent with every callback answer). */
    public SessionCookie flowCookieDeletion(String providerId) {
        OidcProviderSettings p = provider(providerId);
        return new SessionCookie(OidcStart.COOKIE, "", 0, settings.sessions().cookieSecure(), true, "Lax", callbackPath(p), null);
    }

    /** A local path to return to: "/…" but not "//…" or "/\…", no control characters, at most 512 characters. */
    static String localPath(String returnTo) {
        if (returnTo == null || returnTo.isEmpty()) {
            return null;
        }
        if (returnTo.length() > 512 || !returnTo.startsWith("/") || returnTo.startsWith("//") || returnTo.startsWith("/\\")
                || returnTo.chars().anyMatch(ch -> ch < 0x21 || ch == 0x7f || ch == '\\')) {
            throw new ValidationException("returnTo must be a path on this site, such as /account.");
        }
        return returnTo;
    }

    /** HMAC-SHA256 of a label under the flow value, base64url: the flow's state, nonce or PKCE verifier (43 characters). */
    static String derive(String flow, String label) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(flow.getBytes(StandardCharsets.US_ASCII), "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(label.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }

    /** A refused callback, recorded as what the flow was for: a sign-in, a link, or a re-authentication. */
    private OidcFailedException failed(OidcProviderSettings p, OidcFlowEntity flow, String ip, String userAgent,
                                       String reason, String message) {
        EventType type = flow == null || flow.userId == null ? EventType.SIGN_IN
                : REAUTH.equals(flow.purpose) ? EventType.REAUTH : EventType.OIDC_LINKED;
        trail.event(type, Outcome.FAILURE).user(flow == null ? null : flow.userId)
                .session(flow != null && REAUTH.equals(flow.purpose) ? flow.sessionId : null)
                .client(ip, userAgent).detail("factor", Factor.OIDC.wireName()).detail("provider", p.id())
                .detail("reason", reason).record();
        return new OidcFailedException(reason.startsWith("provider_error") ? "provider_error" : reason, message);
    }
}
