package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.internal.config.Setting;
import dev.gatehouse.internal.config.SettingsCatalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/SETTINGS.md's table names every setting the code reads, and nothing else. */
class SettingsDocumentationTest {

    static Set<String> documentedNames() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("docs/SETTINGS.md"));
        int header = lines.indexOf("| field | default | meaning |");
        assertTrue(header >= 0, "docs/SETTINGS.md has no '| field | default | meaning |' table");
        Set<String> names = new TreeSet<>();
        for (String line : lines.subList(header + 2, lines.size())) {
            if (!line.startsWith("|")) {
                break;
            }
            String field = line.split("(?<!\\\\)\\|")[1];
            Matcher m = Pattern.compile("`([^`]+)`").matcher(field);
            while (m.find()) {
                assertTrue(names.add(m.group(1)), m.group(1) + " is documented twice");
            }
        }
        return names;
    }

    @Test
    void everyDocumentedSettingExistsAndEverySettingIsDocumented() throws IOException {
        Set<String> inCode = SettingsCatalog.ALL.stream().map(Setting::name).collect(Collectors.toCollection(TreeSet::new));
        Set<String> documented = documentedNames();
        Set<String> undocumented = new TreeSet<>(inCode);
        undocumented.removeAll(documented);
        Set<String> unknown = new TreeSet<>(documented);
        unknown.removeAll(inCode);
        assertEquals(Set.of(), undocumented, "settings missing from docs/SETTINGS.md");
        assertEquals(Set.of(), unknown, "docs/SETTINGS.md documents settings the code does not have");
    }
}
