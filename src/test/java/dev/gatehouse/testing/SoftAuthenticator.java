package dev.gatehouse.testing;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A software WebAuthn authenticator for tests (JDK crypto only): it answers the options JSON of
 * {@code PublicKeyCredential.parseCreationOptionsFromJSON} / {@code parseRequestOptionsFromJSON} with the JSON that
 * Chromium's {@code credential.toJSON()} returns. Discoverable credentials, attestation {@code none}, ES256 by
 * default (RS256 with {@link #useRsa()}). Knobs make it misbehave for negative tests; each returns {@code this}.
 * Not thread-safe (make the JSON first, then race with it).
 */
public final class SoftAuthenticator {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final SecureRandom RANDOM = new SecureRandom();

    static final int UP = 0x01;
    static final int UV = 0x04;
    static final int BE = 0x08;
    static final int BS = 0x10;
    static final int AT = 0x40;

    /** A credential this authenticator holds; {@link #copy()} exports it, for another authenticator to import. */
    public static final class Credential {
        private final byte[] id;
        private final KeyPair keys;
        private final int alg;
        private final byte[] userHandle;
        private final String rpId;
        private long counter;

        Credential(byte[] id, KeyPair keys, int alg, byte[] userHandle, String rpId, long counter) {
            this.id = id.clone();
            this.keys = keys;
            this.alg = alg;
            this.userHandle = userHandle == null ? null : userHandle.clone();
            this.rpId = rpId;
            this.counter = counter;
        }

        /** The credential id as base64url (the {@code id} of the JSON). */
        public String id() {
            return B64.encodeToString(id);
        }

        public byte[] rawId() {
            return id.clone();
        }

        /** The WebAuthn user handle the options gave it, base64url. */
        public String userHandle() {
            return userHandle == null ? null : B64.encodeToString(userHandle);
        }

        public String rpId() {
            return rpId;
        }

        /** COSE algorithm: -7 (ES256) or -257 (RS256). */
        public int alg() {
            return alg;
        }

        public long counter() {
            return counter;
        }

        public KeyPair keys() {
            return keys;
        }

        /** An independent copy (same id, key and user handle; its own counter). */
        public Credential copy() {
            return new Credential(id, keys, alg, userHandle, rpId, counter);
        }
    }

    private final List<Credential> credentials = new ArrayList<>();
    private boolean userVerification = true;
    private boolean backupEligible;
    private boolean backedUp;
    private boolean rsa;
    private boolean honourExclude = true;
    private long counterStep = 1;
    private int credentialIdLength = 32;
    private String overrideOrigin;
    private String overrideRpId;
    private byte[] overrideUserHandle;
    private String overrideType;
    private Credential nextCreateReuses;
    private Credential nextGetUses;

    // ---- knobs ---------------------------------------------------------------------------------------------

    /** From now on the UV flag is not set (a security key without PIN or biometrics). */
    public SoftAuthenticator withoutUserVerification() {
        userVerification = false;
        return this;
    }

    public SoftAuthenticator withUserVerification() {
        userVerification = true;
        return this;
    }

    /** Sets BE and BS (a synced passkey). */
    public SoftAuthenticator backedUp() {
        backupEligible = true;
        backedUp = true;
        return this;
    }

    /** New credentials are RSA 2048 / RS256 instead of EC P-256 / ES256. */
    public SoftAuthenticator useRsa() {
        rsa = true;
        return this;
    }

    /** How much each assertion adds to the sign count; 0: an authenticator that does not count (always 0). */
    public SoftAuthenticator counterStep(long step) {
        counterStep = step;
        return this;
    }

    /** Sets every held credential's counter (the next assertion reports {@code n + counterStep}). */
    public SoftAuthenticator setCounter(long n) {
        credentials.forEach(c -> c.counter = n);
        return this;
    }

    /** Length in bytes of the ids of new credentials (WebAuthn allows up to 1023). */
    public SoftAuthenticator credentialIdLength(int bytes) {
        if (bytes < 16 || bytes > 1023) {
            throw new IllegalArgumentException("credential id length 16..1023, got " + bytes);
        }
        credentialIdLength = bytes;
        return this;
    }

    /** Writes this origin into clientDataJSON whatever origin the caller passes (null: back to normal). */
    public SoftAuthenticator overrideOrigin(String origin) {
        overrideOrigin = origin;
        return this;
    }

    /** Hashes this relying party id into authenticatorData instead of the options' one (null: back to normal). */
    public SoftAuthenticator overrideRpIdHash(String rpId) {
        overrideRpId = rpId;
        return this;
    }

    /** Puts this user handle (base64url) into assertions instead of the credential's (null: back to normal). */
    public SoftAuthenticator overrideUserHandle(String userHandleB64) {
        overrideUserHandle = userHandleB64 == null ? null : B64D.decode(userHandleB64);
        return this;
    }

    /** Writes this clientDataJSON type instead of webauthn.create / webauthn.get (null: back to normal). */
    public SoftAuthenticator overrideType(String type) {
        overrideType = type;
        return this;
    }

    /** Ignore excludeCredentials (a real authenticator refuses with InvalidStateError, which {@link #create} mimics). */
    public SoftAuthenticator ignoreExcludeCredentials() {
        honourExclude = false;
        return this;
    }

    /** The next {@link #create} registers this existing credential again (same id and key) instead of a new one. */
    public SoftAuthenticator nextCreateReuses(Credential c) {
        nextCreateReuses = c;
        return this;
    }

    /** The next {@link #get} asserts with this credential, whatever allowCredentials says. */
    public SoftAuthenticator nextGetUses(Credential c) {
        nextGetUses = c;
        return this;
    }

    /** Adds a credential exported from another authenticator ({@link Credential#copy()}). */
    public SoftAuthenticator importCredential(Credential c) {
        credentials.add(c);
        return this;
    }

    public List<Credential> credentials() {
        return List.copyOf(credentials);
    }

    /** The most recently created (or imported) credential. */
    public Credential last() {
        return credentials.get(credentials.size() - 1);
    }

    // ---- ceremonies ----------------------------------------------------------------------------------------

    /**
     * {@code navigator.credentials.create} then {@code toJSON()}.
     *
     * @throws IllegalStateException "InvalidStateError": the options exclude a credential held here
     */
    public String create(String optionsJson, String origin) {
        JsonObject o = parse(optionsJson);
        JsonObject rp = o.getJsonObject("rp");
        String rpId = rp != null && rp.containsKey("id") ? rp.getString("id") : URI.create(origin).getHost();
        byte[] userHandle = B64D.decode(o.getJsonObject("user").getString("id"));
        Credential reuse = nextCreateReuses;
        nextCreateReuses = null;
        if (honourExclude && reuse == null && o.containsKey("excludeCredentials")) {
            for (JsonValue v : o.getJsonArray("excludeCredentials")) {
                String id = v.asJsonObject().getString("id");
                if (credentials.stream().anyMatch(c -> c.rpId.equals(rpId) && c.id().equals(id))) {
                    throw new IllegalStateException("InvalidStateError: the authenticator holds an excluded credential");
                }
            }
        }
        Credential c;
        if (reuse != null) {
            c = reuse;
        } else {
            byte[] id = new byte[credentialIdLength];
            RANDOM.nextBytes(id);
            int alg = rsa ? -257 : -7;
            if (rsa && !offers(o, -257) || !rsa && !offers(o, -7)) {
                throw new IllegalStateException("NotSupportedError: the options do not offer alg " + alg);
            }
            c = new Credential(id, newKeyPair(rsa), alg, userHandle, rpId, 0);
            credentials.add(c);
        }
        byte[] clientData = clientData("webauthn.create", o.getString("challenge"), origin);
        ByteArrayOutputStream ad = new ByteArrayOutputStream();
        ad.writeBytes(sha256((overrideRpId != null ? overrideRpId : rpId).getBytes(StandardCharsets.UTF_8)));
        ad.write(flags() | AT);
        ad.writeBytes(ByteBuffer.allocate(4).putInt((int) c.counter).array());
        ad.writeBytes(new byte[16]); // AAGUID: none
        ad.writeBytes(ByteBuffer.allocate(2).putShort((short) c.id.length).array());
        ad.writeBytes(c.id);
        ad.writeBytes(coseKey(c));
        byte[] authData = ad.toByteArray();
        Map<Object, Object> att = new LinkedHashMap<>();
        att.put("fmt", "none");
        att.put("attStmt", Map.of());
        att.put("authData", authData);
        JsonObject response = Json.createObjectBuilder()
                .add("clientDataJSON", B64.encodeToString(clientData))
                .add("attestationObject", B64.encodeToString(Cbor.encode(att)))
                .add("transports", Json.createArrayBuilder().add("internal"))
                .add("authenticatorData", B64.encodeToString(authData))
                .add("publicKey", B64.encodeToString(c.keys.getPublic().getEncoded()))
                .add("publicKeyAlgorithm", c.alg)
                .build();
        return credentialJson(c, response);
    }

    /**
     * {@code navigator.credentials.get} then {@code toJSON()}: with a credential for the options' rpId that
     * allowCredentials lists (any discoverable one when it is empty), the most recent first.
     *
     * @throws IllegalStateException "NotAllowedError": no such credential here
     */
    public String get(String optionsJson, String origin) {
        JsonObject o = parse(optionsJson);
        String rpId = o.containsKey("rpId") ? o.getString("rpId") : URI.create(origin).getHost();
        Credential c = nextGetUses;
        nextGetUses = null;
        if (c == null) {
            List<String> allowed = new ArrayList<>();
            JsonArray allow = o.containsKey("allowCredentials") ? o.getJsonArray("allowCredentials") : JsonValue.EMPTY_JSON_ARRAY;
            allow.forEach(v -> allowed.add(v.asJsonObject().getString("id")));
            for (int i = credentials.size() - 1; i >= 0 && c == null; i--) {
                Credential k = credentials.get(i);
                if (k.rpId.equals(rpId) && (allowed.isEmpty() || allowed.contains(k.id()))) {
                    c = k;
                }
            }
            if (c == null) {
                throw new IllegalStateException("NotAllowedError: no credential for " + rpId);
            }
        }
        c.counter += counterStep;
        byte[] clientData = clientData("webauthn.get", o.getString("challenge"), origin);
        ByteArrayOutputStream ad = new ByteArrayOutputStream();
        ad.writeBytes(sha256((overrideRpId != null ? overrideRpId : rpId).getBytes(StandardCharsets.UTF_8)));
        ad.write(flags());
        ad.writeBytes(ByteBuffer.allocate(4).putInt((int) c.counter).array());
        byte[] authData = ad.toByteArray();
        byte[] signed = concat(authData, sha256(clientData));
        byte[] handle = overrideUserHandle != null ? overrideUserHandle : c.userHandle;
        var response = Json.createObjectBuilder()
                .add("clientDataJSON", B64.encodeToString(clientData))
                .add("authenticatorData", B64.encodeToString(authData))
                .add("signature", B64.encodeToString(sign(c, signed)));
        if (handle != null) {
            response.add("userHandle", B64.encodeToString(handle));
        }
        return credentialJson(c, response.build());
    }

    // ---- parts ---------------------------------------------------------------------------------------------

    private int flags() {
        return UP | (userVerification ? UV : 0) | (backupEligible ? BE : 0) | (backedUp ? BS : 0);
    }

    private byte[] clientData(String type, String challenge, String origin) {
        String json = Json.createObjectBuilder()
                .add("type", overrideType != null ? overrideType : type)
                .add("challenge", challenge)
                .add("origin", overrideOrigin != null ? overrideOrigin : origin)
                .add("crossOrigin", false)
                .build().toString();
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String credentialJson(Credential c, JsonObject response) {
        return Json.createObjectBuilder()
                .add("id", c.id())
                .add("rawId", c.id())
                .add("type", "public-key")
                .add("response", response)
                .add("clientExtensionResults", JsonValue.EMPTY_JSON_OBJECT)
                .add("authenticatorAttachment", "platform")
                .build().toString();
    }

    private static boolean offers(JsonObject options, int alg) {
        if (!options.containsKey("pubKeyCredParams")) {
            return alg == -7;
        }
        return options.getJsonArray("pubKeyCredParams").stream().anyMatch(p -> p.asJsonObject().getInt("alg") == alg);
    }

    private static JsonObject parse(String json) {
        try (var r = Json.createReader(new StringReader(json))) {
            return r.readObject();
        }
    }

    static KeyPair newKeyPair(boolean rsa) {
        try {
            if (rsa) {
                KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
                g.initialize(2048);
                return g.generateKeyPair();
            }
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** COSE_Key: EC2 {1:2, 3:-7, -1:1, -2:x, -3:y} or RSA {1:3, 3:-257, -1:n, -2:e}. */
    static byte[] coseKey(Credential c) {
        Map<Object, Object> k = new LinkedHashMap<>();
        if (c.alg == -7) {
            ECPublicKey pub = (ECPublicKey) c.keys.getPublic();
            k.put(1, 2);
            k.put(3, -7);
            k.put(-1, 1);
            k.put(-2, unsigned(pub.getW().getAffineX(), 32));
            k.put(-3, unsigned(pub.getW().getAffineY(), 32));
        } else {
            RSAPublicKey pub = (RSAPublicKey) c.keys.getPublic();
            k.put(1, 3);
            k.put(3, -257);
            k.put(-1, unsigned(pub.getModulus(), 256));
            k.put(-2, pub.getPublicExponent().toByteArray());
        }
        return Cbor.encode(k);
    }

    private static byte[] unsigned(BigInteger v, int length) {
        byte[] b = v.toByteArray();
        if (b.length == length) {
            return b;
        }
        byte[] out = new byte[length];
        if (b.length > length) { // a leading sign byte
            System.arraycopy(b, b.length - length, out, 0, length);
        } else {
            System.arraycopy(b, 0, out, length - b.length, b.length);
        }
        return out;
    }

    private static byte[] sign(Credential c, byte[] data) {
        try {
            Signature s = Signature.getInstance(c.alg == -7 ? "SHA256withECDSA" : "SHA256withRSA");
            s.initSign(c.keys.getPrivate());
            s.update(data);
            return s.sign(); // ES256: DER, as WebAuthn wants
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    // ---- JSON helpers for tests ----------------------------------------------------------------------------

    /** A field of the options or credential JSON, such as {@code user.id} or {@code response.userHandle}. */
    public static Optional<String> field(String json, String dottedPath) {
        JsonValue v = parse(json);
        for (String part : dottedPath.split("\\.")) {
            if (v.getValueType() != JsonValue.ValueType.OBJECT || !v.asJsonObject().containsKey(part)) {
                return Optional.empty();
            }
            v = v.asJsonObject().get(part);
        }
        return Optional.of(v instanceof jakarta.json.JsonString s ? s.getString() : v.toString());
    }

    /** The ids of an options JSON's {@code excludeCredentials} or {@code allowCredentials}. */
    public static List<String> credentialIds(String optionsJson, String listName) {
        JsonObject o = parse(optionsJson);
        if (!o.containsKey(listName)) {
            return List.of();
        }
        return o.getJsonArray(listName).stream().map(v -> v.asJsonObject().getString("id")).toList();
    }

    /** {@code json} with one top-level or {@code response.*} string field replaced. */
    public static String withField(String credentialJson, String dottedPath, String value) {
        JsonObject o = parse(credentialJson);
        String[] parts = dottedPath.split("\\.", 2);
        if (parts.length == 1) {
            return Json.createObjectBuilder(o).add(parts[0], value).build().toString();
        }
        JsonObject inner = Json.createObjectBuilder(o.getJsonObject(parts[0])).add(parts[1], value).build();
        return Json.createObjectBuilder(o).add(parts[0], inner).build().toString();
    }

    // ---- CBOR ----------------------------------------------------------------------------------------------

    /** The CBOR WebAuthn needs: maps (insertion order), int and text keys, ints, byte and text strings. */
    static final class Cbor {
        private Cbor() {
        }

        static byte[] encode(Object value) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            write(out, value);
            return out.toByteArray();
        }

        private static void write(ByteArrayOutputStream out, Object v) {
            if (v instanceof Integer i) {
                v = i.longValue();
            }
            if (v instanceof Long n) {
                if (n >= 0) {
                    head(out, 0, n);
                } else {
                    head(out, 1, -1 - n);
                }
            } else if (v instanceof byte[] b) {
                head(out, 2, b.length);
                out.writeBytes(b);
            } else if (v instanceof String s) {
                byte[] b = s.getBytes(StandardCharsets.UTF_8);
                head(out, 3, b.length);
                out.writeBytes(b);
            } else if (v instanceof List<?> l) {
                head(out, 4, l.size());
                l.forEach(e -> write(out, e));
            } else if (v instanceof Map<?, ?> m) {
                head(out, 5, m.size());
                m.forEach((k, e) -> {
                    write(out, k);
                    write(out, e);
                });
            } else {
                throw new IllegalArgumentException("CBOR: " + v);
            }
        }

        private static void head(ByteArrayOutputStream out, int major, long n) {
            int m = major << 5;
            if (n < 24) {
                out.write(m | (int) n);
            } else if (n < 0x100) {
                out.write(m | 24);
                out.write((int) n);
            } else if (n < 0x10000) {
                out.write(m | 25);
                out.writeBytes(ByteBuffer.allocate(2).putShort((short) n).array());
            } else if (n < 0x100000000L) {
                out.write(m | 26);
                out.writeBytes(ByteBuffer.allocate(4).putInt((int) n).array());
            } else {
                out.write(m | 27);
                out.writeBytes(ByteBuffer.allocate(8).putLong(n).array());
            }
        }
    }
}
