package dev.gatehouse.example;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A minimal software passkey for the black-box suites, which talk HTTP to servers in other processes: one
 * discoverable ES256 credential, "none" attestation, user presence and verification flagged, answers in the
 * shape of Chromium's {@code credential.toJSON()}. It claims whatever origin it is given, like a browser on
 * that address would. (The library's own, richer SoftAuthenticator lives in its test sources, which the
 * example does not get.)
 */
final class TinyAuthenticator {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] credentialId = new byte[32];
    private KeyPair keys;
    private byte[] userHandle;
    private int counter;

    TinyAuthenticator() {
        RANDOM.nextBytes(credentialId);
    }

    /** {@code navigator.credentials.create} with these creation options, then {@code toJSON()}. */
    String create(String optionsJson, String origin) throws Exception {
        JsonObject o = Json.createReader(new StringReader(optionsJson)).readObject();
        String rpId = o.getJsonObject("rp").getString("id");
        userHandle = B64D.decode(o.getJsonObject("user").getString("id"));
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        keys = g.generateKeyPair();
        byte[] clientData = clientData("webauthn.create", o.getString("challenge"), origin);
        ECPublicKey pub = (ECPublicKey) keys.getPublic();
        Cbor cose = new Cbor().map(5).integer(1).integer(2).integer(3).integer(-7).integer(-1).integer(1)
                .integer(-2).bytes(coordinate(pub.getW().getAffineX())).integer(-3).bytes(coordinate(pub.getW().getAffineY()));
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(rpId.getBytes(StandardCharsets.UTF_8)));
        authData.write(0x45); // UP, UV, AT
        authData.writeBytes(ByteBuffer.allocate(4).putInt(counter).array());
        authData.writeBytes(new byte[16]); // AAGUID
        authData.writeBytes(ByteBuffer.allocate(2).putShort((short) credentialId.length).array());
        authData.writeBytes(credentialId);
        authData.writeBytes(cose.bytes());
        byte[] attestation = new Cbor().map(3).text("fmt").text("none").text("attStmt").map(0).text("authData")
                .bytes(authData.toByteArray()).bytes();
        return "{\"id\":\"" + B64.encodeToString(credentialId) + "\",\"rawId\":\"" + B64.encodeToString(credentialId)
                + "\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"" + B64.encodeToString(clientData)
                + "\",\"attestationObject\":\"" + B64.encodeToString(attestation) + "\",\"transports\":[\"internal\"]},"
                + "\"clientExtensionResults\":{},\"authenticatorAttachment\":\"platform\"}";
    }

    /** {@code navigator.credentials.get} with these request options, then {@code toJSON()}. */
    String get(String optionsJson, String origin) throws Exception {
        JsonObject o = Json.createReader(new StringReader(optionsJson)).readObject();
        byte[] clientData = clientData("webauthn.get", o.getString("challenge"), origin);
        ByteArrayOutputStream authData = new ByteArrayOutputStream();
        authData.writeBytes(sha256(o.getString("rpId").getBytes(StandardCharsets.UTF_8)));
        authData.write(0x05); // UP, UV
        authData.writeBytes(ByteBuffer.allocate(4).putInt(++counter).array());
        Signature s = Signature.getInstance("SHA256withECDSA");
        s.initSign(keys.getPrivate());
        s.update(authData.toByteArray());
        s.update(sha256(clientData));
        return "{\"id\":\"" + B64.encodeToString(credentialId) + "\",\"rawId\":\"" + B64.encodeToString(credentialId)
                + "\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"" + B64.encodeToString(clientData)
                + "\",\"authenticatorData\":\"" + B64.encodeToString(authData.toByteArray()) + "\",\"signature\":\""
                + B64.encodeToString(s.sign()) + "\",\"userHandle\":\"" + B64.encodeToString(userHandle) + "\"},"
                + "\"clientExtensionResults\":{},\"authenticatorAttachment\":\"platform\"}";
    }

    private static byte[] clientData(String type, String challenge, String origin) {
        return ("{\"type\":\"" + type + "\",\"challenge\":\"" + challenge + "\",\"origin\":\"" + origin
                + "\",\"crossOrigin\":false}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] coordinate(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }

    private static byte[] sha256(byte[] b) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(b);
    }

    /** Just enough CBOR: small maps, integers, byte and text strings. */
    private static final class Cbor {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        private Cbor head(int major, long n) {
            if (n < 24) {
                out.write(major << 5 | (int) n);
            } else if (n < 256) {
                out.write(major << 5 | 24);
                out.write((int) n);
            } else {
                out.write(major << 5 | 25);
                out.write((int) (n >> 8));
                out.write((int) n & 0xff);
            }
            return this;
        }

        Cbor map(int entries) {
            return head(5, entries);
        }

        Cbor integer(long v) {
            return v >= 0 ? head(0, v) : head(1, -1 - v);
        }

        Cbor bytes(byte[] b) {
            head(2, b.length);
            out.writeBytes(b);
            return this;
        }

        Cbor text(String s) {
            return bytes0(3, s.getBytes(StandardCharsets.UTF_8));
        }

        private Cbor bytes0(int major, byte[] b) {
            head(major, b.length);
            out.writeBytes(b);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }
    }
}
