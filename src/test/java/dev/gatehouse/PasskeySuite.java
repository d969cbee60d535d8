package dev.gatehouse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.gatehouse.account.AccountDisabledException;
import dev.gatehouse.account.InvalidCredentialsException;
import dev.gatehouse.account.SignInResult;
import dev.gatehouse.audit.EventType;
import dev.gatehouse.audit.Outcome;
import dev.gatehouse.audit.SecurityEvent;
import dev.gatehouse.mfa.Factor;
import dev.gatehouse.mfa.TotpEnrolment;
import dev.gatehouse.passkey.InvalidPasskeyException;
import dev.gatehouse.passkey.LastSignInMethodException;
import dev.gatehouse.passkey.Passkey;
import dev.gatehouse.passkey.PasskeyOptions;
import dev.gatehouse.passkey.PasskeyRejectedException;
import dev.gatehouse.passkey.PasskeyService;
import dev.gatehouse.session.ResolvedSession;
import dev.gatehouse.testing.SoftAuthenticator;
import dev.gatehouse.testing.TotpCodes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * Passkeys through the public API with a software authenticator: registration, discoverable sign-in, what the
 * ceremonies refuse (origin, relying party, user verification, counter, replay, another user's credential,
 * expiry), re-authentication, password-less accounts.
 */
public abstract class PasskeySuite extends DatabaseSuite {

    static final String PW = "tangerine-otter-42";
    static final String BASE = "https://app.example.test";
    static final String RP = "app.example.test";
    static final String ORIGIN = "https://app.example.test";
    static final Base64.Decoder B64D = Base64.getUrlDecoder();

    /** Gatehouse with the relying party app.example.test (from publicBaseUrl). */
    Gatehouse g;

    @BeforeEach
    void relyingParty() {
        g = gh(b -> b.publicBaseUrl(BASE));
    }

    SignInResult signUp(String email) {
        return g.auth().signUp(email, null, PW, null, null);
    }

    /** A user with a password and no session. */
    String user(String email) {
        String id = signUp(email).user().id();
        g.sessions().revokeAll(id);
        return id;
    }

    Passkey register(String userId, SoftAuthenticator a) {
        return g.passkeys().register(userId, a.create(g.passkeys().registrationOptions(userId).json(), ORIGIN), null,
                "10.0.0.1", "ua");
    }

    /** A discoverable sign-in's assertion (no email typed). */
    String assertion(SoftAuthenticator a) {
        return a.get(g.passkeys().signInOptions(null, null).json(), ORIGIN);
    }

    SignInResult signIn(String assertionJson) {
        return g.auth().signInWithPasskey(assertionJson, null, "ua", null);
    }

    SignInResult signIn(SoftAuthenticator a) {
        return signIn(assertion(a));
    }

    ResolvedSession resolve(SignInResult r) {
        return g.sessions().resolve(r.cookie().value(), false).orElseThrow();
    }

    List<SecurityEvent> events(String userId, EventType type) {
        return g.audit().forUser(userId, 100, null).events().stream().filter(e -> e.type() == type).toList();
    }

    /** The reason of the user's latest refused event of this type (the audit trail says why; the caller does not). */
    String lastFailure(String userId, EventType type) {
        return g.audit().forUser(userId, 100, null).events().stream()
                .filter(e -> e.type() == type && e.outcome() == Outcome.FAILURE)
                .findFirst().map(e -> e.details().get("reason")).orElse("(none)");
    }

    long sessionsOf(String userId) {
        return count("SELECT COUNT(*) FROM sessions WHERE user_id = '" + userId + "'");
    }

    static String handleOf(String optionsJson) {
        return SoftAuthenticator.field(optionsJson, "user.id").orElseThrow();
    }

    static <T extends AuthException> T refused(Class<T> type, String code, Executable call) {
        T e = assertThrows(type, call);
        assertEquals(code, e.code().wire());
        return e;
    }

    static void invalid(Executable call) {
        refused(InvalidPasskeyException.class, "invalid_passkey", call);
    }

    static void rejected(Executable call) {
        refused(PasskeyRejectedException.class, "passkey_rejected", call);
    }

    // ---- registration and sign-in -------------------------------------------------------------------------

