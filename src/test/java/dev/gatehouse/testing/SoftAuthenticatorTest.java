package dev.gatehouse.testing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.webauthn4j.WebAuthnManager;
import com.webauthn4j.credential.CredentialRecordImpl;
import com.webauthn4j.data.AuthenticationData;
import com.webauthn4j.data.AuthenticationParameters;
import com.webauthn4j.data.PublicKeyCredentialParameters;
import com.webauthn4j.data.PublicKeyCredentialType;
import com.webauthn4j.data.RegistrationData;
import com.webauthn4j.data.RegistrationParameters;
import com.webauthn4j.data.attestation.statement.COSEAlgorithmIdentifier;
import com.webauthn4j.data.client.Origin;
import com.webauthn4j.data.client.challenge.DefaultChallenge;
import com.webauthn4j.server.ServerProperty;
import com.webauthn4j.verifier.exception.BadOriginException;
import com.webauthn4j.verifier.exception.BadRpIdException;
import com.webauthn4j.verifier.exception.MaliciousCounterValueException;
import com.webauthn4j.verifier.exception.UserNotVerifiedException;
import jakarta.json.Json;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The software authenticator checked against webauthn4j directly, so the passkey suites can trust it. */
class SoftAuthenticatorTest {

    static final String RP = "app.example.test";
    static final String ORIGIN = "https://app.example.test";
    static final WebAuthnManager WEBAUTHN = WebAuthnManager.createNonStrictWebAuthnManager();
    static final SecureRandom RANDOM = new SecureRandom();

    /** One side of a ceremony: the options JSON as the core makes it, and the challenge for the server property. */
    record Ceremony(String json, byte[] challenge) {
    }

    static byte[] random(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    static String b64(byte[] b) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    static Ceremony creation(byte[] userHandle, List<String> exclude) {
        byte[] challenge = random(32);
        var excl = Json.createArrayBuilder();
        exclude.forEach(id -> excl.add(Json.createObjectBuilder().add("type", "public-key").add("id", id)));
        String json = Json.createObjectBuilder()
                .add("challenge", b64(challenge))
                .add("rp", Json.createObjectBuilder().add("id", RP).add("name", "Gatehouse"))
                .add("user", Json.createObjectBuilder().add("id", b64(userHandle)).add("name", "ada@example.com")
                        .add("displayName", "ada@example.com"))
                .add("pubKeyCredParams", Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("type", "public-key").add("alg", -7))
                        .add(Json.createObjectBuilder().add("type", "public-key").add("alg", -257)))
                .add("excludeCredentials", excl)
                .add("authenticatorSelection", Json.createObjectBuilder().add("residentKey", "required")
                        .add("requireResidentKey", true).add("userVerification", "required"))
                .add("attestation", "none")
                .add("timeout", 300000)
                .build().toString();
        return new Ceremony(json, challenge);
    }

    static Ceremony request(List<String> allow) {
        byte[] challenge = random(32);
        var al = Json.createArrayBuilder();
        allow.forEach(id -> al.add(Json.createObjectBuilder().add("type", "public-key").add("id", id)));
        String json = Json.createObjectBuilder()
                .add("challenge", b64(challenge))
                .add("rpId", RP)
                .add("timeout", 300000)
                .add("userVerification", "required")
                .add("allowCredentials", al)
                .build().toString();
        return new Ceremony(json, challenge);
    }

    static ServerProperty server(Ceremony c) {
        return ServerProperty.builder().origin(new Origin(ORIGIN)).rpId(RP).challenge(new DefaultChallenge(c.challenge())).build();
    }

