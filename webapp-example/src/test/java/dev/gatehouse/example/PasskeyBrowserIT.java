package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.virtualauthenticator.Credential;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;

/**
 * Passkeys in headless Chromium with Selenium's virtual authenticator (a platform authenticator with
 * discoverable credentials and user verification): register from the security page, sign in with the
 * button and by autofill, confirm it's you, rename and delete; an authenticator that cannot verify its user
 * gets no passkey and a clear message. The app runs on a random port; its publicBaseUrl is that origin,
 * so it is the relying party (localhost) and the only accepted origin.
 */
class PasskeyBrowserIT extends BrowserSuite {

    VirtualAuthenticator authenticator;

    @Override
    Map<String, String> settings(String base) {
        return Map.of("gatehouse.passkeyOrigins", base); // the relying party (localhost) and its only origin
    }

    @AfterEach
    void removeAuthenticator() {
        if (authenticator != null) {
            ((HasVirtualAuthenticator) browser).removeVirtualAuthenticator(authenticator);
            authenticator = null;
        }
    }

    /** A platform authenticator (CTAP2, internal) with discoverable credentials; {@code uv}: it can verify its user. */
    VirtualAuthenticator addAuthenticator(boolean uv) {
        authenticator = ((HasVirtualAuthenticator) browser).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL)
                .setHasResidentKey(true)
                .setHasUserVerification(uv)
                .setIsUserVerified(uv)
                .setIsUserConsenting(true));
        return authenticator;
    }

    void signUpWithPassword(String email, String password) {
        open("/signup");
        type("email", email);
        type("password", password);
        el("submit").click();
        waitForPath("/dashboard");
    }

    @Test
    void passkeyJourney() throws Exception {
        String email = "passkey-journey@example.test";
        VirtualAuthenticator device = addAuthenticator(true);
        signUpWithPassword(email, "violet-harbour-kite-7");

        open("/account/security");
        el("no-passkeys");
        type("passkey-name", "Laptop");
        el("passkey-add").click();
        wait.until(d -> !d.findElements(By.id("passkeys")).isEmpty());
        String row = el("passkeys").getText();
        assertTrue(row.contains("Laptop") && row.contains("never"), row);
        List<Credential> stored = device.getCredentials();
        assertEquals(1, stored.size());
        assertTrue(stored.get(0).isResidentCredential(), "a discoverable credential");
        assertEquals("localhost", stored.get(0).getRpId());
        screenshot("passkey-registered.png");

        // Discoverable sign-in with the button, no email typed. Chromium's virtual authenticator answers the
        // page's autofill (conditional) request at once with its credential, so the credential is taken out
        // while the page loads and its autofill request starts, and put back before the click.
        signOut();
        Credential passkey = stored.get(0);
        device.removeAllCredentials();
        open("/login");
        assertEquals("username webauthn", el("email").getAttribute("autocomplete"));
        wait.until(d -> d.findElement(By.tagName("body")).getDomAttribute("data-conditional") != null); // started
        device.addCredential(passkey);
        assertEquals(base + "/login", browser.getCurrentUrl());
        el("passkey-signin").click();
        waitForPath("/dashboard");
        assertTrue(el("who").getText().contains(email), el("who").getText());

        // Conditional UI: as the sign-in page loads it asks for a passkey for the email field's autofill; the
        // virtual authenticator answers that request itself, which stands for the user picking the suggestion.
        signOut();
        open("/login");
        waitForPath("/dashboard");
        assertTrue(el("who").getText().contains(email), el("who").getText());

        // Confirm it's you with the passkey, once the sign-in is older than reauthWindowSeconds.
        clock.advance(Duration.ofMinutes(6));
        open("/tokens");
        type("token-name", "after passkey");
        el("create-token").click();
        wait.until(ExpectedConditions.urlContains("/account/confirm"));
        screenshot("passkey-confirm.png");
        el("reauth-passkey").click();
        waitForPath("/tokens");
        type("token-name", "after passkey");
        el("create-token").click();
        assertTrue(el("new-token").getText().startsWith("gate_pat_"), el("new-token").getText());

        open("/account/security");
        assertFalse(el("passkeys").getText().contains("never"), "used: " + el("passkeys").getText());
        WebElement newName = browser.findElement(By.cssSelector("#passkeys .passkey-new-name"));
        newName.sendKeys("Work laptop");
        browser.findElement(By.cssSelector("#passkeys .passkey-rename")).click();
        wait.until(d -> d.findElement(By.id("passkeys")).getText().contains("Work laptop"));
        screenshot("passkey-list.png");
        browser.findElement(By.cssSelector("#passkeys .passkey-delete")).click();
        el("no-passkeys");

        // The deleted passkey no longer signs in (the authenticator still holds it): the autofill answer is refused.
        signOut();
        open("/login");
        String refused = message();
        screenshot("passkey-deleted-refused.png");
        assertTrue(refused.toLowerCase(java.util.Locale.ROOT).contains("passkey"), refused);
        assertEquals(base + "/login", browser.getCurrentUrl());
    }

    /** With an authenticator app and a passkey, the second step of a password sign-in can be the passkey. */
    @Test
    void passkeyInsteadOfTheAppCode() throws Exception {
        String email = "two-step-passkey@example.test";
        String password = "saffron-glacier-note-5";
        VirtualAuthenticator device = addAuthenticator(true);
        signUpWithPassword(email, password);
        open("/account/security");
        el("totp-begin").click();
        String secret = el("totp-secret").getText();
        type("confirm-code", AppCodes.at(secret, clock.instant()));
        el("confirm-totp").click();
        el("recovery-codes");
        open("/account/security");
        type("passkey-name", "Phone");
        el("passkey-add").click();
        wait.until(d -> !d.findElements(By.id("passkeys")).isEmpty());

        signOut();
        Credential passkey = device.getCredentials().get(0);
        device.removeAllCredentials(); // else the sign-in page's autofill request signs in with it at once
        open("/login");
        type("email", email);
        type("password", password);
        el("submit").click();
        waitForPath("/login/code?passkey=1");
        el("code"); // the app's code is still asked for, the passkey offered beside it
        device.addCredential(passkey);
        screenshot("passkey-second-step.png");
        el("passkey-signin").click();
        waitForPath("/dashboard");
        assertTrue(el("who").getText().contains(email), el("who").getText());
        signOut();
    }

    /** An authenticator without user verification cannot register: no passkey, and the page says why. */
    @Test
    void authenticatorWithoutUserVerificationIsRefused() throws Exception {
        String email = "no-uv@example.test";
        addAuthenticator(false);
        signUpWithPassword(email, "copper-meadow-lark-3");
        open("/account/security");
        type("passkey-name", "Old key");
        el("passkey-add").click();
        String text = message();
        screenshot("passkey-no-uv.png");
        assertTrue(text.contains("verif"), text);
        open("/account/security");
        el("no-passkeys"); // nothing stored by the server, whether the browser or the server refused
        signOut();
    }

    /** Sign-up without a password (the example turns passwordlessSignUp on), then a sign-in with that passkey. */
    @Test
    void signUpWithAPasskey() throws Exception {
        String email = "passwordless@example.test";
        addAuthenticator(true);
        open("/signup");
        type("passkey-email", email);
        el("passkey-signup").click();
        waitForPath("/dashboard");
        assertTrue(el("who").getText().contains(email), el("who").getText());
        signOut();
        open("/login"); // the autofill request, answered by the virtual authenticator
        waitForPath("/dashboard");
        assertTrue(el("who").getText().contains(email), el("who").getText());
        signOut();
    }
}
