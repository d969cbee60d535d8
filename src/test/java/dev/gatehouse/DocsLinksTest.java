package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every relative link in the top-level Markdown files and docs/ leads somewhere: the file exists
 * and, for {@code file.md#anchor}, the file has a heading with that GitHub anchor.
 */
class DocsLinksTest {

    private static final Pattern LINK = Pattern.compile("\\[[^\\]]*]\\(([^)\\s]+)\\)");
    private static final Pattern INLINE_CODE = Pattern.compile("`[^`]*`");

    @Test
    void everyRelativeLinkResolves() throws IOException {
        List<Path> pages = pages();
        assertTrue(pages.contains(Path.of("README.md")) && pages.contains(Path.of("docs", "README.md")),
                "run from the project directory: " + pages);
        List<String> broken = new ArrayList<>();
        for (Path page : pages) {
            for (String target : links(page)) {
                String problem = check(page, target);
                if (problem != null) {
                    broken.add(page + ": (" + target + ") " + problem);
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    @Test
    void anchorsFollowGitHub() {
        assertEquals("wildfly-39", anchor("WildFly 39"));
        assertEquals("error-answers", anchor("Error answers"));
        assertEquals("api-moves-for-upgraders-the-02-layout", anchor("API moves for upgraders (the 0.2 layout)"));
        assertEquals("any-other-servlet-6-container", anchor("Any other Servlet 6 container"));
    }

    private static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>();
        for (Path dir : List.of(Path.of(""), Path.of("docs"))) {
            try (Stream<Path> files = Files.list(dir.toString().isEmpty() ? Path.of(".") : dir)) {
                files.filter(p -> p.getFileName().toString().endsWith(".md"))
                        .map(p -> dir.resolve(p.getFileName()))
                        .sorted()
                        .forEach(pages::add);
            }
        }
        return pages;
    }

    /** Link targets outside fenced code blocks and inline code. */
    private static List<String> links(Path page) throws IOException {
        List<String> targets = new ArrayList<>();
        boolean fenced = false;
        for (String line : Files.readAllLines(page)) {
            if (line.strip().startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            if (fenced) {
                continue;
            }
            Matcher m = LINK.matcher(INLINE_CODE.matcher(line).replaceAll(""));
            while (m.find()) {
                targets.add(m.group(1));
            }
        }
        return targets;
    }

    /** Null when the target resolves, otherwise what is wrong. */
    private static String check(Path page, String target) {
        if (target.matches("(?i)^(https?|mailto):.*")) {
            return null;
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String fragment = hash < 0 ? null : target.substring(hash + 1);
        Path base = page.getParent() == null ? Path.of("") : page.getParent();
        Path resolved = file.isEmpty() ? page : base.resolve(file).normalize();
        if (!Files.exists(resolved)) {
            return "no such file " + resolved;
        }
        if (fragment != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(fragment)) {
            return "no heading with anchor #" + fragment + " in " + resolved;
        }
        return null;
    }

    private static Set<String> anchors(Path page) {
        Set<String> anchors = new TreeSet<>();
        boolean fenced = false;
        try {
            for (String line : Files.readAllLines(page)) {
                if (line.strip().startsWith("```")) {
                    fenced = !fenced;
                } else if (!fenced && line.startsWith("#")) {
                    anchors.add(anchor(line.replaceFirst("^#+\\s*", "")));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return anchors;
    }

    /** GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens. */
    static String anchor(String heading) {
        return heading.strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N}\\s_-]", "")
                .replace(' ', '-');
    }
}
