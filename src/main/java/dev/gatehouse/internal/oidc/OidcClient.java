package dev.gatehouse.internal.oidc;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.GeneralException;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretBasic;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.http.HTTPResponse;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.Issuer;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.openid.connect.sdk.AuthenticationRequest;
import com.nimbusds.openid.connect.sdk.Nonce;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponse;
import com.nimbusds.openid.connect.sdk.OIDCTokenResponseParser;
import com.nimbusds.openid.connect.sdk.op.OIDCProviderMetadata;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.config.OidcProviderSettings;
import dev.gatehouse.oidc.OidcFailedException;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The protocol with each provider, on the Nimbus OAuth 2.0 / OpenID Connect SDK: discovery (read once, retried at
 * most every {@link #RETRY_SECONDS} while the provider is down), the authorization request with PKCE S256, state and
 * nonce, the token request, and the ID token: a JWS (never unsecured) verified with the provider's published keys
 * and only the asymmetric algorithms it announces (never {@code none} or HMAC), then {@link IdTokenClaimsCheck}.
 */
final class OidcClient {

    private static final System.Logger LOG = System.getLogger(OidcClient.class.getName());
    static final int CONNECT_TIMEOUT_MILLIS = 3000;
    static final int READ_TIMEOUT_MILLIS = 5000;
    static final long RETRY_SECONDS = 10;
    private static final Set<JWSAlgorithm.Family> ASYMMETRIC = Set.of(JWSAlgorithm.Family.RSA, JWSAlgorithm.Family.EC,
            JWSAlgorithm.Family.ED);

    /** A provider's discovery document and key source. */
    private record Discovered(OIDCProviderMetadata metadata, JWKSource<SecurityContext> keys, Set<JWSAlgorithm> algorithms) {
    }

    private record Failed(Instant at, Exception cause) {
    }

    private final Clock clock;
    private final long skewSeconds;
    private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();
    private final Map<String, Failed> failed = new ConcurrentHashMap<>();

    OidcClient(Clock clock, long skewSeconds) {
        this.clock = clock;
        this.skewSeconds = skewSeconds;
    }

    /**
     * The provider's authorization endpoint with this flow's request; {@code fresh}: the user must authenticate at
     * the provider again ({@code prompt=login}, {@code max_age=0}), as a re-authentication needs.
     */
    URI authorizationUri(OidcProviderSettings p, URI redirect, String state, String nonce, String verifier, boolean fresh) {
        Discovered d = discover(p);
        AuthenticationRequest.Builder b = new AuthenticationRequest.Builder(ResponseType.CODE,
                new Scope(p.scopes().toArray(String[]::new)), new ClientID(p.clientId()), redirect)
                .endpointURI(d.metadata().getAuthorizationEndpointURI())
                .state(new State(state))
                .nonce(new Nonce(nonce))
                .codeChallenge(new CodeVerifier(verifier), CodeChallengeMethod.S256);
        if (fresh) {
            b.prompt(new com.nimbusds.openid.connect.sdk.Prompt(com.nimbusds.openid.connect.sdk.Prompt.Type.LOGIN)).maxAge(0);
        }
        return b.build().toURI();
    }

    /**
     * RFC 9207: an {@code iss} parameter must be the issuer exactly; a provider that announces the parameter must
     * send it.
     */
    void checkIssuerParameter(OidcProviderSettings p, String iss) {
        Discovered d = discover(p);
        if (iss == null ? d.metadata().supportsAuthorizationResponseIssuerParam() : !iss.equals(p.issuer())) {
            throw new OidcFailedException("issuer_mismatch", "The sign-in answer did not come from the expected provider. "
                    + "Start again.");
        }
    }

    /** Swaps the code for tokens and verifies the ID token. */
    VerifiedIdentity exchange(OidcProviderSettings p, URI redirect, String code, String verifier, String nonce) {
        Discovered d = discover(p);
        AuthorizationCodeGrant grant = new AuthorizationCodeGrant(new AuthorizationCode(code), redirect, new CodeVerifier(verifier));
        URI endpoint = d.metadata().getTokenEndpointURI();
        TokenRequest request = p.clientSecret() != null
                ? new TokenRequest(endpoint, new ClientSecretBasic(new ClientID(p.clientId()), new Secret(p.clientSecret())), grant)
                : new TokenRequest(endpoint, new ClientID(p.clientId()), grant);
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout(CONNECT_TIMEOUT_MILLIS);
        http.setReadTimeout(READ_TIMEOUT_MILLIS);
        HTTPResponse answer;
        try {
            answer = http.send();
        } catch (IOException e) {
            throw GatehouseUnavailableException.oidcProviderUnavailable(p.name(), e);
        }
        if (answer.getStatusCode() >= 500) {
            throw GatehouseUnavailableException.oidcProviderUnavailable(p.name(), null);
        }
        TokenResponse tokens;
        try {
            tokens = OIDCTokenResponseParser.parse(answer);
        } catch (ParseException e) {
            throw failed(p, "bad_token_response", e.getMessage());
        }
        if (!tokens.indicatesSuccess()) {
            throw failed(p, "code_refused", tokens.toErrorResponse().getErrorObject().getCode());
        }
        JWT idToken = ((OIDCTokenResponse) tokens.toSuccessResponse()).getOIDCTokens().getIDToken();
        if (!(idToken instanceof SignedJWT signed)) {
            throw failed(p, "unsigned_id_token", String.valueOf(idToken == null ? null : idToken.getHeader().getAlgorithm()));
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(d.algorithms(), d.keys()));
        processor.setJWTClaimsSetVerifier(new IdTokenClaimsCheck(p.issuer(), p.clientId(), nonce, clock, skewSeconds));
        JWTClaimsSet claims;
        try {
            claims = processor.process(signed, null);
        } catch (KeySourceException e) {
            throw GatehouseUnavailableException.oidcProviderUnavailable(p.name(), e);
        } catch (BadJOSEException | JOSEException e) {
            throw failed(p, "bad_id_token", e.getMessage());
        }
        Object email = claims.getClaim("email");
        Object verified = claims.getClaim("email_verified");
        java.util.Date authTime;
        try {
            authTime = claims.getDateClaim("auth_time"); // seconds since the epoch
        } catch (java.text.ParseException e) {
            throw failed(p, "bad_id_token", "auth_time is not a time");
        }
        return new VerifiedIdentity(claims.getIssuer(), claims.getSubject(),
                email instanceof String s && !s.isBlank() ? s.strip() : null, Boolean.TRUE.equals(verified),
                authTime == null ? null : authTime.toInstant());
    }

    /**
     * A refusal; the log says why in the SDK's words (which name the check, never a token), for the operator
     * whose provider is misconfigured.
     */
    private static OidcFailedException failed(OidcProviderSettings p, String reason, String detail) {
        LOG.log(System.Logger.Level.WARNING, "OpenID Connect provider " + p.id() + ": " + reason + " ("
                + (detail == null ? "" : detail.replaceAll("[\\r\\n]", " ")) + ")");
        return new OidcFailedException(reason, "The sign-in could not be completed. Start again.");
    }

    /** Reads the provider's discovery document now if not yet: true when it could be read. */
    boolean discovered(OidcProviderSettings p) {
        try {
            discover(p);
            return true;
        } catch (GatehouseUnavailableException e) {
            return false;
        }
    }

    /** The provider's discovery, read now if not yet (or retried after {@link #RETRY_SECONDS} of failure). */
    private Discovered discover(OidcProviderSettings p) {
        Discovered d = discovered.get(p.id());
        if (d != null) {
            return d;
        }
        Instant now = clock.instant();
        Failed f = failed.get(p.id());
        if (f != null && f.at().plusSeconds(RETRY_SECONDS).isAfter(now)) {
            throw GatehouseUnavailableException.oidcProviderUnavailable(p.name(), f.cause());
        }
        try {
            OIDCProviderMetadata m = OIDCProviderMetadata.resolve(new Issuer(p.issuer()), CONNECT_TIMEOUT_MILLIS,
                    READ_TIMEOUT_MILLIS);
            if (!p.issuer().equals(m.getIssuer().getValue()) || m.getAuthorizationEndpointURI() == null
                    || m.getTokenEndpointURI() == null || m.getJWKSetURI() == null) {
                throw new GeneralException("discovery document of " + p.id() + " lacks an endpoint or names another issuer");
            }
            Set<JWSAlgorithm> algorithms = new LinkedHashSet<>();
            if (m.getIDTokenJWSAlgs() != null) {
                m.getIDTokenJWSAlgs().stream().filter(a -> ASYMMETRIC.stream().anyMatch(fam -> fam.contains(a)))
                        .forEach(algorithms::add);
            }
            if (algorithms.isEmpty()) {
                algorithms.add(JWSAlgorithm.RS256); // OpenID Connect Discovery: RS256 must be supported
            }
            URL jwks = m.getJWKSetURI().toURL();
            JWKSource<SecurityContext> keys = JWKSourceBuilder.<SecurityContext>create(jwks,
                    new DefaultResourceRetriever(CONNECT_TIMEOUT_MILLIS, READ_TIMEOUT_MILLIS, 512 * 1024)).build();
            d = new Discovered(m, keys, Set.copyOf(algorithms));
            discovered.put(p.id(), d);
            failed.remove(p.id());
            return d;
        } catch (GeneralException | IOException | IllegalArgumentException e) {
            failed.put(p.id(), new Failed(now, e));
            throw GatehouseUnavailableException.oidcProviderUnavailable(p.name(), e);
        }
    }
}