    @Test
    void aRegisteredPasskeySignsInDiscoverablyWithThePasskeyFactor() {
        String ada = user("ada@example.com");
        SoftAuthenticator a = new SoftAuthenticator();
        String options = g.passkeys().registrationOptions(ada).json();
        assertEquals(RP, SoftAuthenticator.field(options, "rp.id").orElseThrow());
        assertEquals("required", SoftAuthenticator.field(options, "authenticatorSelection.userVerification").orElseThrow());
        assertEquals("required", SoftAuthenticator.field(options, "authenticatorSelection.residentKey").orElseThrow());
        assertEquals("none", SoftAuthenticator.field(options, "attestation").orElseThrow());
        String algs = SoftAuthenticator.field(options, "pubKeyCredParams").orElseThrow();
        assertTrue(algs.contains("-7") && algs.contains("-257"), algs);
        Passkey p = g.passkeys().register(ada, a.create(options, ORIGIN), null, "10.0.0.1", "ua");
        assertFalse(p.name().isBlank());
        assertEquals(List.of("internal"), p.transports());
        assertFalse(p.backedUp());
        assertNull(p.lastUsedAt());
        assertEquals(CLOCK.instant(), p.createdAt());
        assertEquals(1, events(ada, EventType.PASSKEY_REGISTERED).size());

        String signInOptions = g.passkeys().signInOptions(null, null).json();
        assertEquals(List.of(), SoftAuthenticator.credentialIds(signInOptions, "allowCredentials"), "discoverable");
        assertEquals(RP, SoftAuthenticator.field(signInOptions, "rpId").orElseThrow());
        assertEquals("required", SoftAuthenticator.field(signInOptions, "userVerification").orElseThrow());
        CLOCK.advance(Duration.ofSeconds(5));
        SignInResult r = signIn(a.get(signInOptions, ORIGIN));
        assertTrue(r.signedIn());
        assertFalse(r.mfaRequired());
        ResolvedSession s = resolve(r);
        assertEquals(ada, s.user().id());
        assertEquals(Set.of(Factor.PASSKEY), s.authentication().factors());
        assertTrue(s.authentication().recent());
        List<SecurityEvent> signIns = events(ada, EventType.SIGN_IN).stream()
                .filter(e -> "passkey".equals(e.details().get("factor"))).toList();
        assertEquals(1, signIns.size(), events(ada, EventType.SIGN_IN).toString());
        assertEquals(Outcome.SUCCESS, signIns.get(0).outcome());
        assertEquals("passkey", signIns.get(0).details().get("factor"));
        assertEquals(CLOCK.instant(), g.passkeys().list(ada).get(0).lastUsedAt());
    }

    @Test
    void secondStepOptionsListOnlyThatUsersCredentials() {
        String ada = user("ada@example.com");
        String bob = user("bob@example.com");
        SoftAuthenticator a = new SoftAuthenticator();
        register(ada, a);
        register(bob, new SoftAuthenticator());
        String options = g.passkeys().signInOptions(ada, null).json();
        assertEquals(List.of(a.last().id()), SoftAuthenticator.credentialIds(options, "allowCredentials"));
        assertEquals(ada, resolve(signIn(a.get(options, ORIGIN))).user().id());
    }

    @Test
    void anRs256PasskeyAndABackedUpOneRegisterAndSignIn() {
        String ada = user("ada@example.com");
        SoftAuthenticator rsa = new SoftAuthenticator().useRsa();
        register(ada, rsa);
        assertEquals(ada, resolve(signIn(rsa)).user().id());
        SoftAuthenticator synced = new SoftAuthenticator().backedUp();
        assertTrue(register(ada, synced).backedUp());
        assertEquals(ada, resolve(signIn(synced)).user().id());
    }

    @Test
    void passkeysAreListedOldestFirstRenamedAndDeleted() {
        String ada = user("ada@example.com");
        String bob = user("bob@example.com");
        SoftAuthenticator laptop = new SoftAuthenticator();
        SoftAuthenticator phone = new SoftAuthenticator();
        Passkey first = g.passkeys().register(ada, laptop.create(g.passkeys().registrationOptions(ada).json(), ORIGIN),
                "Laptop", null, null);
        CLOCK.advance(Duration.ofMinutes(1));
        Passkey second = register(ada, phone);
        assertEquals("Laptop", first.name());
        assertEquals(List.of(first.id(), second.id()), g.passkeys().list(ada).stream().map(Passkey::id).toList());
        assertEquals(List.of(), g.passkeys().list(bob));
        assertEquals(List.of(), g.passkeys().list("0".repeat(32)));

        assertEquals("Phone", g.passkeys().rename(ada, second.id(), "Phone").orElseThrow().name());
        assertEquals("Phone", g.passkeys().list(ada).get(1).name());
        assertTrue(g.passkeys().rename(bob, second.id(), "Mine now").isEmpty(), "not bob's");
        assertTrue(g.passkeys().rename(ada, "missing", "Phone").isEmpty());
        assertThrows(ValidationException.class, () -> g.passkeys().rename(ada, second.id(), " "));
        assertThrows(ValidationException.class, () -> g.passkeys().rename(ada, second.id(), "x".repeat(65)));
        assertThrows(ValidationException.class, () -> g.passkeys().rename(ada, second.id(), "a\nb"));
        assertEquals(1, events(ada, EventType.PASSKEY_RENAMED).size());

        assertFalse(g.passkeys().delete(bob, first.id(), null, null), "not bob's");
        assertTrue(g.passkeys().delete(ada, first.id(), "10.0.0.1", "ua"));
        assertFalse(g.passkeys().delete(ada, first.id(), null, null), "already gone");
        assertEquals(List.of(second.id()), g.passkeys().list(ada).stream().map(Passkey::id).toList());
        assertEquals(1, events(ada, EventType.PASSKEY_REMOVED).size());
        assertEquals(ada, events(ada, EventType.PASSKEY_REMOVED).get(0).actor(), "the user removed it");
        invalid(() -> signIn(laptop));
        assertEquals(ada, resolve(signIn(phone)).user().id());
    }

