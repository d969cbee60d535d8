package dev.gatehouse.internal.config;

import dev.gatehouse.config.AuthSettings;
import java.util.Locale;
import java.util.function.Function;

/** One setting: its name, how its text is read, its default, and where {@link AuthSettings} holds it. */
public final class Setting<T> {

    private final String name;
    private final Codec<T> codec;
    private final Function<Values, T> defaultValue;
    private final Function<AuthSettings, T> read;
    private final boolean secret;

    private Setting(String name, Codec<T> codec, Function<Values, T> defaultValue, Function<AuthSettings, T> read,
                    boolean secret) {
        this.name = name;
        this.codec = codec;
        this.defaultValue = defaultValue;
        this.read = read;
        this.secret = secret;
    }

    static <T> Setting<T> of(String name, Codec<T> codec, T defaultValue, Function<AuthSettings, T> read) {
        return new Setting<>(name, codec, v -> defaultValue, read, false);
    }

    /** A setting whose default follows other settings (or the machine). */
    static <T> Setting<T> derived(String name, Codec<T> codec, Function<Values, T> defaultValue,
                                  Function<AuthSettings, T> read) {
        return new Setting<>(name, codec, defaultValue, read, false);
    }

    /** The same setting, never printed. */
    Setting<T> secret() {
        return new Setting<>(name, codec, defaultValue, read, true);
    }

    /** The name, as the builder method and the record component spell it: {@code cookieSecure}. */
    public String name() {
        return name;
    }

    /** {@code gatehouse.cookieSecure}. */
    public String propertyName() {
        return "gatehouse." + name;
    }

    /** {@code GATEHOUSE_COOKIE_SECURE}. */
    public String envName() {
        return envName(name);
    }

    static String envName(String name) {
        return "GATEHOUSE_" + name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    /** {@code CLIENT_ID} as a setting name spells it: {@code clientId}. */
    static String camel(String envWords) {
        StringBuilder out = new StringBuilder();
        for (String w : envWords.toLowerCase(Locale.ROOT).split("_")) {
            out.append(out.length() == 0 ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
        }
        return out.toString();
    }

    public boolean isSecret() {
        return secret;
    }

    /** The value written as text in a property or environment variable. */
    public T parse(String raw) {
        return codec.parse(raw, this);
    }

    T defaultValue(Values values) {
        return defaultValue.apply(values);
    }

    /** The value {@code settings} holds. */
    public T read(AuthSettings settings) {
        return read.apply(settings);
    }

    @Override
    public String toString() {
        return name;
    }
}
