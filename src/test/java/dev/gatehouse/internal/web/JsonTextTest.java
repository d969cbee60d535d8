package dev.gatehouse.internal.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The API's JSON text is the provider's, byte for byte: a client cannot tell who wrote it. */
class JsonTextTest {

    private static final JsonProvider JSON = JsonProvider.provider();

    @Test
    void everyKindOfValueIsWrittenAsTheProviderWritesIt() {
        JsonArrayBuilder numbers = JSON.createArrayBuilder().add(0).add(-7).add(Long.MAX_VALUE).add(1.5).add(1e300)
                .add(new BigDecimal("1.2300")).add(new BigInteger("123456789012345678901234567890"));
        JsonObjectBuilder o = JSON.createObjectBuilder()
                .add("user", JSON.createObjectBuilder().add("id", "69b2").addNull("username").add("emailVerified", false))
                .add("ok", true).add("numbers", numbers).add("empty", JSON.createObjectBuilder())
                .add("none", JSON.createArrayBuilder()).add("nested", JSON.createArrayBuilder()
                        .add(JSON.createArrayBuilder().add(JsonValue.NULL)).add(JSON.createObjectBuilder().add("", "")));
        assertSame(o.build());
        assertSame(JSON.createArrayBuilder().add("top").add(JsonValue.TRUE).build());
    }

    @Test
    void everyCharacterIsEscapedAsTheProviderEscapesIt() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x100; c++) {
            all.append(c);
        }
        all.append("\u2028\u2029\ufeff\ud83d\udd11 lone \ud800 end \udc00");
        assertSame(JSON.createObjectBuilder().add(all.toString(), all.toString()).build());
    }

    @Test
    void randomStringsAreWrittenAsTheProviderWritesThem() {
        Random random = new Random(42);
        char[] pool = "ab\"\\/\b\f\n\r\t\u0000\u001f\u007f\u00e9\u20ac\ud83d\udd11".toCharArray();
        for (int i = 0; i < 2_000; i++) {
            StringBuilder s = new StringBuilder();
            for (int j = random.nextInt(20); j > 0; j--) {
                s.append(random.nextBoolean() ? pool[random.nextInt(pool.length)] : (char) random.nextInt(0x10000));
            }
            assertSame(JSON.createObjectBuilder().add("k" + s, s.toString()).add("list", JSON.createArrayBuilder()
                    .add(s.toString())).build());
        }
    }

    private static void assertSame(JsonValue value) {
        assertArrayEquals(value.toString().getBytes(StandardCharsets.UTF_8), JsonText.utf8(value), value::toString);
    }
}