    @Test
    void anAdministratorRemovesALostPasskeyAndTheTrailNamesThem() {
        String ada = user("ada@example.com");
        SoftAuthenticator lost = new SoftAuthenticator();
        Passkey p = register(ada, lost);
        assertThrows(ValidationException.class, () -> g.passkeys().removeAsAdministrator(ada, p.id(), " "));
        assertFalse(g.passkeys().removeAsAdministrator(user("bob@example.com"), p.id(), "admin-1"), "not bob's");
        assertTrue(g.passkeys().removeAsAdministrator(ada, p.id(), "admin-1"));
        assertFalse(g.passkeys().removeAsAdministrator(ada, p.id(), "admin-1"), "already gone");
        List<SecurityEvent> removed = events(ada, EventType.PASSKEY_REMOVED);
        assertEquals(1, removed.size());
        assertEquals("admin-1", removed.get(0).actor());
        invalid(() -> signIn(lost));
    }

    @Test
    void registrationExcludesTheUsersCredentialsAndRefusesOneAlreadyRegistered() {
        String ada = user("ada@example.com");
        SoftAuthenticator a = new SoftAuthenticator();
        register(ada, a);
        SoftAuthenticator.Credential c = a.last();
        String options = g.passkeys().registrationOptions(ada).json();
        assertEquals(List.of(c.id()), SoftAuthenticator.credentialIds(options, "excludeCredentials"));
        assertThrows(IllegalStateException.class, () -> a.create(options, ORIGIN), "the authenticator sees it is excluded");
        String again = a.nextCreateReuses(c).create(options, ORIGIN);
        rejected(() -> g.passkeys().register(ada, again, null, null, null));
        assertEquals(1, g.passkeys().list(ada).size());
    }

    @Test
    void theUserHandleIsRandomNeitherIdNorEmailAndStableForOneUser() {
        String ada = user("ada@example.com");
        String bob = user("bob@example.com");
        SoftAuthenticator a = new SoftAuthenticator();
        String adaOptions = g.passkeys().registrationOptions(ada).json();
        String handle = handleOf(adaOptions);
        g.passkeys().register(ada, a.create(adaOptions, ORIGIN), null, null, null);
        byte[] raw = B64D.decode(handle);
        String asText = new String(raw, StandardCharsets.ISO_8859_1);
        assertTrue(raw.length >= 16, "at least 16 random bytes: " + raw.length);
        assertFalse(asText.contains(ada) || asText.contains("ada@example.com") || handle.contains(ada), handle);
        assertEquals(handle, SoftAuthenticator.field(assertion(a), "response.userHandle").orElseThrow());
        assertEquals(handle, handleOf(g.passkeys().registrationOptions(ada).json()), "one handle per user");
        register(ada, new SoftAuthenticator());
        assertEquals(handle, handleOf(g.passkeys().registrationOptions(ada).json()), "still one handle per user");
        assertEquals(handle, SoftAuthenticator.field(assertion(a), "response.userHandle").orElseThrow());

        String bobOptions = g.passkeys().registrationOptions(bob).json();
        g.passkeys().register(bob, new SoftAuthenticator().create(bobOptions, ORIGIN), null, null, null);
        assertNotEquals(handle, handleOf(bobOptions));
        assertEquals(handleOf(bobOptions), handleOf(g.passkeys().registrationOptions(bob).json()));
    }

    @Test
    void aCredentialIdOf1023BytesRegistersAndSignsIn() {
        String ada = user("ada@example.com");
        SoftAuthenticator a = new SoftAuthenticator().credentialIdLength(1023);
        register(ada, a);
        assertEquals(1023, a.last().rawId().length);
        assertEquals(ada, resolve(signIn(a)).user().id());
        assertEquals(List.of(a.last().id()),
                SoftAuthenticator.credentialIds(g.passkeys().registrationOptions(ada).json(), "excludeCredentials"));
        // a second one of the same length is another credential (the unique index is on the id's hash)
        SoftAuthenticator b = new SoftAuthenticator().credentialIdLength(1023);
        register(user("bob@example.com"), b);
        assertEquals(2, count("SELECT COUNT(*) FROM passkeys"));
    }

    // ---- counter --------------------------------------------------------------------------------------------

