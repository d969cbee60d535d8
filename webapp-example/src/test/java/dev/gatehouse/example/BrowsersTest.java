package dev.gatehouse.example;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BrowsersTest {

    @Test
    void commonBrowsersAndSystemsByName() {
        assertEquals("Chrome on Windows", Browsers.describe("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36"));
        assertEquals("Edge on Windows", Browsers.describe("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"));
        assertEquals("Safari on iOS", Browsers.describe("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) "
                + "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"));
        assertEquals("Firefox on Linux", Browsers.describe("Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0"));
        assertEquals("Chrome on Android", Browsers.describe("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 "
                + "(KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"));
        assertEquals("curl", Browsers.describe("curl/8.5.0"));
    }

    @Test
    void unknownAgentsShowTheirFirstWordAndNothingIsUnknownBrowser() {
        assertEquals("Unknown browser", Browsers.describe(null));
        assertEquals("Unknown browser", Browsers.describe("  "));
        assertEquals("<script>alert(1)<", Browsers.describe("<script>alert(1)</script>"),
                "the page escapes it: this is only a name");
    }
}
