package dev.gatehouse.internal.passkey;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.converter.AttestedCredentialDataConverter;
import com.webauthn4j.converter.util.ObjectConverter;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.AuthenticatorTransport;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.authenticator.AttestedCredentialData;
import com.webauthn4j.data.attestation.authenticator.AuthenticatorData;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.attestation.statement.NoneAttestationStatement;
import com.webauthn4j.data.client.CollectedClientData;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import com.webauthn4j.verifier.exception.VerificationException;
import dev.gatehouse.GatehouseUnavailableException;
import dev.gatehouse.config.AuthSettings;
import dev.gatehouse.internal.crypto.SecureTokens;
import dev.gatehouse.internal.persistence.Clocks;
import dev.gatehouse.internal.persistence.PasskeyChallengeEntity;
import dev.gatehouse.internal.persistence.PasskeyEntity;
import dev.gatehouse.internal.persistence.PasskeyRepository;
import dev.gatehouse.internal.persistence.Transactions;
import dev.gatehouse.passkey.Passkey;
import dev.gatehouse.passkey.PasskeyOptions;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The WebAuthn ceremonies on webauthn4j: options with a fresh single-use challenge (stored as its SHA-256,
 * redeemed by one guarded delete), verification of registration and assertion responses against the
 * configured relying party, and the stored credentials. User verification is always required.
 */
public final class PasskeyCeremonies {

    /** What a challenge is for; a challenge redeems only for its own purpose. */
    public enum Purpose {
        REGISTER("register"), SIGN_IN("sign_in"), REAUTH("reauth"), SIGN_UP("sign_up");

        final String wire;

        Purpose(String wire) {
            this.wire = wire;
        }
    }

    /** A ceremony that did not verify: why (for the audit trail, never shown) and whose credential it named, if known. */
    public static final class Failed extends RuntimeException {
        private final String reason;
        private final String userId;

        Failed(String reason, String userId) {
            super(reason, null, false, false);
            this.reason = reason;
            this.userId = userId;
        }

        public String reason() {
            return reason;
        }

        /** The user whose credential or ceremony it was, or null when unknown. */
        public String userId() {
            return userId;
        }
    }

