package dev.gatehouse.internal.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class SecureTokensTest {

    @Test
    void sha256HexIsTheJdksDigestInLowerCaseHex() throws Exception {
        for (String value : List.of("", "a", "\u00e9t\u00e9 \ud83d\udd11", SecureTokens.newToken(), "x".repeat(1000))) {
            byte[] expected = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
            assertEquals(HexFormat.of().formatHex(expected), SecureTokens.sha256Hex(value), value);
        }
    }

    @Test
    void concurrentDigestsDoNotShareState() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> runs = new java.util.ArrayList<>();
            for (int t = 0; t < 4; t++) {
                runs.add(pool.submit(() -> {
                    for (int i = 0; i < 2_000; i++) {
                        String v = "token-" + i;
                        byte[] expected = MessageDigest.getInstance("SHA-256").digest(v.getBytes(StandardCharsets.UTF_8));
                        if (!HexFormat.of().formatHex(expected).equals(SecureTokens.sha256Hex(v))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertEquals(true, run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