    @Test
    void aSignCountThatGoesBackwardsIsRefusedAndAudited() {
        String ada = user("ada@example.com");
        SoftAuthenticator a = new SoftAuthenticator().counterStep(5);
        register(ada, a);
        assertTrue(signIn(a).signedIn()); // 5
        assertTrue(signIn(a).signedIn()); // 10
        long before = sessionsOf(ada);
        a.setCounter(2).counterStep(1); // reports 3
        invalid(() -> signIn(a));
        assertEquals(before, sessionsOf(ada));
        a.setCounter(9); // reports 10: not above the stored count either
        invalid(() -> signIn(a));
        List<SecurityEvent> failures = events(ada, EventType.SIGN_IN).stream()
                .filter(e -> e.outcome() == Outcome.FAILURE).toList();
        assertEquals(2, failures.size(), failures.toString());
        assertTrue(failures.stream().allMatch(e -> "counter_regression".equals(e.details().get("reason"))), failures.toString());
        a.setCounter(0).counterStep(0); // reports 0 after 10: an authenticator does not stop counting
        invalid(() -> signIn(a));
        assertEquals("counter_regression", lastFailure(ada, EventType.SIGN_IN));
        assertEquals(before, sessionsOf(ada));
    }

    @Test
    void anAuthenticatorThatDoesNotCountSignsInAgainAndAgain() {
        String ada = user("ada@example.com");
        SoftAuthenticator a = new SoftAuthenticator().counterStep(0);
        register(ada, a);
        for (int i = 0; i < 3; i++) {
            assertEquals(ada, resolve(signIn(a)).user().id());
        }
        assertEquals(0, a.last().counter());
    }

    // ---- what the ceremonies refuse ------------------------------------------------------------------------

    @Test
    void anotherOriginIsRefusedAtRegistrationAndSignIn() {
        String ada = user("ada@example.com");
        SoftAuthenticator a = new SoftAuthenticator();
        for (String origin : List.of("https://evil.example.test", "http://app.example.test", "https://app.example.test:8443")) {
            String options = g.passkeys().registrationOptions(ada).json();
            rejected(() -> g.passkeys().register(ada, a.create(options, origin), null, null, null));
            assertEquals("origin", lastFailure(ada, EventType.PASSKEY_REGISTERED), origin);
        }
        assertEquals(List.of(), g.passkeys().list(ada));
        SoftAuthenticator b = new SoftAuthenticator();
        register(ada, b);
        String evil = b.get(g.passkeys().signInOptions(null, null).json(), "https://evil.example.test");
        invalid(() -> signIn(evil));
        assertEquals("origin", lastFailure(ada, EventType.SIGN_IN));
        assertEquals(0, sessionsOf(ada));
    }

    @Test
    void anotherRelyingPartyIdIsRefusedAtRegistrationAndSignIn() {
        String ada = user("ada@example.com");
        SoftAuthenticator a = new SoftAuthenticator().overrideRpIdHash("example.test");
        rejected(() -> register(ada, a));
        assertEquals("rp_id", lastFailure(ada, EventType.PASSKEY_REGISTERED));
        assertEquals(List.of(), g.passkeys().list(ada));
        SoftAuthenticator b = new SoftAuthenticator();
        register(ada, b);
        b.overrideRpIdHash("evil.example.test");
        invalid(() -> signIn(b));
        assertEquals("rp_id", lastFailure(ada, EventType.SIGN_IN));
        assertEquals(0, sessionsOf(ada));
        b.overrideRpIdHash(null);
        assertTrue(signIn(b).signedIn(), "the same passkey with the right relying party");
    }

    @Test
    void aClientDataTypeOfTheOtherCeremonyIsRefused() {
        String ada = user("ada@example.com");
        SoftAuthenticator a = new SoftAuthenticator();
        register(ada, a);
        a.overrideType("webauthn.create");
        invalid(() -> signIn(a));
        assertEquals("client_data_type", lastFailure(ada, EventType.SIGN_IN));
    }

    @Test
    void aReplayedAssertionOrRegistrationIsRefused() {
        String ada = user("ada@example.com");
        SoftAuthenticator a = new SoftAuthenticator();
        String options = g.passkeys().registrationOptions(ada).json();
        String registration = a.create(options, ORIGIN);
        g.passkeys().register(ada, registration, null, null, null);
        g.passkeys().delete(ada, g.passkeys().list(ada).get(0).id(), null, null);
        rejected(() -> g.passkeys().register(ada, registration, null, null, null));
        assertEquals("challenge", lastFailure(ada, EventType.PASSKEY_REGISTERED));
        assertEquals(List.of(), g.passkeys().list(ada), "a used registration challenge does not register again");

        register(ada, a);
        String json = assertion(a);
        assertTrue(signIn(json).signedIn());
        invalid(() -> signIn(json));
        assertEquals(1, sessionsOf(ada));
    }

    @Test
    void aConcurrentlyReplayedAssertionOpensExactlyOneSession() throws Exception {
        String ada = user("ada@example.com");
        SoftAuthenticator a = new SoftAuthenticator();
        register(ada, a);
        String json = assertion(a);
        Callable<Boolean> attempt = () -> {
            try {
                return signIn(json).signedIn();
            } catch (InvalidPasskeyException lost) {
                return false;
            }
        };
        List<Boolean> won = TokenServiceSuite.race(6, attempt);
        assertEquals(1, won.stream().filter(b -> b).count(), won.toString());
        assertEquals(1, sessionsOf(ada));
    }

