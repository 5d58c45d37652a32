package io.relata.cli;

import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Debian's headless Chromium through its chromedriver, as the browser tests drive it. */
final class HeadlessChromium {
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private HeadlessChromium() {}

    /** Fails under CI (`.ci/run` installs the browser) when it is missing; elsewhere the test does not run. */
    static void requireInstalled() {
        boolean present = Files.isExecutable(CHROMEDRIVER) && Files.isExecutable(CHROMIUM);
        if (!present && System.getenv("CI") != null) {
            fail("the browser test needs Debian's chromium and chromium-driver (.ci/run installs them)");
        }
        assumeTrue(present, "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
    }

    /**
     * Options for a fresh, quiet browser with its profile in {@code profile}: no background connections, which this
     * machine's closed network would refuse, and a 1440×900 window.
     */
    static ChromeOptions options(Path profile) throws IOException {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--no-first-run",
                "--disable-default-apps", "--disable-sync", "--disable-extensions", "--hide-scrollbars",
                "--user-data-dir=" + Files.createDirectories(profile), "--window-size=1440,900");
        return options;
    }

    static WebDriver start(ChromeOptions options) {
        WebDriver driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build(), options);
        driver.manage().window().setSize(new Dimension(1440, 900));
        return driver;
    }
}
