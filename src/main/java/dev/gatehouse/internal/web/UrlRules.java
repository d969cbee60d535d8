package dev.gatehouse.internal.web;

import dev.gatehouse.Caller;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * URL rules the filter enforces in filter mode, where the container cannot see the caller:
 * {@code /admin/*=admin; /account/*=*} (a role, roles joined by '|', or '*' for any signed-in caller).
 * Exact paths and trailing-{@code /*} prefixes; the first matching rule applies.
 */
public final class UrlRules {

    private record Rule(String pattern, Set<String> roles) {
        boolean matches(String path) {
            if (pattern.endsWith("/*")) {
                String base = pattern.substring(0, pattern.length() - 2);
                return path.equals(base) || path.startsWith(base + "/");
            }
            return path.equals(pattern);
        }
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

    /** 0 when the path is open or the caller may pass, else 401 or 403. */
    public int check(String path, Caller caller) {
        for (Rule rule : rules) {
            if (rule.matches(path)) {
                if (caller == null) {
                    return 401;
                }
                if (rule.roles().contains("*")) {
                    return 0;
                }
                return rule.roles().stream().anyMatch(caller::isInRole) ? 0 : 403;
            }
        }
        return 0;
    }
}