    @Test
    void aCredentialOfAnotherUserCannotSignInReauthenticateOrRegisterAsThem() {
        String ada = user("ada@example.com");
        SignInResult bobUp = signUp("bob@example.com");
        String bob = bobUp.user().id();
        SoftAuthenticator adas = new SoftAuthenticator();
        register(ada, adas);
        SoftAuthenticator bobs = new SoftAuthenticator();
        register(bob, bobs);
        String bobHandle = handleOf(g.passkeys().registrationOptions(bob).json());

        // Ada's credential presented with Bob's user handle.
        SoftAuthenticator thief = new SoftAuthenticator().importCredential(adas.last().copy()).overrideUserHandle(bobHandle);
        invalid(() -> signIn(thief));
        assertEquals("user_handle", lastFailure(ada, EventType.SIGN_IN), "recorded on the credential's owner");
        assertEquals(0, sessionsOf(ada));
        assertEquals(1, sessionsOf(bob), "only bob's sign-up session");

        // Ada's credential answering Bob's re-authentication.
        ResolvedSession bobSession = g.sessions().resolve(bobUp.cookie().value(), false).orElseThrow();
        CLOCK.advance(Duration.ofSeconds(301));
        SoftAuthenticator.Credential adaCredential = adas.last();
        String reauth = adas.nextGetUses(adaCredential).get(g.passkeys().reauthOptions(bob).json(), ORIGIN);
        invalid(() -> g.auth().reauthenticate(bob, bobSession.sessionId(), Factor.PASSKEY, reauth, null, null));
        assertFalse(g.sessions().resolve(bobUp.cookie().value(), false).orElseThrow().authentication().recent());

        // Ada's credential registered to Bob.
        SoftAuthenticator copier = new SoftAuthenticator().importCredential(adaCredential.copy());
        String bobOptions = g.passkeys().registrationOptions(bob).json();
        String stolen = copier.nextCreateReuses(copier.last()).create(bobOptions, ORIGIN);
        rejected(() -> g.passkeys().register(bob, stolen, null, null, null));
        assertEquals("already_registered", lastFailure(bob, EventType.PASSKEY_REGISTERED));
        assertEquals(1, g.passkeys().list(bob).size());
        assertEquals(ada, resolve(signIn(adas)).user().id(), "still ada's");
    }

    @Test
    void anAssertionWhoseIdNamesAnotherCredentialDoesNotSignInAsItsOwner() {
        String ada = user("ada@example.com");
        String bob = user("bob@example.com");
        SoftAuthenticator adas = new SoftAuthenticator();
        register(ada, adas);
        SoftAuthenticator bobs = new SoftAuthenticator();
        register(bob, bobs);
        String json = SoftAuthenticator.withField(assertion(adas), "id", bobs.last().id());
        try {
            assertEquals(ada, resolve(signIn(json)).user().id());
        } catch (InvalidPasskeyException refused) {
            // also right
        }
        assertEquals(0, sessionsOf(bob));
        String both = SoftAuthenticator.withField(SoftAuthenticator.withField(assertion(adas), "id", bobs.last().id()),
                "rawId", bobs.last().id());
        invalid(() -> signIn(both));
        assertEquals(0, sessionsOf(bob));
    }

    @Test
    void aDeletedAccountsPasskeySignsInNoMore() {
        String ada = user("ada@example.com");
        SoftAuthenticator a = new SoftAuthenticator();
        register(ada, a);
        assertTrue(g.admin().deleteUser(ada));
        invalid(() -> signIn(a));
        assertEquals(0, count("SELECT COUNT(*) FROM passkeys"));
    }

    @Test
    void missingUserVerificationIsRefusedAtRegistrationAndSignIn() {
        String ada = user("ada@example.com");
        SoftAuthenticator noUv = new SoftAuthenticator().withoutUserVerification();
        rejected(() -> register(ada, noUv));
        assertEquals("user_verification", lastFailure(ada, EventType.PASSKEY_REGISTERED));
        assertEquals(List.of(), g.passkeys().list(ada));
        SoftAuthenticator a = new SoftAuthenticator();
        register(ada, a);
        a.withoutUserVerification();
        invalid(() -> signIn(a));
        assertEquals("user_verification", lastFailure(ada, EventType.SIGN_IN));
        assertEquals(0, sessionsOf(ada));
    }

    @Test
    void aDisabledAccountCannotSignInWithItsPasskey() {
        String ada = user("ada@example.com");
        SoftAuthenticator a = new SoftAuthenticator();
        register(ada, a);
        assertTrue(g.admin().disableUser(ada));
        long before = sessionsOf(ada);
        refused(AccountDisabledException.class, "account_disabled", () -> signIn(a));
        assertEquals("account_disabled", lastFailure(ada, EventType.SIGN_IN));
        assertEquals(before, sessionsOf(ada));
        assertTrue(g.admin().enableUser(ada));
        assertTrue(signIn(a).signedIn());
    }