    static CredentialRecordImpl register(String json, Ceremony c) {
        RegistrationData d = WEBAUTHN.verifyRegistrationResponseJSON(json, new RegistrationParameters(server(c),
                List.of(new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.ES256),
                        new PublicKeyCredentialParameters(PublicKeyCredentialType.PUBLIC_KEY, COSEAlgorithmIdentifier.RS256)),
                true, true));
        return new CredentialRecordImpl(d.getAttestationObject(), d.getCollectedClientData(), d.getClientExtensions(),
                d.getTransports());
    }

    static AuthenticationData authenticate(String json, Ceremony c, CredentialRecordImpl record) {
        AuthenticationData d = WEBAUTHN.verifyAuthenticationResponseJSON(json,
                new AuthenticationParameters(server(c), record, null, true, true));
        record.setCounter(d.getAuthenticatorData().getSignCount());
        return d;
    }

    @Test
    void anEs256PasskeyRegistersAndSignsInDiscoverablyWithAGrowingCounter() {
        SoftAuthenticator a = new SoftAuthenticator();
        byte[] handle = random(32);
        Ceremony reg = creation(handle, List.of());
        CredentialRecordImpl record = register(a.create(reg.json(), ORIGIN), reg);
        assertArrayEquals(a.last().rawId(), record.getAttestedCredentialData().getCredentialId());
        assertEquals(0, record.getCounter());
        assertTrue(record.isUvInitialized());
        Ceremony get = request(List.of());
        String assertion = a.get(get.json(), ORIGIN);
        AuthenticationData d = authenticate(assertion, get, record);
        assertArrayEquals(handle, d.getUserHandle());
        assertEquals(1, d.getAuthenticatorData().getSignCount());
        assertEquals(b64(handle), SoftAuthenticator.field(assertion, "response.userHandle").orElseThrow());
        Ceremony again = request(List.of(a.last().id()));
        assertEquals(2, authenticate(a.get(again.json(), ORIGIN), again, record).getAuthenticatorData().getSignCount());
        assertEquals("[\"internal\"]", SoftAuthenticator.field(a.create(creation(random(32), List.of()).json(), ORIGIN),
                "response.transports").orElseThrow());
    }

    @Test
    void anRs256PasskeyAndABackedUpOneVerify() {
        SoftAuthenticator a = new SoftAuthenticator().useRsa().backedUp();
        Ceremony reg = creation(random(16), List.of());
        CredentialRecordImpl record = register(a.create(reg.json(), ORIGIN), reg);
        assertEquals(-257, a.last().alg());
        assertTrue(record.isBackedUp());
        Ceremony get = request(List.of());
        authenticate(a.get(get.json(), ORIGIN), get, record);
    }

    @Test
    void aCredentialIdOf1023BytesVerifies() {
        SoftAuthenticator a = new SoftAuthenticator().credentialIdLength(1023);
        Ceremony reg = creation(random(32), List.of());
        CredentialRecordImpl record = register(a.create(reg.json(), ORIGIN), reg);
        assertEquals(1023, record.getAttestedCredentialData().getCredentialId().length);
        Ceremony get = request(List.of(a.last().id()));
        authenticate(a.get(get.json(), ORIGIN), get, record);
    }

    @Test
    void withoutUserVerificationBothCeremoniesFailWhereUvIsRequired() {
        SoftAuthenticator a = new SoftAuthenticator();
        Ceremony reg = creation(random(32), List.of());
        CredentialRecordImpl record = register(a.create(reg.json(), ORIGIN), reg);
        a.withoutUserVerification();
        Ceremony reg2 = creation(random(32), List.of());
        String noUv = a.create(reg2.json(), ORIGIN);
        assertThrows(UserNotVerifiedException.class, () -> register(noUv, reg2));
        Ceremony get = request(List.of(a.credentials().get(0).id()));
        String assertion = a.get(get.json(), ORIGIN);
        assertThrows(UserNotVerifiedException.class, () -> authenticate(assertion, get, record));
    }

    @Test
    void aWrongOriginOrRelyingPartyFails() {
        SoftAuthenticator a = new SoftAuthenticator();
        Ceremony reg = creation(random(32), List.of());
        CredentialRecordImpl record = register(a.create(reg.json(), ORIGIN), reg);
        Ceremony get = request(List.of());
        String otherOrigin = a.overrideOrigin("https://evil.example.test").get(get.json(), ORIGIN);
        assertThrows(BadOriginException.class, () -> authenticate(otherOrigin, get, record));
        a.overrideOrigin(null).overrideRpIdHash("evil.example.test");
        Ceremony get2 = request(List.of());
        String otherRp = a.get(get2.json(), ORIGIN);
        assertThrows(BadRpIdException.class, () -> authenticate(otherRp, get2, record));
        Ceremony reg2 = creation(random(32), List.of());
        String otherRpReg = a.create(reg2.json(), ORIGIN);
        assertThrows(BadRpIdException.class, () -> register(otherRpReg, reg2));
    }

    @Test
    void aCounterThatGoesBackwardsFailsAndAZeroCounterPasses() {
        SoftAuthenticator a = new SoftAuthenticator().counterStep(5);
        Ceremony reg = creation(random(32), List.of());
        CredentialRecordImpl record = register(a.create(reg.json(), ORIGIN), reg);
        Ceremony get = request(List.of());
        authenticate(a.get(get.json(), ORIGIN), get, record);
        assertEquals(5, record.getCounter());
        a.setCounter(1).counterStep(1);
        Ceremony back = request(List.of());
        String regressed = a.get(back.json(), ORIGIN);
        assertThrows(MaliciousCounterValueException.class, () -> authenticate(regressed, back, record));

        SoftAuthenticator zero = new SoftAuthenticator().counterStep(0);
        Ceremony reg0 = creation(random(32), List.of());
        CredentialRecordImpl record0 = register(zero.create(reg0.json(), ORIGIN), reg0);
        for (int i = 0; i < 2; i++) {
            Ceremony g = request(List.of());
            assertEquals(0, authenticate(zero.get(g.json(), ORIGIN), g, record0).getAuthenticatorData().getSignCount());
        }
    }

    @Test
    void excludedCredentialsAreRefusedUnlessACredentialIsReusedOnPurpose() {
        SoftAuthenticator a = new SoftAuthenticator();
        byte[] handle = random(32);
        a.create(creation(handle, List.of()).json(), ORIGIN);
        SoftAuthenticator.Credential first = a.last();
        assertThrows(IllegalStateException.class, () -> a.create(creation(handle, List.of(first.id())).json(), ORIGIN));
        Ceremony reg = creation(random(32), List.of(first.id()));
        String again = a.nextCreateReuses(first).create(reg.json(), ORIGIN);
        assertEquals(first.id(), SoftAuthenticator.field(again, "id").orElseThrow());
        assertArrayEquals(first.rawId(), register(again, reg).getAttestedCredentialData().getCredentialId());
    }

    @Test
    void anExportedCredentialSignsFromAnotherAuthenticatorWithAnotherUserHandle() {
        SoftAuthenticator a = new SoftAuthenticator();
        Ceremony reg = creation(random(32), List.of());
        CredentialRecordImpl record = register(a.create(reg.json(), ORIGIN), reg);
        SoftAuthenticator b = new SoftAuthenticator().importCredential(a.last().copy());
        String otherHandle = b64(random(32));
        Ceremony get = request(List.of());
        String assertion = b.overrideUserHandle(otherHandle).get(get.json(), ORIGIN);
        assertEquals(otherHandle, SoftAuthenticator.field(assertion, "response.userHandle").orElseThrow());
        authenticate(assertion, get, record); // the signature is the credential's; only the server can tell the handle is wrong
    }
}
