package dev.gatehouse.example;

import dev.gatehouse.ForGatehouse;
import dev.gatehouse.config.AuthSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The example's settings: development defaults (not strict, plain-HTTP cookie, dev outbox, an H2
 * file database, passkeys for http://localhost:8080 with sign-up without a password) under whatever
 * GATEHOUSE_* variables and gatehouse.* properties say. Chromium treats http://localhost as a secure
 * context, so WebAuthn works there; on another host or port set GATEHOUSE_PUBLIC_BASE_URL (or
 * GATEHOUSE_PASSKEY_ORIGINS) to the address the browser uses.
 */
@ApplicationScoped
public class ExampleSettings {

    /** Where the default H2 database lives. */
    public static Path defaultDatabase() {
        return Path.of(System.getProperty("example.dataDir", "data")).toAbsolutePath().resolve("gatehouse");
    }

    public static AuthSettings load() {
        Map<String, String> env = new HashMap<>();
        env.put("GATEHOUSE_STRICT", "false");
        env.put("GATEHOUSE_PUBLIC_BASE_URL", "http://localhost:8080"); // also the passkeys' relying party: localhost
        env.put("GATEHOUSE_PASSWORDLESS_SIGN_UP", "true"); // the sign-up page offers "Sign up with a passkey"
        env.put("GATEHOUSE_PASSKEY_RP_NAME", "Gatehouse example"); // what the authenticator shows
        env.put("GATEHOUSE_JDBC_URL", "jdbc:h2:file:" + defaultDatabase() + ";DB_CLOSE_ON_EXIT=FALSE");
        env.putAll(System.getenv());
        env.keySet().removeAll(Set.of("GATEHOUSE_BOOTSTRAP_ADMIN", "GATEHOUSE_DEV_OUTBOX")); // the example's own variables
        return AuthSettings.fromSources(env, System.getProperties());
    }

    private volatile AuthSettings settings;

    /** Read once per application. */
    @Produces
    @ForGatehouse
    AuthSettings settings() {
        if (settings == null) {
            settings = load();
        }
        return settings;
    }
}