    @Test
    void anExpiredChallengeIsRefused() {
        String ada = user("ada@example.com");
        SoftAuthenticator a = new SoftAuthenticator();
        PasskeyOptions reg = g.passkeys().registrationOptions(ada);
        assertEquals(CLOCK.instant().plusSeconds(300), reg.expiresAt(), "passkeyChallengeSeconds default");
        String late = a.create(reg.json(), ORIGIN);
        CLOCK.advance(Duration.ofSeconds(301));
        rejected(() -> g.passkeys().register(ada, late, null, null, null));
        assertEquals("challenge", lastFailure(ada, EventType.PASSKEY_REGISTERED));
        register(ada, a);
        PasskeyOptions signInOptions = g.passkeys().signInOptions(null, null);
        String lateAssertion = a.get(signInOptions.json(), ORIGIN);
        CLOCK.set(signInOptions.expiresAt().plusSeconds(1));
        invalid(() -> signIn(lateAssertion));
        assertEquals(0, sessionsOf(ada));

        Gatehouse quick = gh(b -> b.publicBaseUrl(BASE).passkeyChallengeSeconds(30));
        PasskeyOptions q = quick.passkeys().signInOptions(null, null);
        assertEquals(CLOCK.instant().plusSeconds(30), q.expiresAt());
        String inTime = a.get(q.json(), ORIGIN);
        CLOCK.advance(Duration.ofSeconds(29));
        assertTrue(quick.auth().signInWithPasskey(inTime, null, null, null).signedIn());
    }

    @Test
    void aChallengeAnswersOnlyTheCeremonyItWasIssuedFor() {
        SignInResult up = signUp("ada@example.com");
        String ada = up.user().id();
        SoftAuthenticator a = new SoftAuthenticator();
        register(ada, a);
        CLOCK.advance(Duration.ofSeconds(301));
        String forReauth = a.get(g.passkeys().reauthOptions(ada).json(), ORIGIN);
        invalid(() -> signIn(forReauth));
        String forSignIn = assertion(a);
        invalid(() -> g.auth().reauthenticate(ada, resolve(up).sessionId(), Factor.PASSKEY, forSignIn, null, null));
        assertFalse(resolve(up).authentication().recent());
        String forRegistration = a.get(g.passkeys().registrationOptions(ada).json(), ORIGIN);
        invalid(() -> signIn(forRegistration));
        g.auth().reauthenticate(ada, resolve(up).sessionId(), Factor.PASSKEY, forReauth, null, null);
        assertTrue(resolve(up).authentication().recent(), "the refused try did not use up the re-authentication challenge");
    }

    @Test
    void aSecondStepForOneUserIsNotAnsweredByAnotherUsersPasskey() {
        String ada = user("ada@example.com");
        String bob = user("bob@example.com");
        register(ada, new SoftAuthenticator());
        SoftAuthenticator bobs = new SoftAuthenticator();
        register(bob, bobs);
        String json = bobs.nextGetUses(bobs.last()).get(g.passkeys().signInOptions(ada, null).json(), ORIGIN);
        invalid(() -> signIn(json));
        assertEquals("wrong_user", lastFailure(ada, EventType.SIGN_IN));
        assertEquals(0, sessionsOf(ada));
        assertEquals(0, sessionsOf(bob));
    }

    @Test
    void twoUsersRacingToRegisterOneCredentialLeaveItWithExactlyOne() throws Exception {
        String ada = user("ada@example.com");
        String bob = user("bob@example.com");
        SoftAuthenticator adas = new SoftAuthenticator();
        adas.create(g.passkeys().registrationOptions(ada).json(), ORIGIN); // made, not yet registered
        SoftAuthenticator.Credential c = adas.last();
        SoftAuthenticator bobs = new SoftAuthenticator().importCredential(c.copy());
        List<String> users = List.of(ada, bob, ada, bob);
        List<String> jsons = new java.util.ArrayList<>();
        for (String u : users) {
            SoftAuthenticator who = u.equals(ada) ? adas : bobs;
            jsons.add(who.nextCreateReuses(who.last()).create(g.passkeys().registrationOptions(u).json(), ORIGIN));
        }
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        List<Boolean> won = TokenServiceSuite.race(users.size(), () -> {
            int i = next.getAndIncrement();
            try {
                g.passkeys().register(users.get(i), jsons.get(i), null, null, null);
                return true;
            } catch (PasskeyRejectedException lost) {
                return false;
            }
        });
        assertEquals(1, won.stream().filter(b -> b).count(), won.toString());
        assertEquals(1, count("SELECT COUNT(*) FROM passkeys"));
    }

    // ---- re-authentication ---------------------------------------------------------------------------------

