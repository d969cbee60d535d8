package dev.gatehouse.internal.password;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The 30,000 most common passwords, from the frequency list that zxcvbn4j
 * ({@code com.nulab-inc:zxcvbn}) ships. Compared case-insensitively. Loaded once.
 */
public final class CommonPasswords {

    static final String RESOURCE = "com/nulabinc/zxcvbn/matchers/dictionaries/passwords.txt";

    private static volatile Set<String> list;

    private CommonPasswords() {
    }

    public static boolean contains(String password) {
        return load().contains(password.toLowerCase(Locale.ROOT));
    }

    public static int size() {
        return load().size();
    }

    private static Set<String> load() {
        Set<String> l = list;
        if (l == null) {
            synchronized (CommonPasswords.class) {
                if (list == null) {
                    list = read();
                }
                l = list;
            }
        }
        return l;
    }

    private static Set<String> read() {
        InputStream in = CommonPasswords.class.getClassLoader().getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("Common-password list " + RESOURCE
                    + " not found; com.nulab-inc:zxcvbn must be on the classpath");
        }
        Set<String> words = new HashSet<>(40_000);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String w = line.strip();
                if (!w.isEmpty()) {
                    words.add(w.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
        return Set.copyOf(words);
    }
}
