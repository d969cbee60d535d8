package dev.gatehouse.example;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.eclipse.jetty.server.Server;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The example on a random port with its own in-memory H2 and a test clock, driven by headless Chromium (Debian's
 * chromium + chromium-driver). Without them the suite skips loudly, or fails when {@code CI} is set. Every wait is
 * bounded (20 s) and ignores elements a page has just replaced, so a script that re-renders a list between the
 * lookup and the read is waited out instead of failing the test. Screenshots go to {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserSuite {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    final TestClock clock = new TestClock();
    Server server;
    String base;
    ChromeDriver browser;
    WebDriverWait wait;
    private final Map<String, String> previous = new HashMap<>();

    /** Settings beyond the example's dev settings, as {@code gatehouse.*} system properties; {@code base} is this run's origin. */
    Map<String, String> settings(String base) {
        return Map.of();
    }

    @BeforeAll
    void startAppAndBrowser() throws Exception {
        if (!Files.isExecutable(CHROMIUM) || !Files.isExecutable(DRIVER)) {
            String msg = "Chromium or chromedriver missing (apt-get install chromium chromium-driver)";
            if (System.getenv("CI") != null && !System.getenv("CI").isBlank()) {
                throw new AssertionError(msg + ": CI is set, so the browser test is required");
            }
            System.err.println("!!! SKIPPING BROWSER TEST: " + msg);
            Assumptions.abort(msg);
        }
        int port;
        try (java.net.ServerSocket probe = new java.net.ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        base = "http://localhost:" + port;
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("gatehouse.jdbcUrl", "jdbc:h2:mem:browser" + UUID.randomUUID().toString().replace("-", "")
                + ";DB_CLOSE_DELAY=-1");
        properties.put("gatehouse.housekeepingIntervalSeconds", "0");
        properties.put("gatehouse.publicBaseUrl", base); // email links and the passkey relying party: this server
        properties.putAll(settings(base));
        properties.forEach((key, value) -> previous.put(key, System.setProperty(key, value)));
        server = Main.start("127.0.0.1", port, Map.of(), clock);
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=1200,900",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build(), options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        Files.createDirectories(Path.of("target", "screenshots"));
    }

    @AfterAll
    void stopAppAndBrowser() throws Exception {
        try {
            if (browser != null) {
                browser.quit();
            }
            if (server != null) {
                server.stop();
            }
        } finally {
            previous.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
        }
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
        try {
            wait.until(ExpectedConditions.urlToBe(base + path));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("still at " + browser.getCurrentUrl() + ", which shows: "
                    + browser.findElement(By.tagName("body")).getText(), e);
        }
    }

    void screenshot(String name) throws Exception {
        Files.write(Path.of("target", "screenshots", name), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** The text the page's script writes into {@code #message}, once there is some. */
    String message() {
        return wait.until(d -> {
            String text = d.findElement(By.id("message")).getText();
            return text.isEmpty() ? null : text;
        });
    }

    void signOut() {
        el("logout").click();
        waitForPath("/");
    }
}
