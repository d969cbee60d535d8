package dev.gatehouse.internal.config;

import java.util.Map;

/** The values given for some settings, every other one at its default. */
public final class Values {

    private final Map<Setting<?>, ?> given;

    public Values(Map<Setting<?>, ?> given) {
        this.given = given;
    }

    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        return given.containsKey(setting) ? (T) given.get(setting) : setting.defaultValue(this);
    }
}
