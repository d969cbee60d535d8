package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The whole account journey in headless Chromium (Debian's chromium + chromium-driver). */
class BrowserFlowIT extends BrowserSuite {

    @Test
    void fullAccountJourney() throws Exception {
        String email = "journey@example.test";
        open("/signup");
        type("email", email);
        type("password", "first-passphrase-1");
        el("submit").click();
        waitForPath("/dashboard");
        assertTrue(el("who").getText().contains(email));
        screenshot("dashboard.png");

        open("/tokens");
        type("token-name", "laptop curl");
        type("token-scopes", "projects.read");
        el("create-token").click();
        String token = el("new-token").getText();
        assertTrue(token.startsWith("gate_pat_"), token);
        open("/tokens");
        assertTrue(el("tokens").getText().contains("laptop curl"));
        screenshot("tokens.png");
        assertEquals(200, apiStatus("/api/projects", token));
        // A plain form post (no data-api): carries the page's CSRF field.
        browser.findElement(By.cssSelector("#tokens form button")).click();
        wait.until(d -> !d.findElement(By.id("tokens")).getText().contains("laptop curl"));
        assertEquals(401, apiStatus("/api/projects", token));

        signOut();
        open("/login");
        type("email", email);
        type("password", "not-the-passphrase");
        el("submit").click();
        // Only the page's script writes #message: proof the nonce-based CSP let it run.
        wait.until(d -> !d.findElement(By.id("message")).getText().isEmpty());
        assertEquals(base + "/login", browser.getCurrentUrl());
        type("password", "first-passphrase-1");
        el("submit").click();
        waitForPath("/dashboard");

        signInElsewhere(email, "first-passphrase-1");
        open("/devices");
        assertEquals(3, el("devices").findElements(By.tagName("tr")).size()); // header + 2 sessions
        el("revoke-others").click();
        // One query from the document each time: a row list taken from a table the page has just
        // replaced fails in Chromium 156 with "Node with given id does not belong to the document".
        wait.until(d -> d.findElements(By.cssSelector("#devices tr")).size() == 2);

        open("/password");
        type("current", "first-passphrase-1");
        type("new", "second-passphrase-2");
        el("change").click();
        waitForPath("/dashboard");

        signOut();
        open("/forgot");
        type("email", email);
        el("send").click();
        wait.until(ExpectedConditions.urlContains("/forgot?sent=1"));
        open("/outbox");
        List<WebElement> links = browser.findElements(By.cssSelector("#outbox li:first-child a.mail-link"));
        assertTrue(links.get(0).getText().contains("/reset-password?token="), links.get(0).getText());
        links.get(0).click();
        type("new", "third-passphrase-3");
        el("reset").click();
        waitForPath("/login");

        type("email", email);
        type("password", "third-passphrase-3");
        el("submit").click();
        waitForPath("/dashboard");
        assertTrue(el("who").getText().contains(email));
    }

    /**
     * Two-step sign-in end to end: an authenticator app set up from the page's secret (codes computed
     * here), signing in with a code and with a recovery code, a re-authentication prompt once the
     * sign-in is past the window (the server's clock moved, not waited for), and an email change
     * through the dev outbox.
     */
    @Test
    void twoStepSignInJourney() throws Exception {
        String email = "two-step@example.test";
        String password = "amber-lantern-orbit-1";
        open("/signup");
        type("email", email);
        type("password", password);
        el("submit").click();
        waitForPath("/dashboard");

        open("/account/security");
        assertTrue(el("totp-status").getText().contains("off"), el("totp-status").getText());
        el("totp-begin").click();
        String secret = el("totp-secret").getText();
        assertEquals(1, browser.findElements(By.cssSelector("#totp-qr svg path")).size());
        assertTrue(el("totp-qr").getSize().getWidth() >= 100, "the QR code is drawn at a scannable size");
        screenshot("totp-enrol.png");
        type("confirm-code", AppCodes.at(secret, clock.instant()));
        el("confirm-totp").click();
        List<String> codes = el("recovery-codes").findElements(By.tagName("code")).stream().map(WebElement::getText).toList();
        assertEquals(10, codes.size(), codes.toString());
        screenshot("recovery-codes.png");

        signOutAndEnterPassword(email, password);
        clock.advance(Duration.ofSeconds(30)); // the app shows its next code
        type("code", AppCodes.at(secret, clock.instant()));
        el("verify").click();
        waitForPath("/dashboard");

        signOutAndEnterPassword(email, password);
        type("code", codes.get(0));
        el("verify").click();
        waitForPath("/dashboard");
        open("/account/security");
        assertEquals("9", el("recovery-left").getText());

        clock.advance(Duration.ofMinutes(6)); // past reauthWindowSeconds (300)
        open("/tokens");
        type("token-name", "after lunch");
        el("create-token").click();
        wait.until(ExpectedConditions.urlContains("/account/confirm"));
        assertEquals(base + "/account/confirm?next=%2Ftokens", browser.getCurrentUrl());
        screenshot("confirm.png");
        type("reauth-code", AppCodes.at(secret, clock.instant()));
        el("reauth-with-code").click();
        waitForPath("/tokens");
        type("token-name", "after lunch");
        el("create-token").click();
        assertTrue(el("new-token").getText().startsWith("gate_pat_"), el("new-token").getText());

        String moved = "two-step-moved@example.test";
        open("/account/email");
        type("new-email", moved);
        el("change-email").click();
        el("email-sent");
        open("/outbox");
        // Newest first: the notice to the old address, then the link to the new one.
        WebElement link = browser.findElements(By.cssSelector("#outbox a.mail-link")).stream()
                .filter(a -> a.getText().contains("/email/change?token=")).findFirst().orElseThrow();
        link.click();
        el("confirm-email-change").click();
        assertTrue(el("email-changed").getText().contains(moved), el("email-changed").getText());
        open("/dashboard");
        assertTrue(el("who").getText().contains(moved), el("who").getText());
    }

    /** Signs out, then enters the password on the sign-in page, which (with an app) goes on to the code page. */
    private void signOutAndEnterPassword(String email, String password) {
        signOut();
        open("/login");
        type("email", email);
        type("password", password);
        el("submit").click();
        waitForPath("/login/code");
        assertTrue(el("recovery-hint").getText().contains("recovery code"));
    }

    /** Swagger UI renders Gatehouse's OpenAPI document under the page's strict CSP: the operations show up. */
    @Test
    void apiDocsRenderTheOpenApiDocument() throws Exception {
        open("/docs/api");
        wait.until(d -> d.findElements(By.cssSelector(".opblock-summary-path")).size() >= 10);
        String paths = browser.findElements(By.cssSelector(".opblock-summary-path")).stream().map(WebElement::getText)
                .collect(java.util.stream.Collectors.joining(" "));
        assertTrue(paths.contains("/login") && paths.contains("/tokens"), paths);
        screenshot("api-docs.png");
    }

    private void signInElsewhere(String email, String password) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/auth/login"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
    }

    private int apiStatus(String path, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
