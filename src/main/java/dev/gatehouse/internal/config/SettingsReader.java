package dev.gatehouse.internal.config;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Reads settings from {@code gatehouse.*} properties and {@code GATEHOUSE_*} environment
 * variables; a property beats the environment, which beats the default.
 */
public final class SettingsReader {

    private static final System.Logger LOG = System.getLogger(SettingsReader.class.getName());

    /** Writes each warning to the log at WARNING. */
    public static final Consumer<String> LOG_WARNING = message -> LOG.log(Level.WARNING, message);

    private SettingsReader() {
    }

    /**
     * The values the sources give, by setting. An unknown {@code GATEHOUSE_*} variable is passed to
     * {@code warnings} by name (never its value): the environment is shared with other software, and
     * start-up goes on. An unknown {@code gatehouse.*} property is an error, since only Gatehouse reads them.
     *
     * @throws IllegalArgumentException an unknown property, or a text that is not a value of its setting
     */
    public static Map<Setting<?>, Object> read(Map<String, String> env, Map<?, ?> properties, Consumer<String> warnings) {
        List<String> unknown = new ArrayList<>();
        Set<String> propertyNames = SettingsCatalog.ALL.stream().map(Setting::propertyName).collect(Collectors.toSet());
        for (Object key : properties.keySet()) {
            String k = String.valueOf(key);
            if (k.startsWith("gatehouse.") && !propertyNames.contains(k) && !OidcProviderReader.isProviderProperty(k)) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            unknown.sort(null);
            throw new IllegalArgumentException("Unknown Gatehouse setting(s) " + unknown + "; supported: "
                    + SettingsCatalog.ALL.stream().map(Setting::propertyName).collect(Collectors.joining(", ")));
        }
        Set<String> envNames = SettingsCatalog.ALL.stream().map(Setting::envName).collect(Collectors.toSet());
        for (String name : new TreeSet<>(env.keySet())) {
            if (name.startsWith("GATEHOUSE_") && !envNames.contains(name) && !OidcProviderReader.isProviderVariable(name)) {
                warnings.accept("Ignoring environment variable " + name + ": no Gatehouse setting has that name "
                        + "(a typo? every setting's variable is listed in docs/SETTINGS.md)");
            }
        }
        Map<Setting<?>, Object> values = new LinkedHashMap<>();
        for (Setting<?> s : SettingsCatalog.ALL) {
            String text = text(s, env, properties);
            if (text != null) {
                values.put(s, s.parse(text));
            }
        }
        List<dev.gatehouse.config.OidcProviderSettings> providers = OidcProviderReader.read(env, properties);
        if (providers != null) {
            values.put(SettingsCatalog.OIDC_PROVIDERS, providers);
        }
        return values;
    }

    /**
     * One setting from the sources alone, without looking at (or warning about) the others: for
     * what must be known before the application's settings exist.
     *
     * @throws IllegalArgumentException the text is not a value of the setting
     */
    public static <T> T readOne(Setting<T> setting, Map<String, String> env, Map<?, ?> properties) {
        String text = text(setting, env, properties);
        return text != null ? setting.parse(text) : setting.defaultValue(new Values(Map.of()));
    }

    private static String text(Setting<?> s, Map<String, String> env, Map<?, ?> properties) {
        Object property = properties.get(s.propertyName());
        return property != null ? property.toString() : env.get(s.envName());
    }
}
