package dev.gatehouse.example;

import java.util.Locale;

/**
 * A short name for a browser from its {@code User-Agent}: "Chrome on Linux", "curl". A guess for people to read,
 * never for a decision (the header is whatever the client sent).
 */
final class Browsers {

    private Browsers() {
    }

    static String describe(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return "Unknown browser";
        }
        String ua = userAgent.toLowerCase(Locale.ROOT);
        String browser = ua.contains("edg/") ? "Edge" : ua.contains("opr/") ? "Opera" : ua.contains("firefox/") ? "Firefox"
                : ua.contains("headlesschrome") ? "Headless Chrome" : ua.contains("chrome/") || ua.contains("chromium/")
                ? "Chrome" : ua.contains("safari/") ? "Safari" : ua.startsWith("curl/") ? "curl"
                : ua.startsWith("java-http-client") || ua.startsWith("java/") ? "Java HTTP client" : null;
        String system = ua.contains("android") ? "Android" : ua.contains("iphone") || ua.contains("ipad") ? "iOS"
                : ua.contains("windows") ? "Windows" : ua.contains("mac os") ? "macOS" : ua.contains("cros") ? "ChromeOS"
                : ua.contains("linux") ? "Linux" : null;
        if (browser == null) {
            String first = userAgent.strip().split("[ /]", 2)[0];
            return first.length() > 40 ? first.substring(0, 40) + "…" : first;
        }
        return system == null ? browser : browser + " on " + system;
    }
}
