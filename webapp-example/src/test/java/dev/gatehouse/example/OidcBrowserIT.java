package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Sign-in with an OpenID Connect provider in headless Chromium, through the provider's own login form
 * ({@code mock-oauth2-server} in this JVM, interactive: the test types the subject and the claims it asserts):
 * a first sign-in creates the account, the security page lists the link, a password account links the provider
 * and then signs in with it, and an unconfirmed local email is not taken over (the callback's page says why).
 */
class OidcBrowserIT extends BrowserSuite {

    final MockOAuth2Server provider = started();

    {
        clock.set(java.time.Instant.now()); // the provider stamps its ID tokens with the real time
    }

    private static MockOAuth2Server started() {
        MockOAuth2Server s = new MockOAuth2Server(OAuth2Config.Companion.fromJson("{\"interactiveLogin\":true}"));
        s.start();
        return s;
    }

    @Override
    Map<String, String> settings(String base) {
        return Map.of("gatehouse.oidc.corp.issuer", provider.issuerUrl("corp").toString(),
                "gatehouse.oidc.corp.clientId", "gatehouse-example", "gatehouse.oidc.corp.signUp", "true",
                "gatehouse.oidc.corp.name", "Corp SSO");
    }

    @AfterAll
    void stopProvider() {
        provider.shutdown();
    }

    /** At the provider's login form: who signs in there, and what the provider says about them. */
    void signInAtTheProvider(String subject, String claimsJson, String screenshot) throws Exception {
        try {
            wait.until(d -> d.getCurrentUrl().startsWith(provider.issuerUrl("corp").toString()));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("not at the provider but at " + browser.getCurrentUrl() + ": "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
        if (java.time.Instant.now().isAfter(clock.instant())) {
            clock.set(java.time.Instant.now()); // the provider stamps its ID token with the real time
        }
        browser.findElement(By.name("username")).sendKeys(subject);
        browser.findElement(By.name("claims")).sendKeys(claimsJson);
        if (screenshot != null) {
            screenshot(screenshot);
        }
        browser.findElement(By.cssSelector("input[type=submit]")).click();
    }

    @Test
    void aFirstSignInCreatesTheAccountAndTheNextOneFindsIt() throws Exception {
        open("/login");
        screenshot("oidc-login-page.png");
        el("oidc-corp").click();
        signInAtTheProvider("ada-at-corp", "{\"email\":\"ada@example.test\",\"email_verified\":true}", "oidc-provider-form.png");
        waitForPath("/dashboard");
        assertTrue(el("who").getText().contains("ada@example.test"), el("who").getText());
        open("/account/security");
        assertTrue(el("identities").getText().contains("corp"), el("identities").getText());
        screenshot("oidc-security-page.png");

        // Confirm it's you with the provider, once the sign-in is older than reauthWindowSeconds: an account
        // created there has no password, so the provider is its way to confirm.
        clock.advance(java.time.Duration.ofMinutes(6));
        open("/tokens");
        type("token-name", "after the provider");
        el("create-token").click();
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.urlContains("/account/confirm"));
        assertTrue(browser.findElements(By.id("reauth-password")).isEmpty(), "no password to ask for");
        screenshot("oidc-confirm.png");
        el("reauth-oidc-corp").click();
        signInAtTheProvider("ada-at-corp", "{\"auth_time\":" + clock.instant().getEpochSecond() + "}", null);
        waitForPath("/tokens");
        type("token-name", "after the provider");
        el("create-token").click();
        assertTrue(el("new-token").getText().startsWith("gate_pat_"), el("new-token").getText());
        signOut();

        open("/login");
        el("oidc-corp").click();
        signInAtTheProvider("ada-at-corp", "{}", null); // no email this time: the identity alone finds the account
        waitForPath("/dashboard");
        assertTrue(el("who").getText().contains("ada@example.test"), el("who").getText());
        signOut();
    }

    @Test
    void aPasswordAccountLinksTheProviderThenSignsInWithIt() throws Exception {
        open("/signup");
        type("email", "bob@example.test");
        type("password", "juniper-lantern-coast-4");
        el("submit").click();
        waitForPath("/dashboard");
        open("/account/security");
        el("no-identities");
        el("oidc-link-corp").click();
        signInAtTheProvider("bob-at-corp", "{}", null);
        waitForPath("/account/security");
        assertTrue(el("identities").getText().contains("corp"), el("identities").getText());
        signOut();

        open("/login");
        el("oidc-corp").click();
        signInAtTheProvider("bob-at-corp", "{}", null);
        waitForPath("/dashboard");
        assertTrue(el("who").getText().contains("bob@example.test"), el("who").getText());
        signOut();
    }

    @Test
    void anUnconfirmedLocalEmailIsNotTakenOverAndThePageSaysWhy() throws Exception {
        open("/signup");
        type("email", "carol@example.test");
        type("password", "harbour-violet-stone-8");
        el("submit").click();
        waitForPath("/dashboard");
        signOut();

        open("/login");
        el("oidc-corp").click();
        signInAtTheProvider("mallory-at-corp", "{\"email\":\"carol@example.test\",\"email_verified\":true}", null);
        String code = el("code").getText();
        screenshot("oidc-link-required.png");
        assertTrue(code.equals("oidc_link_required"), code);
        assertTrue(el("message").getText().contains("link"), el("message").getText());
        open("/dashboard");
        assertTrue(browser.findElements(By.id("who")).isEmpty(), "no session was opened");
    }
}
