package dev.gatehouse.internal.session;

import dev.gatehouse.mfa.Factor;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A session's factors as stored: wire names joined with ',' in declaration order ("password,totp"). */
public final class Factors {

    private Factors() {
    }

    public static String write(Set<Factor> factors) {
        return EnumSet.copyOf(factors).stream().map(Factor::wireName).collect(Collectors.joining(","));
    }

    /** Unknown names are dropped; an empty or null text reads as the password alone (0.1 sessions). */
    public static Set<Factor> read(String text) {
        Set<Factor> out = EnumSet.noneOf(Factor.class);
        if (text != null) {
            for (String name : text.split(",")) {
                Factor.fromWire(name.strip()).ifPresent(out::add);
            }
        }
        if (out.isEmpty()) {
            out.add(Factor.PASSWORD);
        }
        return out;
    }
}