    @Test
    void aPasskeyReauthenticatesItsOwnersSession() {
        SignInResult up = signUp("ada@example.com");
        String ada = up.user().id();
        SoftAuthenticator a = new SoftAuthenticator();
        register(ada, a);
        String sid = resolve(up).sessionId();
        CLOCK.advance(Duration.ofSeconds(301));
        assertFalse(resolve(up).authentication().recent());
        assertTrue(resolve(up).authentication().reauthMethods().contains("passkey"), resolve(up).authentication().reauthMethods().toString());
        String options = g.passkeys().reauthOptions(ada).json();
        assertEquals(List.of(a.last().id()), SoftAuthenticator.credentialIds(options, "allowCredentials"));
        String json = a.get(options, ORIGIN);
        g.auth().reauthenticate(ada, sid, Factor.PASSKEY, json, "10.0.0.1", "ua");
        assertTrue(resolve(up).authentication().recent());
        assertTrue(events(ada, EventType.REAUTH).stream().anyMatch(e -> e.outcome() == Outcome.SUCCESS));
        CLOCK.advance(Duration.ofSeconds(301));
        invalid(() -> g.auth().reauthenticate(ada, sid, Factor.PASSKEY, json, null, null));
        assertFalse(resolve(up).authentication().recent(), "a used assertion does not re-authenticate again");
        assertThrows(IllegalArgumentException.class, () -> g.passkeys().reauthOptions("0".repeat(32)));
    }

    @Test
    void aPasskeyOfAnotherUserDoesNotReauthenticate() {
        SignInResult up = signUp("ada@example.com");
        String ada = up.user().id();
        register(ada, new SoftAuthenticator());
        String bob = user("bob@example.com");
        SoftAuthenticator bobs = new SoftAuthenticator();
        register(bob, bobs);
        CLOCK.advance(Duration.ofSeconds(301));
        String json = bobs.nextGetUses(bobs.last()).get(g.passkeys().reauthOptions(ada).json(), ORIGIN);
        invalid(() -> g.auth().reauthenticate(ada, resolve(up).sessionId(), Factor.PASSKEY, json, null, null));
        assertFalse(resolve(up).authentication().recent());
    }

    // ---- password-less accounts ----------------------------------------------------------------------------

    @Test
    void aPasswordlessSignUpHasNoPasswordAndKeepsItsLastPasskey() {
        Gatehouse p = gh(b -> b.publicBaseUrl(BASE).passwordlessSignUp(true));
        SoftAuthenticator a = new SoftAuthenticator();
        String options = p.passkeys().signUpOptions("ada@example.com", null, null).json();
        SignInResult r = p.auth().signUpWithPasskey(a.create(options, ORIGIN), "Laptop", null, "ua");
        assertTrue(r.signedIn());
        String ada = r.user().id();
        ResolvedSession s = p.sessions().resolve(r.cookie().value(), false).orElseThrow();
        assertEquals(Set.of(Factor.PASSKEY), s.authentication().factors());
        assertEquals("ada@example.com", s.user().email());
        assertEquals(List.of("Laptop"), p.passkeys().list(ada).stream().map(Passkey::name).toList());
        for (String guess : List.of(PW, "", "null", "password")) {
            assertThrows(InvalidCredentialsException.class, () -> p.auth().signIn("ada@example.com", guess, null, null), guess);
        }
        assertEquals(ada, p.sessions().resolve(p.auth().signInWithPasskey(
                a.get(p.passkeys().signInOptions(null, null).json(), ORIGIN), null, null, null).cookie().value(), false)
                .orElseThrow().user().id());

        String only = p.passkeys().list(ada).get(0).id();
        refused(LastSignInMethodException.class, "last_sign_in_method", () -> p.passkeys().delete(ada, only, null, null));
        SoftAuthenticator phone = new SoftAuthenticator();
        p.passkeys().register(ada, phone.create(p.passkeys().registrationOptions(ada).json(), ORIGIN), null, null, null);
        assertTrue(p.passkeys().delete(ada, only, null, null));
        String last = p.passkeys().list(ada).get(0).id();
        refused(LastSignInMethodException.class, "last_sign_in_method", () -> p.passkeys().delete(ada, last, null, null));
        assertEquals(1, p.passkeys().list(ada).size());
    }

    @Test
    void aPasswordlessSignUpAnswerCreatesOneAccountOnce() {
        Gatehouse p = gh(b -> b.publicBaseUrl(BASE).passwordlessSignUp(true));
        SoftAuthenticator a = new SoftAuthenticator();
        String json = a.create(p.passkeys().signUpOptions("ada@example.com", null, null).json(), ORIGIN);
        assertTrue(p.auth().signUpWithPasskey(json, null, null, null).signedIn());
        rejected(() -> p.auth().signUpWithPasskey(json, null, null, null));
        assertEquals(1, count("SELECT COUNT(*) FROM users"));
        String bob = user("bob@example.com");
        String registration = new SoftAuthenticator().create(p.passkeys().registrationOptions(bob).json(), ORIGIN);
        rejected(() -> p.auth().signUpWithPasskey(registration, null, null, null));
        assertEquals(2, count("SELECT COUNT(*) FROM users"), "a registration's challenge does not sign up");
    }

