package dev.gatehouse.internal.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How a setting's value is written as text (a property or environment variable). */
@FunctionalInterface
interface Codec<T> {

    /** @throws IllegalArgumentException the text is not a value; the message names the setting */
    T parse(String raw, Setting<?> setting);

    Codec<String> TEXT = (raw, s) -> raw;

    Codec<Integer> INT = (raw, s) -> {
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw notA(s, "a whole number", raw);
        }
    };

    Codec<Long> LONG = (raw, s) -> {
        try {
            return Long.parseLong(raw.trim());
        } catch (NumberFormatException e) {
            throw notA(s, "a whole number", raw);
        }
    };

    Codec<Boolean> BOOLEAN = (raw, s) -> switch (raw.trim().toLowerCase(Locale.ROOT)) {
        case "true", "1", "yes", "on" -> true;
        case "false", "0", "no", "off" -> false;
        default -> throw notA(s, "true or false", raw);
    };

    /** Comma-separated. */
    Codec<Set<String>> LIST = (raw, s) -> raw.trim().isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(raw.trim().split("\\s*,\\s*")));

    /**
     * One of an enum's wire names, case-insensitive, '_' read as '-'; {@code blank} is what an
     * empty text means (null: an error).
     */
    static <E extends Enum<E>> Codec<E> oneOf(E[] values, Function<E, String> wireName, E blank) {
        return (raw, s) -> {
            String v = raw.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            if (v.isEmpty() && blank != null) {
                return blank;
            }
            for (E e : values) {
                if (wireName.apply(e).equals(v)) {
                    return e;
                }
            }
            String names = Arrays.stream(values).map(e -> "'" + wireName.apply(e) + "'").collect(Collectors.joining(", "));
            int last = names.lastIndexOf(", ");
            throw new IllegalArgumentException(s.name() + " must be " + names.substring(0, last) + " or "
                    + names.substring(last + 2) + " (got '" + raw + "')");
        };
    }

    private static IllegalArgumentException notA(Setting<?> s, String what, String raw) {
        return new IllegalArgumentException(s.propertyName() + " / " + s.envName() + " must be " + what + " (got '"
                + raw + "')");
    }
}
