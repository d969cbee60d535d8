package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every page of the example, signed out, as a member and as an administrator, checked by axe-core (the WebJar's
 * {@code axe.min.js}, injected by Selenium, which the pages' CSP does not govern): a serious or critical violation
 * fails the test, all of them listed. Each page is also saved as a screenshot ({@code target/screenshots/page-*.png},
 * 1280 px wide), which {@code tools/screenshots} copies to {@code docs/images/}. Keyboard-only sign-in: Tab to the
 * fields, type, Enter, signed in.
 */
class AccessibilityIT extends BrowserSuite {

    static final String PW = "quiet-harbour-lantern-7";
    static final String ADMIN = "admin@example.test";
    static final Set<String> FAILING = Set.of("serious", "critical");

    @Override
    Map<String, String> settings(String base) {
        return Map.of("example.bootstrapAdmin", ADMIN, "gatehouse.rateLimitSignUpPerHour", "100",
                "gatehouse.rateLimitSignInPerHour", "200", "gatehouse.maxConsecutiveFailures", "5",
                "gatehouse.lockoutSeconds", "600");
    }

    @Test
    void everyPageHasNoSeriousOrCriticalViolation() throws Exception {
        seedActivity();
        browser.manage().window().setSize(new Dimension(1280, 900));
        browser.manage().deleteAllCookies();
        List<String> problems = new ArrayList<>();
        for (String path : List.of("/", "/login", "/signup", "/forgot", "/reset-password?token=x", "/verify-email?token=x",
                "/email/change?token=x", "/admin", "/no/such/page", "/docs/api")) {
            check("signed-out", path, problems);
        }

        open("/login");
        type("email", "ada@example.test");
        type("password", PW);
        el("submit").click();
        waitForPath("/dashboard");
        open("/tokens"); // something in the lists the pages show
        type("token-name", "deploy script");
        el("create-token").click();
        el("new-token");
        for (String path : List.of("/dashboard", SecurityPage.PATH, "/devices", "/tokens", "/password", "/account/email",
                "/account/activity", ConfirmPage.PATH + "?next=/tokens", "/admin")) {
            check("member", path, problems);
        }
        signOut();

        signInAsAdmin();
        for (String path : List.of(AdminDashboard.PATH, "/admin", "/admin?q=example&page=1", AdminRoles.PATH,
                "/admin/audit", "/outbox")) {
            check("admin", path, problems);
        }
        browser.manage().window().setSize(new Dimension(390, 844)); // a phone
        for (String path : List.of(SecurityPage.PATH, AdminDashboard.PATH)) {
            check("phone", path, problems);
        }
        assertTrue(problems.isEmpty(), problems.size() + " serious or critical violations:\n" + String.join("\n", problems));
    }

    @Test
    void keyboardOnlySignIn() throws Exception {
        String email = "keys@example.test";
        api("/auth/signup", "{\"email\":\"" + email + "\",\"password\":\"" + PW + "\"}");
        browser.manage().deleteAllCookies();
        open("/login");
        tabTo("email");
        new Actions(browser).sendKeys(email).perform();
        tabTo("password");
        new Actions(browser).sendKeys(PW).sendKeys(Keys.ENTER).perform();
        waitForPath("/dashboard");
        assertTrue(el("who").getText().contains(email), el("who").getText());
        assertEquals(email, el("nav-user").getText(), "the top bar says who is signed in");
        signOut();
    }

    /** Presses Tab until the element with this id has the focus (at most 40 times: the page is short). */
    private void tabTo(String id) {
        for (int i = 0; i < 40; i++) {
            new Actions(browser).sendKeys(Keys.TAB).perform();
            WebElement focused = browser.switchTo().activeElement();
            if (id.equals(focused.getAttribute("id"))) {
                return;
            }
        }
        throw new AssertionError("Tab never reached #" + id);
    }

    /** Opens the page, runs axe-core on it, saves a screenshot, and adds each serious or critical violation. */
    @SuppressWarnings("unchecked")
    private void check(String who, String path, List<String> problems) throws Exception {
        open(path);
        wait.until(d -> ((org.openqa.selenium.JavascriptExecutor) d).executeScript("return document.readyState").equals("complete"));
        if (path.equals("/docs/api")) {
            wait.until(d -> !d.findElements(By.cssSelector(".opblock-summary-path")).isEmpty());
        }
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        List<Map<String, Object>> violations = (List<Map<String, Object>>) browser.executeAsyncScript(axe()
                + "\nconst done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(function (r) {"
                + "  done(r.violations.map(function (v) { return {id: v.id, impact: v.impact || '', help: v.help,"
                + "    nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' '); }).join(' | ')}; }));"
                + "}).catch(function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: ''}]); });");
        for (Map<String, Object> v : violations) {
            if (FAILING.contains(String.valueOf(v.get("impact")))) {
                problems.add(who + " " + path + ": " + v.get("impact") + " " + v.get("id") + " (" + v.get("help") + ") at "
                        + v.get("nodes"));
            }
        }
        screenshot("page-" + who + "-" + path.replaceAll("[^A-Za-z0-9]+", "_").replaceAll("^_|_$", "") + ".png");
    }

    private static String axeSource;

    private static synchronized String axe() throws Exception {
        if (axeSource == null) {
            try (InputStream in = AccessibilityIT.class.getClassLoader()
                    .getResourceAsStream("META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
                if (in == null) {
                    throw new AssertionError("axe.min.js not on the test class path (org.webjars.npm:axe-core)");
                }
                axeSource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return axeSource;
    }

    /**
     * Accounts and a day of sign-ins over the HTTP API, the server's clock moved between hours: the admin dashboard's
     * charts and the activity pages then have something to show.
     */
    private void seedActivity() throws Exception {
        List<String> people = List.of("ada", "grace", "edsger", "barbara", "ken");
        for (String p : people) {
            api("/auth/signup", "{\"email\":\"" + p + "@example.test\",\"password\":\"" + PW + "\"}");
        }
        for (int hour = 0; hour < 9; hour++) {
            for (int i = 0; i <= hour % 4; i++) {
                String p = people.get((hour + i) % people.size());
                api("/auth/login", "{\"email\":\"" + p + "@example.test\",\"password\":\"" + PW + "\"}",
                        AGENTS.get((hour + i) % AGENTS.size()));
            }
            if (hour % 3 == 1) {
                api("/auth/login", "{\"email\":\"ken@example.test\",\"password\":\"not-the-password\"}");
            }
            if (hour == 6) { // someone guesses at barbara's password until the lock stops them
                for (int i = 0; i < 12; i++) {
                    api("/auth/login", "{\"email\":\"barbara@example.test\",\"password\":\"guess-" + i + "\"}",
                            AGENTS.get(3));
                }
            }
            clock.advance(Duration.ofMinutes(55));
        }
    }

    private void signInAsAdmin() {
        open("/signup");
        type("email", ADMIN);
        type("password", PW);
        el("submit").click();
        waitForPath("/dashboard");
        el("send-verification").click();
        wait.until(ExpectedConditions.urlContains("/outbox"));
        browser.findElements(By.cssSelector("#outbox a.mail-link")).stream()
                .filter(a -> a.getText().contains("/verify-email?token=")).findFirst().orElseThrow().click();
        el("confirm").click();
        waitForPath("/dashboard"); // the bootstrap admin is promoted at the first page view after verification
        wait.until(d -> d.findElement(By.id("roles")).getText().contains("admin"));
    }

    /** The browsers the seeded sign-ins claim to be, so the device lists read like real ones. */
    static final List<String> AGENTS = List.of(
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 "
                    + "Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "curl/8.5.0");

    private int api(String path, String json) throws Exception {
        return api(path, json, "Java-http-client");
    }

    private int api(String path, String json, String userAgent) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + path)).header("User-Agent", userAgent)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
