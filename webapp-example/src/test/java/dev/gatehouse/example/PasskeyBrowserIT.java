package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
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
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PasskeyBrowserIT {

    final TestClock clock = new TestClock();
    Server server;
    String base;
    ChromeDriver browser;
    WebDriverWait wait;
    VirtualAuthenticator authenticator;

    @BeforeAll
    void start() throws Exception {
        if (!Files.isExecutable(BrowserFlowIT.CHROMIUM) || !Files.isExecutable(BrowserFlowIT.DRIVER)) {
            String msg = "Chromium or chromedriver missing (apt-get install chromium chromium-driver)";
            if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
                throw new AssertionError(msg + ": CI is set, so the browser test is required");
            }
            System.err.println("!!! SKIPPING BROWSER TEST: " + msg);
            Assumptions.abort(msg);
        }
        System.setProperty("gatehouse.jdbcUrl", "jdbc:h2:mem:pk" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1");
        System.setProperty("gatehouse.housekeepingIntervalSeconds", "0");
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        base = "http://localhost:" + port;
        System.setProperty("gatehouse.publicBaseUrl", base); // the relying party (localhost) and the origin
        System.setProperty("gatehouse.passkeyOrigins", base);
        server = Main.start("127.0.0.1", port, java.util.Map.of(), clock);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BrowserFlowIT.CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1200,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(BrowserFlowIT.DRIVER.toFile())
                .build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(Path.of("target", "screenshots"));
    }

    @AfterAll
    void stop() throws Exception {
        System.clearProperty("gatehouse.passkeyOrigins");
        if (browser != null) {
            browser.quit();
        }
        if (server != null) {
            server.stop();
        }
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

    WebElement el(String id) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    }

    void type(String id, String text) {
        WebElement e = el(id);
        e.clear();
        e.sendKeys(text);
    }

    void open(String path) {
        browser.get(base + path);
    }

    void waitForPath(String path) {
        wait.until(ExpectedConditions.urlToBe(base + path));
    }

    void screenshot(String name) throws Exception {
        Files.write(Path.of("target", "screenshots", name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    void signOut() {
        el("logout").click();
        waitForPath("/");
    }

    String message() {
        return wait.until(d -> {
            String text = d.findElement(By.id("message")).getText();
            return text.isEmpty() ? null : text;
        });
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
