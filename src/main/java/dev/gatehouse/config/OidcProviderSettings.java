package dev.gatehouse.config;

import static dev.gatehouse.config.Checks.fail;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * One OpenID Connect provider users may sign in with. From the environment:
 * {@code GATEHOUSE_OIDC_<ID>_ISSUER}, {@code _CLIENT_ID}, {@code _CLIENT_SECRET}, {@code _SCOPES}, {@code _SIGN_UP},
 * {@code _NAME} (properties: {@code gatehouse.oidc.<id>.issuer}, {@code .clientId}, {@code .clientSecret},
 * {@code .scopes}, {@code .signUp}, {@code .name}).
 *
 * <p>The constructor throws {@link IllegalArgumentException} naming the setting and the fix.
 * {@link #toString()} hides the client secret.
 *
 * @param id           the provider's id in URLs and the audit trail: 1-32 of {@code a-z 0-9 -}
 * @param issuer       the issuer URL, exactly as the provider's discovery document and ID tokens give it; https,
 *                     or http on a loopback host outside strict mode (a provider in a test)
 * @param clientId     the client id the provider registered for this application
 * @param clientSecret the client secret (sent with HTTP Basic); null for a public client, which relies on PKCE alone
 * @param scopes       the scopes asked for; always includes {@code openid} ({@code openid email profile} by default)
 * @param signUp       whether a first sign-in with this provider may create a new local account
 * @param name         what the sign-in button says ("Sign in with …"); the id by default
 */
public record OidcProviderSettings(String id, String issuer, String clientId, String clientSecret, Set<String> scopes,
                                   boolean signUp, String name) {

    /** The scopes asked for when none are configured. */
    public static final Set<String> DEFAULT_SCOPES = Set.of("openid", "email", "profile");

    public OidcProviderSettings {
        if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            fail("An OpenID Connect provider id must be 1-32 characters of a-z, 0-9 and '-', starting with a letter or "
                    + "digit (got '" + id + "'); it comes from GATEHOUSE_OIDC_<ID>_ISSUER / gatehouse.oidc.<id>.issuer");
        }
        String p = "gatehouse.oidc." + id + ".";
        issuer = issuer == null ? null : issuer.strip();
        if (issuer == null || issuer.isEmpty()) {
            fail(p + "issuer is required: the provider's issuer URL, e.g. https://accounts.google.com");
        }
        URI u;
        try {
            u = URI.create(issuer);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(p + "issuer is not a URL (got '" + issuer + "')", e);
        }
        if (!("https".equals(u.getScheme()) || "http".equals(u.getScheme())) || u.getHost() == null
                || u.getRawQuery() != null || u.getRawFragment() != null || u.getRawUserInfo() != null) {
            fail(p + "issuer must be an https URL without query, fragment or user (got '" + issuer + "')");
        }
        if (clientId == null || clientId.isBlank() || clientId.length() > 255) {
            fail(p + "clientId is required (1-255 characters): the client id the provider registered for this application");
        }
        clientId = clientId.strip();
        clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret;
        Set<String> s = new LinkedHashSet<>();
        for (String scope : scopes == null || scopes.isEmpty() ? DEFAULT_SCOPES : scopes) {
            if (!scope.matches("[\\x21\\x23-\\x5B\\x5D-\\x7E]+")) {
                fail(p + "scopes must be scope tokens separated by commas (got '" + scope + "')");
            }
            s.add(scope);
        }
        s.add("openid");
        scopes = Set.copyOf(s);
        name = name == null || name.isBlank() ? id : name.strip();
        if (name.length() > 64 || name.chars().anyMatch(Character::isISOControl)) {
            fail(p + "name must be 1-64 characters without control characters (got '" + name + "')");
        }
    }

    /** Whether the issuer is http on a loopback host: only allowed outside strict mode. */
    public boolean plainHttp() {
        return issuer.toLowerCase(Locale.ROOT).startsWith("http://");
    }

    boolean loopback() {
        String host = URI.create(issuer).getHost().toLowerCase(Locale.ROOT);
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]") || host.equals("::1");
    }

    @Override
    public String toString() {
        return "OidcProviderSettings[id=" + id + ", issuer=" + issuer + ", clientId=" + clientId + ", clientSecret="
                + Checks.masked(clientSecret) + ", scopes=" + scopes + ", signUp=" + signUp + ", name=" + name + "]";
    }
}
