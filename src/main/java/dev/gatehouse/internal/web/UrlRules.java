package dev.gatehouse.internal.web;

import dev.gatehouse.AccessDeniedException;
import dev.gatehouse.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * URL rules the filter enforces in filter mode, where the container cannot see the caller:
 * {@code /admin/*=admin; /account/*=*} (a role, roles joined by '|', or '*' for any signed-in caller).
 * Exact paths and trailing-{@code /*} prefixes; the first matching rule applies. Paths are the
 * container's decoded, normalised ones and are compared case-insensitively, with trailing '/'
 * ignored, so {@code /ADMIN} and {@code /admin/} are under {@code /admin} too (a container or a
 * file system may serve them alike).
 */
public final class UrlRules {

    private record Rule(String pattern, Set<String> roles) {
        boolean matches(String rawPath) {
            String path = canonical(rawPath);
            if (pattern.endsWith("/*")) {
                String base = canonical(pattern.substring(0, pattern.length() - 2));
                return path.equals(base) || path.startsWith(base + "/") || base.isEmpty();
            }
            return path.equals(canonical(pattern));
        }
    }

    /** Lower case, without trailing slashes. */
    private static String canonical(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        int end = p.length();
        while (end > 0 && p.charAt(end - 1) == '/') {
            end--;
        }
        return p.substring(0, end);
    }

    /**
     * A raw request path (as sent, after the context path) that containers may read in more than
     * one way: an encoded '/', '\\' or '.', a ';' path parameter, a dot segment, a doubled '/' or a
     * backslash.
     */
    public static boolean isAmbiguous(String rawPath) {
        String p = rawPath.toLowerCase(Locale.ROOT);
        return p.contains("%2f") || p.contains("%5c") || p.contains("%2e") || p.contains("%25") || p.contains(";")
                || p.contains("\\") || p.contains("//") || p.equals("/..") || p.equals("/.") || p.contains("/../")
                || p.contains("/./") || p.endsWith("/..") || p.endsWith("/.");
    }

    /** The path for a log line: at most 200 characters, control characters replaced. */
    public static String printable(String rawPath) {
        String p = rawPath == null ? "" : rawPath.replaceAll("[\\p{Cntrl}\\s]", "?");
        return p.length() <= 200 ? p : p.substring(0, 200) + "...";
    }

    /** True when some rule covers the path (then an ambiguous spelling of it is refused). */
    public boolean protects(String path) {
        return rules.stream().anyMatch(r -> r.matches(path));
    }

    private final List<Rule> rules = new ArrayList<>();

    public static UrlRules parse(String spec) {
        UrlRules r = new UrlRules();
        if (spec == null || spec.isBlank()) {
            return r;
        }
        for (String part : spec.split("[;,]")) {
            if (part.isBlank()) {
                continue;
            }
            String[] kv = part.split("=", 2);
            if (kv.length != 2 || !kv[0].strip().startsWith("/") || kv[1].isBlank()) {
                throw new IllegalArgumentException("Gatehouse URL rule '" + part.strip() + "' must look like /path/*=role");
            }
            r.rules.add(new Rule(kv[0].strip(), Set.of(kv[1].strip().split("\\s*\\|\\s*"))));
        }
        return r;
    }

    /**
     * @return null when the path is open or the caller may pass, else the refusal: no caller
     *         ({@code auth_required}) or none of the rule's roles ({@code permission_denied})
     */
    public AccessDeniedException check(String path, Caller caller) {
        for (Rule rule : rules) {
            if (rule.matches(path)) {
                if (caller == null) {
                    return AccessDeniedException.authRequired();
                }
                if (rule.roles().contains("*") || rule.roles().stream().anyMatch(caller::isInRole)) {
                    return null;
                }
                return AccessDeniedException.forbidden(null);
            }
        }
        return null;
    }
}
