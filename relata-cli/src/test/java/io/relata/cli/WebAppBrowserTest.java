package io.relata.cli;

import io.relata.app.Relationships;
import io.relata.app.Workspace;
import io.relata.app.audit.AuditKey;
import io.relata.app.audit.AuditTrail;
import io.relata.server.RelataServer;
import io.relata.server.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web application in a real browser (Debian's headless Chromium through its chromedriver, nothing downloaded),
 * over the demo's system on a small population: an analyst signs in, chooses the case and purpose, searches, opens a
 * profile, explores and expands the graph, finds a path, decides a review item, disposes of a lead and an alert; then
 * an auditor finds those actions in the audit trail and verifies the chain. Screenshots of the main screens go to
 * {@code target/screenshots} (or where {@code -Drelata.screenshots=DIR} says, e.g. docs/screenshots).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebAppBrowserTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;

    private Workspace ws;
    private RelataServer server;
    private DemoSetup.Result demo;
    private String base;
    private WebDriver driver;
    private WebDriverWait wait;
    private Path screenshots;
    private Path downloads;
    private long watched;
    private String watchedName;

    @BeforeAll
    void start() throws IOException {
        HeadlessChromium.requireInstalled();

        Path store = dir.resolve("store");
        DemoSetup.freshStore(store);
        ws = Workspace.open(store.toString());
        AuditTrail audit = new AuditTrail(ws.store(), AuditKey.loadOrCreate(store.resolve("audit.key")));
        demo = DemoSetup.run(ws, audit, dir.resolve("data"), 8000, 7, new PrintStream(OutputStream.nullOutputStream()));
        watched = demo.watch().entityId();
        watchedName = new Relationships(ws).label(watched);
        server = new RelataServer(ServerConfig.defaults().withPort(0), ws, audit, Clock.systemUTC());
        base = "http://127.0.0.1:" + server.start();

        screenshots = Path.of(System.getProperty("relata.screenshots", "target/screenshots"));
        Files.createDirectories(screenshots);
        downloads = Files.createDirectories(dir.resolve("downloads"));
        ChromeOptions options = HeadlessChromium.options(dir.resolve("chromium-profile"));
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        driver = HeadlessChromium.start(options);
        wait = new WebDriverWait(driver, WAIT);
    }

    @AfterAll
    void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
        if (ws != null) ws.close();
    }

    @Test
    void an_analyst_works_a_case_and_an_auditor_finds_every_step_in_the_trail() throws Exception {
        // The page and everything it loads come from this server; its policy forbids anything else.
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(v -> assertThat(v).startsWith("default-src 'self'"));

        long t0 = System.nanoTime();
        driver.get(base + "/");
        WebElement username = visible(By.id("username"));
        long firstScreenMs = (System.nanoTime() - t0) / 1_000_000;
        assertThat(firstScreenMs).as("sign-in screen shown within a second on loopback").isLessThan(1000);
        shot("01-sign-in");

        signIn("analyst", username);
        // case and purpose
        visible(By.id("context-form"));
        WebElement harbor = driver.findElement(By.cssSelector("#case-choice input[value='" + demo.demoCase().id() + "']"));
        if (!harbor.isSelected()) harbor.click();
        driver.findElement(By.id("purpose")).sendKeys("Investigation Harbor: identify the ring's members");
        shot("02-case-and-purpose");
        driver.findElement(By.id("context-submit")).click();
        wait.until(ExpectedConditions.textToBe(By.id("current-case"), "Harbor"));

        // search by name: ranked hits with why each matched
        WebElement name = visible(By.id("search-name"));
        name.sendKeys(watchedName);
        name.sendKeys(Keys.ENTER); // keyboard only
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#search-results tr.hit")));
        assertThat(text("#search-results")).contains("#" + watched).contains("same");
        shot("03-search");

        // the profile of the watched subject: values with sources, records with load dates, quality flags, timeline, history, why
        driver.findElement(By.xpath("//tr[contains(@class,'hit')][.//*[text()='#" + watched + "']]//a[text()='Open profile']")).click();
        visible(By.id("values"));
        assertThat(text("#records")).contains(":");
        assertThat(text("#history")).isNotBlank();
        assertThat(text("#records")).contains("loaded");
        assertThat(text("#timeline h2")).isEqualTo("Timeline");
        assertThat(text("#quality h2")).isEqualTo("Data-quality flags");
        List<WebElement> why = driver.findElements(By.id("why-submit"));
        if (!why.isEmpty()) {
            why.get(0).click();
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#why-result table")));
        }
        shot("04-profile");

        // the graph: the 2-hop network, expand an entity, evidence of a connection, a path, a picture
        driver.findElement(By.id("open-graph")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#entity-list button[data-entity]")));
        if (driver.findElement(By.id("entity-list")).getAttribute("open") == null) driver.findElement(By.cssSelector("#entity-list summary")).click();
        List<WebElement> nodes = driver.findElements(By.cssSelector("#entity-list button[data-entity]"));
        assertThat(nodes.size()).isGreaterThan(1);
        int before = nodes.size();
        WebElement neighbour = nodes.stream().filter(b -> !b.getAttribute("data-entity").equals(Long.toString(watched)))
                .findFirst().orElseThrow();
        String neighbourId = neighbour.getAttribute("data-entity");
        neighbour.click();
        visible(By.id("graph-expand")).click();
        List<WebElement> dialogs = driver.findElements(By.cssSelector("dialog[open] textarea"));
        if (!dialogs.isEmpty()) { // not a subject yet: expanding makes it one, with a reason
            dialogs.get(0).sendKeys("Connected to the watched identity; needed to see its own connections");
            driver.findElement(By.cssSelector("dialog[open] button[type='submit']")).click();
        }
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("graph-status"), "Expanded"));
        assertThat(driver.findElements(By.cssSelector("#entity-list button[data-entity]")).size()).isGreaterThanOrEqualTo(before);
        assertThat(driver.findElements(By.id("hidden-generic"))).hasSize(1);
        driver.findElement(By.cssSelector("#edge-list summary")).click();
        driver.findElement(By.cssSelector("#edge-list button[data-edge]")).click();
        assertThat(text("#graph-details")).contains("shared by");
        new Select(driver.findElement(By.id("path-from"))).selectByValue(Long.toString(watched));
        new Select(driver.findElement(By.id("path-to"))).selectByValue(neighbourId); // a subject now
        driver.findElement(By.id("path-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#path-results .path-result, #path-results .notice")));
        assertThat(text("#path-results")).contains("hop");
        shot("05-graph-path");
        driver.manage().window().setSize(new Dimension(1920, 1080)); // a large screen: the graph fits itself again
        Thread.sleep(600);
        shot("13-graph-large-screen");
        driver.manage().window().setSize(new Dimension(1440, 900));
        driver.findElement(By.id("graph-png")).click();
        wait.until(d -> downloaded("relata-network-" + watched + ".png"));

        // the review queue: decide one pair, with a reason
        driver.get(base + "/#/review");
        visible(By.id("review-form"));
        shot("06-review");
        String pair = driver.findElement(By.cssSelector("#review-list button[aria-pressed='true'] .mono")).getText();
        String firstRecord = pair.split("~")[0].strip();
        driver.findElement(By.cssSelector("#review-form input[value='different']")).click();
        driver.findElement(By.id("review-reason")).sendKeys("Different birth dates and given names; only the address is shared");
        driver.findElement(By.id("review-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("review-status"), "Recorded"));

        // a lead: open it, its evidence, escalate it with a note
        driver.get(base + "/#/leads");
        visible(By.cssSelector("#lead-list button[data-lead]")).click();
        visible(By.id("lead-form"));
        String lead = driver.findElement(By.cssSelector("#lead-detail h2")).getText().replaceAll("\\D*(\\d+).*", "$1");
        shot("07-leads");
        driver.findElement(By.cssSelector("#lead-form input[value='ESCALATED']")).click();
        driver.findElement(By.id("lead-note")).sendKeys("Shared identifiers across unrelated names: pass to the field office");
        driver.findElement(By.id("lead-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lead-status-message"), "escalated"));

        // an alert the second extract raised: acknowledge it
        driver.get(base + "/#/alerts");
        visible(By.cssSelector("#alert-list button[data-alert]")).click();
        visible(By.id("alert-form"));
        shot("08-alerts");
        driver.findElement(By.cssSelector("#alert-form input[value='ACKNOWLEDGED']")).click();
        driver.findElement(By.id("alert-note")).sendKeys("New record for the watched identity; seen");
        driver.findElement(By.id("alert-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("alert-message"), "acknowledged"));

        driver.get(base + "/#/cases");
        visible(By.id("watches"));
        shot("09-cases-watches");

        // reports: the demo's report, approved and sent to the partner agency, its chart a picture the API serves
        driver.get(base + "/#/reports");
        visible(By.cssSelector("a[data-report]")).click();
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "const i = document.querySelector('img.chart'); return !!i && i.complete && i.naturalWidth > 0;")));
        assertThat(text("main")).contains(DemoSetup.REPORT_TITLE).contains("approved").contains(DemoSetup.PARTNER_AGENCY);
        shot("14-report");
        // and a new one composed here: its first version awaits a supervisor
        driver.get(base + "/#/reports/new");
        visible(By.id("report-title")).sendKeys("Composed in the browser");
        driver.findElement(By.cssSelector("input[name='report-entity']")).click();
        new Select(driver.findElement(By.id("report-chart-kind"))).selectByValue("NETWORK");
        driver.findElement(By.id("report-save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Composed in the browser"));
        assertThat(text("main")).contains("pending");
        assertNoConsoleErrors();
        assertEverythingCameFromHere();

        // the auditor: who looked at the watched person, what the analyst did, is the chain intact
        signOut();
        signIn("auditor", visible(By.id("username")));
        visible(By.id("audit-form"));
        driver.findElement(By.id("audit-term")).sendKeys("entity:" + watched);
        driver.findElement(By.id("audit-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#audit-results tr.audit-entry")));
        assertThat(text("#audit-results")).contains("analyst").contains("entity.read").contains("graph.network")
                .contains("graph.path").contains("Investigation Harbor");
        shot("10-audit");
        new Select(driver.findElement(By.id("audit-kind"))).selectByValue("actor");
        WebElement term = driver.findElement(By.id("audit-term"));
        term.clear();
        term.sendKeys("analyst");
        driver.findElement(By.id("audit-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-results"), "review.decide"));
        assertThat(text("#audit-results")).contains("entity.search").contains("review.decide").contains("lead.dispose")
                .contains("alert.dispose");
        driver.findElement(By.id("audit-verify")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("audit-verify-result"), "intact"));
        assertThat(firstRecord).contains(":");
        assertThat(lead).isNotBlank();

        // the administrator: users and their training; a user whose privacy training has lapsed is told so
        signOut();
        signIn("admin", visible(By.id("username")));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("user-editor")));
        assertThat(text("main")).contains("analyst").contains("lapsed");
        shot("11-admin-users");
        signOut();
        signIn("lapsed", visible(By.id("username")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("notices"), "privacy training has lapsed"));
        shot("12-training-lapsed");
        signOut();
        signIn("privacy", visible(By.id("username")));
        // the privacy officer's retention page (plain counts, no personal data)
        driver.findElement(By.cssSelector("nav a[href='#/retention']")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#legal-holds table")));
        assertThat(text("#retention-preview")).contains("What expires by").contains("records would be removed");
        assertThat(text("#retention-runs")).contains("Last runs");
        assertThat(text("#legal-holds")).contains("Harbor").contains("Legal hold");
        shot("15-retention");
        // a partner agency's account opens its inbox of reports disseminated to it, and nothing else
        signOut();
        signIn("partner", visible(By.id("username")));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), "Reports disseminated to"));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("main"), DemoSetup.REPORT_TITLE));
        assertThat(driver.findElements(By.cssSelector("main .notice.error"))).isEmpty();
        assertNoConsoleErrors();
    }

    private void signIn(String user, WebElement username) {
        username.sendKeys(user);
        WebElement password = driver.findElement(By.id("password"));
        password.sendKeys(demo.accounts().stream().filter(a -> a.username().equals(user)).findFirst().orElseThrow().password());
        password.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
    }

    private void signOut() {
        driver.findElement(By.id("sign-out")).click();
        visible(By.id("signin-form"));
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private boolean downloaded(String name) {
        Path f = downloads.resolve(name);
        try {
            return Files.exists(f) && Files.size(f) > 1000 && png(f);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean png(Path f) throws IOException {
        byte[] head = Files.readAllBytes(f);
        return head.length > 8 && head[1] == 'P' && head[2] == 'N' && head[3] == 'G';
    }

    private void shot(String name) throws IOException {
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private void assertNoConsoleErrors() {
        List<String> problems = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            // a refused request (401/404/...) is the application's expected answer, shown on the page
            if (e.getLevel().intValue() >= Level.SEVERE.intValue() && !e.getMessage().contains("Failed to load resource")) {
                problems.add(e.getMessage());
            }
            if (e.getMessage().contains("Content Security Policy")) problems.add(e.getMessage());
        }
        assertThat(problems).as("browser console errors").isEmpty();
    }

    @SuppressWarnings("unchecked")
    private void assertEverythingCameFromHere() {
        List<String> urls = (List<String>) ((JavascriptExecutor) driver).executeScript(
                "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href]);");
        assertThat(urls).isNotEmpty().allSatisfy(u -> assertThat(u).startsWith(base + "/"));
        assertThat(urls).anySatisfy(u -> assertThat(u).contains("/vendor/cytoscape/cytoscape.esm.min.mjs"));
    }
}