    /** A verified registration, not stored yet: the redeemed challenge and what to store. */
    public record Registration(PasskeyChallengeEntity challenge, PasskeyEntity row) {
    }

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getUrlDecoder();
    private static final List<PublicKeyCredentialParameters> ALGORITHMS = List.of(
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
            new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256));
    static final int MAX_CREDENTIAL_ID_BYTES = 1023;
    static final int MAX_NAME = 64;

    private final Transactions tx;
    private final Clock clock;
    private final AuthSettings settings;
    private final String rpId;
    private final Set<Origin> origins;
    private final WebAuthnManager webAuthn;
    private final AttestedCredentialDataConverter credentialData;
    private final PasskeyRepository rows = new PasskeyRepository();

    public PasskeyCeremonies(Transactions tx, AuthSettings settings, Clock clock) {
        this.tx = tx;
        this.clock = clock;
        this.settings = settings;
        String publicBaseUrl = settings.links().publicBaseUrl();
        this.rpId = settings.passkeys().rpId(publicBaseUrl);
        this.origins = settings.passkeys().origins(publicBaseUrl).stream().map(Origin::new).collect(Collectors.toUnmodifiableSet());
        ObjectConverter json = new ObjectConverter();
        this.webAuthn = WebAuthnManager.createNonStrictWebAuthnManager(json);
        this.credentialData = new AttestedCredentialDataConverter(json);
    }

    /** Whether passkeys can be used: switched on and a relying party configured. */
    public boolean available() {
        return settings.passkeys().enablePasskeys() && rpId != null && !origins.isEmpty();
    }

    /** @throws GatehouseUnavailableException {@code passkeys_unavailable} unless {@link #available()} */
    public void requireAvailable() {
        if (!available()) {
            throw GatehouseUnavailableException.passkeysUnavailable();
        }
    }

    /** A new random user handle (32 bytes, base64url): never derived from the user id or email. */
    public static String newUserHandle() {
        return B64.encodeToString(SecureTokens.randomBytes(32));
    }

    /** Whether the user has a passkey. */
    public boolean hasPasskey(String userId) {
        return userId != null && tx.inTransaction(em -> rows.countOf(em, userId)) > 0;
    }

    /** The user's passkeys, oldest first. */
    public List<PasskeyEntity> of(String userId) {
        return tx.inTransaction(em -> rows.ofUser(em, userId));
    }

    /**
     * Creation options: the user's handle and names, their existing credentials excluded, a discoverable
     * credential with user verification, attestation none, ES256 and RS256.
     *
     * @param existing the user's passkeys (excluded; their handle is reused)
     */
    public PasskeyOptions creationOptions(Purpose purpose, String userId, String userHandle, String name,
                                          List<PasskeyEntity> existing, String email, String username) {
        requireAvailable();
        String handle = existing.isEmpty() ? userHandle : existing.get(0).userHandle;
        Issued c = issue(purpose, userId, handle, email, username);
        JsonArrayBuilder algs = Json.createArrayBuilder();
        for (PublicKeyCredentialParameters p : ALGORITHMS) {
            algs.add(Json.createObjectBuilder().add("type", "public-key").add("alg", p.getAlg().getValue()));
        }
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("challenge", c.challenge())
                .add("rp", Json.createObjectBuilder().add("id", rpId).add("name", settings.passkeys().passkeyRpName()))
                .add("user", Json.createObjectBuilder().add("id", handle).add("name", name).add("displayName", name))
                .add("pubKeyCredParams", algs)
                .add("timeout", settings.passkeys().passkeyChallengeSeconds() * 1000)
                .add("excludeCredentials", descriptors(existing))
                .add("authenticatorSelection", Json.createObjectBuilder().add("residentKey", "required")
                        .add("requireResidentKey", true).add("userVerification", "required"))
                .add("attestation", "none")
                .add("hints", Json.createArrayBuilder())
                .add("extensions", Json.createObjectBuilder().add("credProps", true));
        return new PasskeyOptions(o.build().toString(), c.expiresAt());
    }

    /** Request options (sign-in, re-authentication): {@code allowed} empty asks for any discoverable credential. */
    public PasskeyOptions requestOptions(Purpose purpose, String userId, List<PasskeyEntity> allowed) {
        requireAvailable();
        Issued c = issue(purpose, userId, null, null, null);
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("challenge", c.challenge())
                .add("rpId", rpId)
                .add("timeout", settings.passkeys().passkeyChallengeSeconds() * 1000)
                .add("userVerification", "required")
                .add("allowCredentials", descriptors(allowed));
        return new PasskeyOptions(o.build().toString(), c.expiresAt());
    }

    private static JsonArrayBuilder descriptors(List<PasskeyEntity> credentials) {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (PasskeyEntity p : credentials) {
            JsonObjectBuilder d = Json.createObjectBuilder().add("type", "public-key").add("id", p.credentialId);
            if (p.transports != null && !p.transports.isEmpty()) {
                JsonArrayBuilder t = Json.createArrayBuilder();
                Arrays.stream(p.transports.split(",")).forEach(t::add);
                d.add("transports", t);
            }
            a.add(d);
        }
        return a;
    }

    private record Issued(String challenge, Instant expiresAt) {
    }

    private Issued issue(Purpose purpose, String userId, String handle, String email, String username) {
        byte[] raw = SecureTokens.randomBytes(32);
        Instant now = Clocks.now(clock);
        PasskeyChallengeEntity c = new PasskeyChallengeEntity();
        c.challengeSha256 = SecureTokens.sha256Hex(B64.encodeToString(raw));
        c.purpose = purpose.wire;
        c.userId = userId;
        c.userHandle = handle;
        c.email = email;
        c.username = username;
        c.createdAt = now;
        c.expiresAt = now.plusSeconds(settings.passkeys().passkeyChallengeSeconds());
        tx.run(em -> {
            rows.deleteExpiredChallenges(em, now);
            rows.insertChallenge(em, c);
        });
        return new Issued(B64.encodeToString(raw), c.expiresAt);
    }

    /**
     * Redeems the challenge the client data names, once: of concurrent redemptions exactly one gets the row.
     *
     * @throws Failed {@code challenge}: unknown, used, expired, or for another purpose
     */
    private PasskeyChallengeEntity redeem(CollectedClientData clientData, Purpose purpose) {
        if (clientData == null || clientData.getChallenge() == null) {
            throw new Failed("malformed", null);
        }
        String hash = SecureTokens.sha256Hex(B64.encodeToString(clientData.getChallenge().getValue()));
        Instant now = Clocks.now(clock);
        PasskeyChallengeEntity c = tx.inTransaction(em -> {
            PasskeyChallengeEntity row = rows.challenge(em, hash);
            return row != null && rows.redeemChallenge(em, hash, purpose.wire, now) == 1 ? row : null;
        });
        if (c == null) {
            throw new Failed("challenge", null);
        }
        return c;
    }

    /**
     * Verifies a registration response against its challenge (redeemed whatever the outcome) and returns the row
     * to store; the caller stores it.
     *
     * @param userId the user the challenge must belong to, or null for a sign-up (the challenge holds the handle)
     * @throws Failed why it is not acceptable ({@code malformed}, {@code challenge}, {@code user_verification},
     *                {@code origin}, {@code rp_id}, {@code algorithm}, {@code credential_id}, {@code verification})
     */
    public Registration verifyRegistration(String credentialJson, Purpose purpose, String userId, String name) {
        requireAvailable();
        RegistrationData data;
        try {
            data = webAuthn.parseRegistrationResponseJSON(credentialJson);
        } catch (RuntimeException e) {
            throw new Failed("malformed", userId);
        }
        PasskeyChallengeEntity c = redeem(data.getCollectedClientData(), purpose);
        if (userId != null && !userId.equals(c.userId)) {
            throw new Failed("challenge", userId); // another user's registration challenge
        }
        try {
            webAuthn.verify(data, new RegistrationParameters(serverProperty(data.getCollectedClientData()), ALGORITHMS, true, true));
        } catch (VerificationException e) {
            throw new Failed(reason(e), userId);
        } catch (RuntimeException e) {
            throw new Failed("verification", userId);
        }
        AuthenticatorData<?> auth = data.getAttestationObject().getAuthenticatorData();
        AttestedCredentialData acd = auth.getAttestedCredentialData();
        byte[] credentialId = acd.getCredentialId();
        if (credentialId.length == 0 || credentialId.length > MAX_CREDENTIAL_ID_BYTES) {
            throw new Failed("credential_id", userId);
        }
        PasskeyEntity row = new PasskeyEntity();
        row.id = SecureTokens.newId();
        row.userId = userId;
        row.credentialId = B64.encodeToString(credentialId);
        row.credentialSha256 = sha256Hex(credentialId);
        row.userHandle = c.userHandle;
        row.credentialData = B64.encodeToString(credentialData.convert(acd));
        row.signCount = auth.getSignCount();
        row.uvInitialized = auth.isFlagUV();
        row.backupEligible = auth.isFlagBE();
        row.backupState = auth.isFlagBS();
        Set<AuthenticatorTransport> transports = data.getTransports();
        row.transports = transports == null || transports.isEmpty() ? null
                : clip(transports.stream().map(AuthenticatorTransport::getValue).sorted().collect(Collectors.joining(",")), 200);
        row.name = name(name);
        row.createdAt = Clocks.now(clock);
        return new Registration(c, row);
    }

    /** Whether a credential with this raw id (base64url) is registered to anyone. */
    public boolean registered(PasskeyEntity row) {
        return tx.inTransaction(em -> rows.byCredential(em, row.credentialSha256)).isPresent();
    }

    /**
     * Verifies an assertion: redeems its challenge, finds the credential, checks the user handle, signature,
     * origin, relying party, user verification and sign count, and records the use (a guarded update, so a
     * replay racing the original loses).
     *
     * @param userId the user the assertion must be from (re-authentication), or null for a sign-in (then the
     *               user the options were made for, if any: the second step of a password sign-in)
     * @return the passkey used, after its use was recorded
     * @throws Failed why not ({@code malformed}, {@code challenge}, {@code unknown_credential}, {@code wrong_user},
     *                {@code user_handle}, {@code counter_regression}, {@code user_verification}, {@code origin},
     *                {@code rp_id}, {@code signature}, {@code verification})
     */
    public PasskeyEntity verifyAssertion(String credentialJson, Purpose purpose, String userId) {
        requireAvailable();
        AuthenticationData data;
        try {
            data = webAuthn.parseAuthenticationResponseJSON(credentialJson);
        } catch (RuntimeException e) {
            throw new Failed("malformed", userId);
        }
        PasskeyChallengeEntity c = redeem(data.getCollectedClientData(), purpose);
        if (userId != null && !userId.equals(c.userId)) {
            throw new Failed("challenge", userId); // a challenge issued for another user's ceremony
        }
        String expected = userId != null ? userId : c.userId; // a sign-in's second step names its user
        byte[] credentialId = data.getCredentialId();
        if (credentialId == null || credentialId.length == 0 || credentialId.length > MAX_CREDENTIAL_ID_BYTES) {
            throw new Failed("malformed", userId);
        }
        PasskeyEntity row = tx.inTransaction(em -> rows.byCredential(em, sha256Hex(credentialId))).orElse(null);
        if (row == null) {
            throw new Failed("unknown_credential", userId);
        }
        if (expected != null && !expected.equals(row.userId)) {
            throw new Failed("wrong_user", expected);
        }
        byte[] handle = data.getUserHandle();
        if (handle != null && handle.length > 0
                && !MessageDigest.isEqual(handle, B64D.decode(row.userHandle))) {
            throw new Failed("user_handle", row.userId);
        }
        AttestedCredentialData acd = credentialData.convert(B64D.decode(row.credentialData));
        CredentialRecordImpl record = new CredentialRecordImpl(new NoneAttestationStatement(), row.uvInitialized,
                row.backupEligible, row.backupState, row.signCount, acd, null, null, null, null);
        try {
            webAuthn.verify(data, new AuthenticationParameters(serverProperty(data.getCollectedClientData()), record,
                    List.of(credentialId), true, true));
        } catch (VerificationException e) {
            throw new Failed(reason(e), row.userId);
        } catch (RuntimeException e) {
            throw new Failed("verification", row.userId);
        }
        long count = data.getAuthenticatorData().getSignCount();
        if (!(count > row.signCount || (count == 0 && row.signCount == 0))) {
            throw new Failed("counter_regression", row.userId);
        }
        Instant now = Clocks.now(clock);
        int recorded = tx.inTransaction(em -> rows.recordUse(em, row.id, row.signCount, count, now));
        if (recorded != 1) {
            throw new Failed("counter_regression", row.userId); // a racing use of the same count got there first
        }
        row.signCount = count;
        row.lastUsedAt = now;
        return row;
    }

    /**
     * The relying party's expectations for one ceremony. The challenge is stored only as a hash; the bytes come
     * from the client data, whose hash matched the stored one, and webauthn4j compares them again.
     */
    private ServerProperty serverProperty(CollectedClientData clientData) {
        return new ServerProperty(origins, rpId, new DefaultChallenge(clientData.getChallenge().getValue()));
    }

    private static String reason(VerificationException e) {
        if (e instanceof MaliciousCounterValueException) {
            return "counter_regression";
        }
        if (e instanceof UserNotVerifiedException) {
            return "user_verification";
        }
        String n = e.getClass().getSimpleName();
        return switch (n) {
            case "BadOriginException", "CrossOriginException", "BadTopOriginException" -> "origin";
            case "BadRpIdException" -> "rp_id";
            case "BadChallengeException", "MissingChallengeException" -> "challenge";
            case "BadSignatureException" -> "signature";
            case "NotAllowedAlgorithmException" -> "algorithm";
            case "UserNotPresentException" -> "user_presence";
            case "InconsistentClientDataTypeException" -> "client_data_type";
            default -> "verification";
        };
    }

    /** Maps a stored row to what its owner sees. */
    public static Passkey view(PasskeyEntity p) {
        return new Passkey(p.id, p.name, p.createdAt, p.lastUsedAt, p.backupState,
                p.transports == null || p.transports.isEmpty() ? List.of() : List.of(p.transports.split(",")));
    }

    /** A passkey's label: the given one cleaned, or "Passkey" and the date. */
    String name(String given) {
        Optional<String> n = cleanName(given);
        return n.orElse("Passkey " + LocalDate.ofInstant(Clocks.now(clock), ZoneOffset.UTC));
    }

    /** Strips the name; empty when blank. @throws IllegalArgumentException too long or with control characters */
    static Optional<String> cleanName(String given) {
        if (given == null || given.isBlank()) {
            return Optional.empty();
        }
        String n = given.strip();
        if (n.length() > MAX_NAME || n.chars().anyMatch(ch -> Character.isISOControl(ch)
                || Character.getType(ch) == Character.FORMAT)) {
            throw new IllegalArgumentException("A passkey's name must be at most " + MAX_NAME
                    + " characters without control characters.");
        }
        return Optional.of(n);
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    static String sha256Hex(byte[] raw) {
        return java.util.HexFormat.of().formatHex(SecureTokens.sha256(raw));
    }
}
