package dev.gatehouse.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code words --flag value --switch}: positional words and named options, each flag allowed once. */
final class Args {

    private static final Set<String> SWITCHES = Set.of("json", "help", "all", "password-stdin");

    final List<String> words = new ArrayList<>();
    private final Map<String, String> options = new HashMap<>();

    static Args parse(String[] argv) {
        Args a = new Args();
        for (int i = 0; i < argv.length; i++) {
            String s = argv[i];
            if (s.equals("-h")) {
                s = "--help";
            }
            if (s.startsWith("--")) {
                String name = s.substring(2);
                String value;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    value = name.substring(eq + 1);
                    name = name.substring(0, eq);
                } else if (SWITCHES.contains(name)) {
                    value = "true";
                } else if (i + 1 < argv.length) {
                    value = argv[++i];
                } else {
                    throw new CliException(CliException.USAGE, "--" + name + " needs a value");
                }
                if (name.equals("password")) {
                    throw new CliException(CliException.USAGE,
                            "passwords are never taken from a flag: type it when asked, or pipe it with --password-stdin");
                }
                if (name.equals("jdbc-password")) { // other users see the command line (ps, shell history)
                    throw new CliException(CliException.USAGE, "the database password is never taken from a flag: "
                            + "set GATEHOUSE_JDBC_PASSWORD or use --jdbc-password-file FILE");
                }
                if (a.options.put(name, value) != null) {
                    throw new CliException(CliException.USAGE, "--" + name + " given twice");
                }
            } else {
                a.words.add(s);
            }
        }
        return a;
    }

    boolean has(String name) {
        return options.containsKey(name);
    }

    String get(String name) {
        return options.get(name);
    }

    String require(String name) {
        String v = options.get(name);
        if (v == null || v.isBlank()) {
            throw new CliException(CliException.USAGE, "--" + name + " is required");
        }
        return v;
    }

    /** Rejects options the command does not know, so a typo never goes unnoticed. */
    void allowOnly(Set<String> known) {
        for (String name : options.keySet()) {
            if (!known.contains(name)) {
                throw new CliException(CliException.USAGE, "unknown option --" + name + " (see --help)");
            }
        }
    }
}
