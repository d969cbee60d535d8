package dev.gatehouse.config;

import static dev.gatehouse.config.Checks.fail;

import java.util.Set;

/**
 * The HTTP side: where the JSON API is served, which requests are believed, and how the servlet
 * filter is set up. Strict mode's https requirement on {@code trustedOrigins} is checked by
 * {@link AuthSettings}.
 *
 * <p>The constructor throws {@link IllegalArgumentException} when a value is invalid; the message names the
 * setting and the fix.
 *
 * @param authPathPrefix       where the HTTP API is served (starts with '/', no trailing '/')
 * @param enableCredentialsApi whether the HTTP API serves its sign-in and account endpoints
 * @param trustedProxies       proxy addresses or CIDR blocks whose {@code X-Forwarded-For} is believed
 * @param trustedOrigins       other origins ({@code https://admin.example.com}) whose browser pages may send
 *                             state-changing requests; every other cross-origin one, {@code same-site} included,
 *                             is refused (403 {@code csrf})
 * @param maxRequestBytes      largest JSON body the HTTP API reads (413 beyond; at least 1024)
 * @param filterMode           how the servlet filter works with the container; the init or context parameter
 *                             {@code dev.gatehouse.mode}, when present, overrides it
 * @param filterRules          URL rules the filter enforces in {@link FilterMode#FILTER} mode
 *                             ({@code /admin/*=admin; /account/*=*}), empty for none; checked when the filter
 *                             starts; the parameter {@code dev.gatehouse.rules}, when present, overrides it
 * @param filterAutoRegister   whether {@code GatehouseInitializer} registers the filter on {@code /*}; read from
 *                             the system property or environment only (the filter is registered before CDI
 *                             starts), and the context parameter {@code dev.gatehouse.autoRegister}, when
 *                             present, overrides it
 * @param enableOpenApi        whether the HTTP API serves its OpenAPI document at {@code {authPathPrefix}/openapi.json}
 *                             (404 when false)
 */
public record HttpSettings(
        String authPathPrefix,
        boolean enableCredentialsApi,
        Set<String> trustedProxies,
        Set<String> trustedOrigins,
        int maxRequestBytes,
        FilterMode filterMode,
        String filterRules,
        boolean filterAutoRegister,
        boolean enableOpenApi) {

    public HttpSettings {
        if (authPathPrefix == null || !authPathPrefix.startsWith("/") || authPathPrefix.length() < 2
                || authPathPrefix.endsWith("/")) {
            fail("authPathPrefix must start with '/', have at least 2 characters and not end with '/' (got '"
                    + authPathPrefix + "')");
        }
        trustedProxies = trustedProxies == null ? Set.of() : Set.copyOf(trustedProxies);
        trustedOrigins = trustedOrigins == null ? Set.of() : Set.copyOf(trustedOrigins);
        for (String origin : trustedOrigins) {
            if (!origin.matches("https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?")) {
                fail("trustedOrigins must be origins like https://admin.example.com (scheme, host, optional port; "
                        + "no path or trailing '/') (got '" + origin + "')");
            }
        }
        if (maxRequestBytes < 1024) {
            fail("maxRequestBytes must be >= 1024 (got " + maxRequestBytes + ")");
        }
        if (filterMode == null) {
            fail("filterMode must be 'container' or 'filter'");
        }
        filterRules = filterRules == null ? "" : filterRules.strip();
    }
}
