package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gatehouse.config.OidcProviderSettings;
import dev.gatehouse.oidc.OidcFailedException;
import dev.gatehouse.oidc.OidcStart;
import dev.gatehouse.testing.TestDatabase;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an ID token must be signed with: a hand-made provider (discovery, its RSA key set, a token endpoint that
 * answers whatever token the test made) shows that only a JWS with the provider's key and an announced asymmetric
 * algorithm passes. An unsecured token ({@code alg: none}) and the classic key confusion (HS256 with the provider's
 * public RSA key as the HMAC secret) are refused.
 */
class OidcIdTokenAlgorithmTest extends DatabaseSuite {

    static final String CLIENT = "app";

    HttpServer server;
    String issuer;
    RSAKey key;
    /** The ID token the token endpoint answers with, made from the nonce the authorization request carried. */
    Function<String, String> idToken;
    /** The nonce of the flow under way. */
    volatile String nonce;
    Gatehouse g;

    @Override
    protected TestDatabase database() {
        return TestDatabase.H2;
    }

    @BeforeEach
    void provider() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + server.getAddress().getPort() + "/idp";
        server.createContext("/idp/.well-known/openid-configuration", x -> json(x, "{\"issuer\":\"" + issuer + "\","
                + "\"authorization_endpoint\":\"" + issuer + "/authorize\",\"token_endpoint\":\"" + issuer + "/token\","
                + "\"jwks_uri\":\"" + issuer + "/jwks\",\"response_types_supported\":[\"code\"],\"subject_types_supported\":"
                + "[\"public\"],\"id_token_signing_alg_values_supported\":[\"RS256\"]}"));
        server.createContext("/idp/jwks", x -> json(x, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/idp/token", x -> json(x, "{\"access_token\":\"at\",\"token_type\":\"Bearer\","
                + "\"expires_in\":300,\"id_token\":\"" + idToken.apply(nonce) + "\"}"));
        server.start();
        CLOCK.set(Instant.now());
        g = gh(b -> b.publicBaseUrl("https://app.example.test").oidcProviders(List.of(
                new OidcProviderSettings("idp", issuer, CLIENT, "secret", null, true, null))));
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    static void json(HttpExchange x, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, b.length);
        x.getResponseBody().write(b);
        x.close();
    }

    JWTClaimsSet claims(String nonce) {
        Instant now = CLOCK.instant();
        return new JWTClaimsSet.Builder().issuer(issuer).subject("sub-1").audience(CLIENT).claim("nonce", nonce)
                .claim("email", "ada@example.com").claim("email_verified", true)
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300))).build();
    }

    /** A flow whose token endpoint answers with {@code idToken}: what the callback makes of it. */
    void finish() {
        OidcStart start = g.oidc().start("idp", null, null);
        Map<String, String> q = new HashMap<>();
        for (String pair : start.authorizationUri().getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            q.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        nonce = q.get("nonce");
        g.oidc().finish("idp", start.flow(), Map.of("code", "c", "state", q.get("state")), null, null, null);
    }

    @Test
    void aTokenSignedWithTheProvidersKeyIsAccepted() {
        idToken = nonce -> sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims(nonce), true);
        finish();
        assertEquals(1, count("SELECT COUNT(*) FROM oidc_identities"));
    }

    @Test
    void anUnsecuredTokenIsRefused() {
        idToken = nonce -> new PlainJWT(claims(nonce)).serialize();
        OidcFailedException e = assertThrows(OidcFailedException.class, this::finish);
        assertEquals("unsigned_id_token", e.reason());
        assertEquals(0, count("SELECT COUNT(*) FROM users"));
    }

    @Test
    void hmacWithThePublicKeyAsTheSecretIsRefused() {
        idToken = nonce -> sign(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims(nonce), false);
        OidcFailedException e = assertThrows(OidcFailedException.class, this::finish);
        assertEquals("bad_id_token", e.reason());
        assertEquals(0, count("SELECT COUNT(*) FROM users"));
    }

    @Test
    void aTokenSignedWithAnotherKeyIsRefused() throws Exception {
        RSAKey other = new RSAKeyGenerator(2048).keyID("k1").generate();
        idToken = nonce -> {
            try {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims(nonce));
                jwt.sign(new RSASSASigner(other));
                return jwt.serialize();
            } catch (Exception ex) {
                throw new IllegalStateException(ex);
            }
        };
        assertTrue(assertThrows(OidcFailedException.class, this::finish).reason().equals("bad_id_token"));
    }

    @Test
    void anAudienceOfSeveralNeedsAzpNamingThisClient() {
        JWSHeader rs256 = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build();
        idToken = nonce -> sign(rs256, new JWTClaimsSet.Builder(claims(nonce)).audience(List.of(CLIENT, "other-app")).build(), true);
        assertEquals("bad_id_token", assertThrows(OidcFailedException.class, this::finish).reason(), "several, no azp");
        idToken = nonce -> sign(rs256, new JWTClaimsSet.Builder(claims(nonce)).audience(List.of(CLIENT, "other-app"))
                .claim("azp", "other-app").build(), true);
        assertEquals("bad_id_token", assertThrows(OidcFailedException.class, this::finish).reason(), "azp names another");
        idToken = nonce -> sign(rs256, new JWTClaimsSet.Builder(claims(nonce)).audience(List.of(CLIENT, "other-app"))
                .claim("azp", CLIENT).build(), true);
        finish();
        assertEquals(1, count("SELECT COUNT(*) FROM oidc_identities"));
    }

    @Test
    void anotherIssuerInTheTokenIsRefused() {
        idToken = nonce -> sign(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(),
                new JWTClaimsSet.Builder(claims(nonce)).issuer(issuer + "/").build(), true);
        assertEquals("bad_id_token", assertThrows(OidcFailedException.class, this::finish).reason());
    }

    private String sign(JWSHeader header, JWTClaimsSet claims, boolean rsa) {
        try {
            SignedJWT jwt = new SignedJWT(header, claims);
            // The confusion attack: the provider's public key (which anyone can fetch) as an HMAC secret.
            jwt.sign(rsa ? new RSASSASigner(key) : new MACSigner(key.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
