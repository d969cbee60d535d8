package dev.gatehouse.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** docs/ERRORS.md has one row per {@link ErrorCode}, with its HTTP status, and no other rows. */
class ErrorCodesDocumentedTest {

    private static final Pattern ROW = Pattern.compile("^\\|\\s*`([a-z_]+)`\\s*\\|\\s*(\\d{3})\\s*\\|\\s*([^|]*\\S)\\s*\\|\\s*([^|]*\\S)\\s*\\|\\s*$");

    @Test
    void everyCodeHasARowWithItsStatusAndEveryRowIsACode() throws Exception {
        Map<String, Integer> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("docs", "ERRORS.md"))) {
            Matcher m = ROW.matcher(line);
            if (m.matches()) {
                Integer before = documented.put(m.group(1), Integer.parseInt(m.group(2)));
                assertEquals(null, before, "documented twice: " + m.group(1));
            }
        }
        Map<String, Integer> expected = Arrays.stream(ErrorCode.values())
                .collect(Collectors.toMap(ErrorCode::wire, ErrorCode::httpStatus, (a, b) -> a, TreeMap::new));
        assertEquals(expected, new TreeMap<>(documented), "docs/ERRORS.md table (code -> status) vs ErrorCode");
    }

    @Test
    void theTableIsInEnumOrder() throws Exception {
        String text = Files.readString(Path.of("docs", "ERRORS.md"));
        int last = -1;
        for (ErrorCode c : ErrorCode.values()) {
            int at = text.indexOf("| `" + c.wire() + "` |");
            assertTrue(at > last, c.wire() + " is out of order or missing");
            last = at;
        }
    }
}
