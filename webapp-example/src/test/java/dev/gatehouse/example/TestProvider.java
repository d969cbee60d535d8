package dev.gatehouse.example;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;

/**
 * An OpenID Connect provider in the test JVM ({@code mock-oauth2-server}) for the server under test: its issuer
 * "corp", the settings that configure it, and the browser's round trip to it. Its tokens are stamped with the
 * given clock, the server's, so a server on a test clock accepts them.
 */
final class TestProvider implements AutoCloseable {

    static final String ID = "corp";
    static final String CLIENT = "gatehouse-example";

    private final MockOAuth2Server server;

    TestProvider(Clock clock) {
        server = new MockOAuth2Server(new OAuth2Config(false, null, null, false,
                new OAuth2TokenProvider(clock::instant), Set.of()));
        server.start();
    }

    String issuer() {
        return server.issuerUrl(ID).toString();
    }

    /** The provider's settings as environment variables (sign-up allowed). */
    Map<String, String> environment() {
        return Map.of("GATEHOUSE_OIDC_CORP_ISSUER", issuer(), "GATEHOUSE_OIDC_CORP_CLIENT_ID", CLIENT,
                "GATEHOUSE_OIDC_CORP_SIGN_UP", "true", "GATEHOUSE_OIDC_CORP_NAME", "Corp SSO");
    }

    /** The same as {@code gatehouse.*} system properties. */
    Map<String, String> properties() {
        return Map.of("gatehouse.oidc.corp.issuer", issuer(), "gatehouse.oidc.corp.clientId", CLIENT,
                "gatehouse.oidc.corp.signUp", "true", "gatehouse.oidc.corp.name", "Corp SSO");
    }

    /**
     * The browser at the provider: it signs in as {@code subject} with these claims and is sent back; the callback
     * URL it is sent to, as path and query.
     */
    String signIn(URI authorization, String subject, Map<String, Object> claims) throws Exception {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(ID, subject, "JWT", List.of(CLIENT), claims, 300));
        HttpResponse<String> r = Web.CLIENT.send(HttpRequest.newBuilder(authorization).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 302) {
            throw new AssertionError("the provider answered " + r.statusCode() + ": " + r.body());
        }
        URI back = URI.create(r.headers().firstValue("Location").orElseThrow());
        return back.getRawPath() + "?" + back.getRawQuery();
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
