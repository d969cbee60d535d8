package dev.gatehouse.config;

import java.util.Locale;

/** How {@code GatehouseFilter} works with the container (setting {@code filterMode}). */
public enum FilterMode {
    /**
     * The container authenticates through Gatehouse's mechanism (WildFly, Payara, Jetty with
     * {@code GatehouseJettyAuthenticator}) and enforces its own constraints (the default).
     */
    CONTAINER,
    /**
     * Any other Servlet 6 container: the filter wraps the request so the servlet API sees the
     * caller, and enforces the setting {@code filterRules} itself.
     */
    FILTER;

    /** The wire name: {@code container} or {@code filter}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
