package dev.gatehouse.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The code the documentation shows is code that compiles: a fenced block right after
 * {@code <!-- snippet: dev.gatehouse.docs.SomeClass -->} must appear, line by line and in order
 * (indentation aside), in that test source, which the build compiles. On the pages that show what a
 * user adds to a container, every Java block must be such a snippet.
 */
class DocSnippetsTest {

    private static final Path DOCS = Path.of("docs");
    private static final Path TEST_SOURCES = Path.of("src", "test", "java");
    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: ([\\w.]+) -->\\s*\\n```(\\w*)\\n(.*?)\\n```", Pattern.DOTALL);
    /** Pages where every Java block must be compiled. */
    private static final List<String> STRICT_PAGES = List.of("CONTAINERS.md");

    record Snippet(String page, String className, String code) {
    }

    static List<Snippet> snippets() throws IOException {
        List<Snippet> found = new ArrayList<>();
        try (Stream<Path> pages = Files.list(DOCS)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".md")).sorted().toList()) {
                Matcher m = SNIPPET.matcher(Files.readString(page));
                while (m.find()) {
                    found.add(new Snippet(page.getFileName().toString(), m.group(1), m.group(3)));
                }
            }
        }
        return found;
    }

    @Test
    void everyMarkedSnippetIsInItsCompiledSource() throws IOException {
        List<Snippet> snippets = snippets();
        assertTrue(snippets.size() >= 4, "expected snippets in docs/, found " + snippets.size());
        List<String> problems = new ArrayList<>();
        for (Snippet s : snippets) {
            Path source = TEST_SOURCES.resolve(s.className().replace('.', '/') + ".java");
            if (!Files.exists(source)) {
                problems.add(s.page() + ": no test source " + source);
                continue;
            }
            List<String> text = lines(Files.readString(source));
            int at = 0;
            for (String line : lines(s.code())) {
                int next = indexFrom(text, line, at);
                if (next < 0) {
                    problems.add(s.page() + " → " + s.className() + ": line not found (in order): " + line);
                    break;
                }
                at = next + 1;
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void containerPagesShowOnlyCompiledJava() throws IOException {
        for (String page : STRICT_PAGES) {
            String text = Files.readString(DOCS.resolve(page));
            int javaBlocks = text.split("```java\\n", -1).length - 1;
            long marked = snippets().stream().filter(s -> s.page().equals(page) && !s.code().isBlank()).filter(s ->
                    text.contains(s.className() + " -->\n```java")).count();
            assertEquals(javaBlocks, marked, page + ": every ```java block needs a <!-- snippet: … --> line before it");
        }
    }

    private static List<String> lines(String code) {
        return code.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.equals("...") && !l.startsWith("// …"))
                .toList();
    }

    private static int indexFrom(List<String> text, String line, int from) {
        for (int i = from; i < text.size(); i++) {
            if (text.get(i).equals(line)) {
                return i;
            }
        }
        return -1;
    }
}
