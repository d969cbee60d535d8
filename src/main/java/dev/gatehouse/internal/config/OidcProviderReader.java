package dev.gatehouse.internal.config;

import dev.gatehouse.config.OidcProviderSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gathers the OpenID Connect providers from their per-provider settings: properties
 * {@code gatehouse.oidc.<id>.<field>} and environment variables {@code GATEHOUSE_OIDC_<ID>_<FIELD>} (an id's
 * {@code _} read as {@code -}), a property beating the variable. Fields: issuer, clientId, clientSecret, scopes
 * (comma-separated), signUp, name.
 */
final class OidcProviderReader {

    /** The list is never one text: naming it directly is answered with how to set providers. */
    static final Codec<List<OidcProviderSettings>> CODEC = (raw, s) -> {
        throw new IllegalArgumentException(s.propertyName() + " / " + s.envName() + " is not set directly: configure each "
                + "provider with gatehouse.oidc.<id>.issuer, .clientId, .clientSecret, .scopes, .signUp, .name "
                + "(GATEHOUSE_OIDC_<ID>_ISSUER, _CLIENT_ID, _CLIENT_SECRET, _SCOPES, _SIGN_UP, _NAME)");
    };

    static final List<String> FIELDS = List.of("issuer", "clientId", "clientSecret", "scopes", "signUp", "name");
    private static final Pattern PROPERTY = Pattern.compile("gatehouse\\.oidc\\.([^.]+)\\.([A-Za-z]+)");
    private static final Pattern ENV = Pattern.compile("GATEHOUSE_OIDC_([A-Z0-9_]+?)_(ISSUER|CLIENT_ID|CLIENT_SECRET|SCOPES|SIGN_UP|NAME)");

    private OidcProviderReader() {
    }

    /** Whether this property name is a provider setting (so not an unknown property). */
    static boolean isProviderProperty(String name) {
        Matcher m = PROPERTY.matcher(name);
        return m.matches() && FIELDS.contains(m.group(2));
    }

    /** Whether this variable name is a provider setting (so not an unknown variable). */
    static boolean isProviderVariable(String name) {
        return ENV.matcher(name).matches();
    }

    /**
     * The providers the sources configure, ordered by id; null when none is.
     *
     * @throws IllegalArgumentException a provider without an issuer or client id, or a malformed value
     */
    static List<OidcProviderSettings> read(Map<String, String> env, Map<?, ?> properties) {
        Map<String, Map<String, String>> byId = new TreeMap<>();
        for (Map.Entry<String, String> e : env.entrySet()) {
            Matcher m = ENV.matcher(e.getKey());
            if (m.matches()) {
                String id = m.group(1).toLowerCase(Locale.ROOT).replace('_', '-');
                String field = Setting.camel(m.group(2));
                byId.computeIfAbsent(id, k -> new TreeMap<>()).putIfAbsent(field, e.getValue());
            }
        }
        for (Map.Entry<?, ?> e : properties.entrySet()) {
            Matcher m = PROPERTY.matcher(String.valueOf(e.getKey()));
            if (m.matches() && FIELDS.contains(m.group(2))) {
                byId.computeIfAbsent(m.group(1), k -> new TreeMap<>()).put(m.group(2), String.valueOf(e.getValue()));
            }
        }
        if (byId.isEmpty()) {
            return null;
        }
        List<OidcProviderSettings> providers = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> e : byId.entrySet()) {
            Map<String, String> f = e.getValue();
            String scopes = f.get("scopes");
            providers.add(new OidcProviderSettings(e.getKey(), f.get("issuer"), f.get("clientId"), f.get("clientSecret"),
                    scopes == null || scopes.isBlank() ? null
                            : new LinkedHashSet<>(Arrays.asList(scopes.strip().split("\\s*[,\\s]\\s*"))),
                    f.containsKey("signUp") && signUp(e.getKey(), f.get("signUp")), f.get("name")));
        }
        return providers;
    }

    private static boolean signUp(String id, String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off", "" -> false;
            default -> throw new IllegalArgumentException("gatehouse.oidc." + id + ".signUp must be true or false (got '"
                    + text + "')");
        };
    }
}