    @Test
    void passwordlessSignUpIsRefusedUnlessSwitchedOnAndForATakenEmail() {
        assertThrows(AccessDeniedException.class, () -> g.passkeys().signUpOptions("ada@example.com", null, null));
        Gatehouse p = gh(b -> b.publicBaseUrl(BASE).passwordlessSignUp(true));
        user("bob@example.com");
        assertThrows(dev.gatehouse.account.AccountExistsException.class,
                () -> p.passkeys().signUpOptions("bob@example.com", null, null));
        assertThrows(AuthException.class, () -> p.passkeys().signUpOptions("not an email", null, null));
    }

    @Test
    void anAccountWithAPasswordCanDeleteItsLastPasskey() {
        String ada = user("ada@example.com");
        Passkey only = register(ada, new SoftAuthenticator());
        assertTrue(g.passkeys().delete(ada, only.id(), null, null));
        assertEquals(List.of(), g.passkeys().list(ada));
    }

    // ---- availability and second factors -------------------------------------------------------------------

    /** The shared instance (no publicBaseUrl, no passkeyRpId) and one with passkeys switched off. */
    List<Gatehouse> unavailable() {
        return List.of(gh(), gh(b -> b.publicBaseUrl(BASE).enablePasskeys(false)));
    }

    static void unavailable(Executable call) {
        assertEquals(ErrorCode.PASSKEYS_UNAVAILABLE, assertThrows(GatehouseUnavailableException.class, call).code());
    }

    @Test
    void passkeysAreUnavailableWithoutARelyingPartyOrWhenSwitchedOff() {
        String ada = user("ada@example.com");
        for (Gatehouse off : unavailable()) {
            PasskeyService ps = off.passkeys();
            assertFalse(ps.available());
            unavailable(() -> ps.registrationOptions(ada));
            unavailable(() -> ps.register(ada, "{}", null, null, null));
            unavailable(() -> ps.signInOptions(null, null));
            unavailable(() -> ps.reauthOptions(ada));
            unavailable(() -> ps.signUpOptions("bob@example.com", null, null));
            unavailable(() -> off.auth().signInWithPasskey("{}", null, null, null));
            unavailable(() -> off.auth().signUpWithPasskey("{}", null, null, null));
        }
        assertTrue(g.passkeys().available());
        Gatehouse explicit = gh(b -> b.passkeyRpId(RP).passkeyOrigins(Set.of(ORIGIN)));
        assertTrue(explicit.passkeys().available());
        SoftAuthenticator a = new SoftAuthenticator();
        explicit.passkeys().register(ada, a.create(explicit.passkeys().registrationOptions(ada).json(), ORIGIN), null, null, null);
        assertEquals(ada, explicit.sessions().resolve(explicit.auth().signInWithPasskey(
                a.get(explicit.passkeys().signInOptions(null, null).json(), ORIGIN), null, null, null).cookie().value(), false)
                .orElseThrow().user().id());
    }

    @Test
    void storedPasskeysCanStillBeListedRenamedAndDeletedWhilePasskeysAreUnavailable() {
        String ada = user("ada@example.com");
        Passkey first = register(ada, new SoftAuthenticator());
        CLOCK.advance(Duration.ofSeconds(1)); // "oldest first"; passkeys of the same instant have no set order
        Passkey second = register(ada, new SoftAuthenticator());
        List<Gatehouse> off = unavailable();
        assertEquals(List.of(first.id(), second.id()), off.get(0).passkeys().list(ada).stream().map(Passkey::id).toList());
        assertEquals("Old laptop", off.get(0).passkeys().rename(ada, first.id(), "Old laptop").orElseThrow().name());
        assertTrue(off.get(0).passkeys().delete(ada, first.id(), null, null));
        assertEquals(List.of(second.id()), off.get(1).passkeys().list(ada).stream().map(Passkey::id).toList());
        assertTrue(off.get(1).passkeys().delete(ada, second.id(), null, null));
        assertEquals(List.of(), g.passkeys().list(ada));
    }

    @Test
    void aUserWithAnAuthenticatorAppSignsInWithAPasskeyAlone() {
        String ada = user("ada@example.com");
        TotpEnrolment e = g.mfa().beginTotp(ada);
        g.mfa().confirmTotp(ada, TotpCodes.at(e.secret(), CLOCK.instant()));
        assertTrue(g.auth().signIn("ada@example.com", PW, null, null).mfaRequired(), "a password needs the code");
        SoftAuthenticator a = new SoftAuthenticator();
        register(ada, a);
        SignInResult r = signIn(a);
        assertTrue(r.signedIn());
        assertFalse(r.mfaRequired());
        assertNotNull(r.cookie());
        assertEquals(Set.of(Factor.PASSKEY), resolve(r).authentication().factors());
    }
}
