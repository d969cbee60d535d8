package dev.gatehouse.internal.web.api;

import dev.gatehouse.ErrorCode;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/** Request bodies in: the size, type and encoding checks of the API, and its field readers. */
final class JsonBodies {

    /** Bodies up to this size are read and dropped before an error is answered. */
    static final long DRAIN_LIMIT = 1 << 20;

    private JsonBodies() {
    }

    /** Reads a JSON object body. @throws ApiError 413, 415 or 400 */
    static JsonObject readObject(HttpServletRequest request, int maxBytes) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).split(";")[0].strip().equals("application/json")) {
            throw refuse(request.getInputStream(), ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Send the body as application/json.");
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            throw refuse(request.getInputStream(), ErrorCode.PAYLOAD_TOO_LARGE, "Request body is too large.");
        }
        byte[] body = readAtMost(request.getInputStream(), maxBytes);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ApiError.badRequest("Expected a JSON body.");
        }
        try (JsonReader reader = JsonIo.reader(new StringReader(text))) {
            JsonValue v = reader.readValue();
            if (v.getValueType() != JsonValue.ValueType.OBJECT) {
                throw ApiError.badRequest("Expected a JSON body.");
            }
            return v.asJsonObject();
        } catch (JsonParsingException | IllegalStateException e) {
            throw ApiError.badRequest("Expected a JSON body.");
        } catch (NumberFormatException | ArithmeticException e) {
            // a number BigDecimal refuses, e.g. an exponent of more than ten digits (found by JsonBodyFuzzTest)
            throw ApiError.badRequest("Expected a JSON body.");
        } catch (JsonException e) {
            throw ApiError.badRequest("Expected a JSON body.");
        }
    }

    private static byte[] readAtMost(InputStream in, int max) throws IOException {
        byte[] data = in.readNBytes(max + 1);
        if (data.length > max) {
            throw refuse(in, ErrorCode.PAYLOAD_TOO_LARGE, "Request body is too large.");
        }
        return data;
    }

    /**
     * An error for a body that will not be used. The rest of the body (up to {@link #DRAIN_LIMIT})
     * is read and dropped first: a server that answers without reading closes the connection, and
     * a client still sending can then lose the answer. A larger body is left unread and the answer
     * says {@code Connection: close}.
     */
    private static ApiError refuse(InputStream in, ErrorCode code, String message) {
        byte[] sink = new byte[8192];
        long read = 0;
        try {
            int n;
            while (read <= DRAIN_LIMIT && (n = in.read(sink)) >= 0) {
                read += n;
            }
        } catch (IOException e) {
            read = Long.MAX_VALUE; // the client went away or broke off: nothing to keep alive
        }
        return read > DRAIN_LIMIT ? new ApiError(code, message, Map.of("Connection", "close"))
                : new ApiError(code, message);
    }

    /** A required string field. @throws ApiError 400 naming the fields */
    static String string(JsonObject body, String field, String required) {
        JsonValue v = body.get(field);
        if (!(v instanceof JsonString s)) {
            throw ApiError.badRequest(required);
        }
        return s.getString();
    }

    /** An optional string field: null when absent or JSON null. @throws ApiError 400 when another type */
    static String optionalString(JsonObject body, String field) {
        JsonValue v = body.get(field);
        if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
            return null;
        }
        if (!(v instanceof JsonString s)) {
            throw ApiError.badRequest("'" + field + "' must be a string.");
        }
        return s.getString();
    }
}
