package io.relata.cli;

import io.relata.app.Ingest;
import io.relata.app.Workspace;
import io.relata.app.access.Accounts;
import io.relata.app.access.Role;
import io.relata.app.audit.AuditKey;
import io.relata.app.audit.AuditTrail;
import io.relata.core.ingest.Reject;
import io.relata.server.RelataServer;
import io.relata.server.ServerConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The privacy officer's pages in a real browser (Debian's headless Chromium): register an access request, decide its
 * records, the package link; register and accept a correction, and see it on the entity's profile beside the source's
 * value. Screenshots go to {@code target/screenshots}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrivacyBrowserTest {
    private static final String PASSWORD = "a long enough secret";

    @TempDir
    static Path dir;
    private Workspace ws;
    private RelataServer server;
    private String base;
    private WebDriver driver;
    private WebDriverWait wait;
    private Path screenshots;

    @BeforeAll
    void start() throws IOException {
        HeadlessChromium.requireInstalled();
        Path data = dir.resolve("people.jsonl");
        try (InputStream in = getClass().getResourceAsStream("/privacy/requester-variants.jsonl")) {
            Files.write(data, in.readAllBytes());
        }
        ws = Workspace.open(dir.resolve("store").toString());
        new Ingest(ws, 100).run(List.of(data), null, new Ingest.Listener() {
            @Override
            public void progress(long read, long accepted, long rejected) {
            }

            @Override
            public void rejected(Reject reject) {
                throw new AssertionError(reject.toString());
            }
        });
        AuditTrail audit = new AuditTrail(ws.store(), AuditKey.loadOrCreate(dir.resolve("audit.key")));
        Accounts accounts = new Accounts(ws.store(), audit::append);
        accounts.createUser("pat", "Pat Privacy", Set.of(Role.PRIVACY_OFFICER), PASSWORD.toCharArray(), null, "setup");
        accounts.recordTraining("pat", LocalDate.now(), "setup");
        server = new RelataServer(ServerConfig.defaults().withPort(0), ws, audit, Clock.systemUTC());
        base = "http://127.0.0.1:" + server.start();
        screenshots = Files.createDirectories(Path.of(System.getProperty("relata.screenshots", "target/screenshots")));
        driver = HeadlessChromium.start(HeadlessChromium.options(dir.resolve("chromium-profile")));
        wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    @AfterAll
    void stop() {
        if (driver != null) driver.quit();
        if (server != null) server.close();
        if (ws != null) ws.close();
    }

    @Test
    void aPrivacyOfficerAnswersAnAccessRequestAndAcceptsACorrection() throws IOException {
        driver.get(base + "/");
        visible(By.id("username")).sendKeys("pat");
        WebElement password = driver.findElement(By.id("password"));
        password.sendKeys(PASSWORD);
        password.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("sign-out")));
        visible(By.id("context-form"));
        driver.findElement(By.id("purpose")).sendKeys("Access request of Anna Kowalski, letter of 1 March");
        driver.findElement(By.id("context-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("current-purpose"), "Access request"));

        driver.get(base + "/#/access-requests");
        visible(By.id("ar-names")).sendKeys("Anna Kowalski");
        driver.findElement(By.id("ar-dob")).sendKeys("1980-03-04");
        driver.findElement(By.id("ar-notes")).sendKeys("letter of 1 March");
        driver.findElement(By.id("ar-submit")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("ar-message"), "registered"));
        assertThat(text("#ar-list")).contains("Anna Kowalski");
        shot("privacy-01-access-requests");

        driver.findElement(By.cssSelector("#ar-message a")).click();
        visible(By.id("ar-candidates"));
        for (String record : List.of("VISA:V-100", "BORDER:B-7", "POLICE:P-3", "BENEFITS:BN-9", "COURT:C-2")) {
            assertThat(text("#ar-candidates")).contains(record);
        }
        assertThat(text("#ar-candidates")).contains("Score", "same given name");
        shot("privacy-02-request");
        // decide every record: hers released (the border record in part), the others withheld
        int decided = 0;
        for (long left = undecided(); left > 0; left = undecided()) {
            WebElement next = driver.findElements(By.cssSelector("#ar-candidates article.record")).stream()
                    .filter(a -> a.getText().contains("Not decided yet.")).findFirst().orElseThrow();
            String record = next.getAttribute("data-record");
            boolean hers = List.of("VISA:V-100", "BORDER:B-7", "POLICE:P-3", "BENEFITS:BN-9", "COURT:C-2").contains(record);
            new Select(next.findElement(By.cssSelector("select.ar-decision"))).selectByValue(
                    record.equals("BORDER:B-7") ? "PARTIAL" : hers ? "RELEASE" : "WITHHOLD");
            if (record.equals("BORDER:B-7")) next.findElement(By.cssSelector("input.ar-withheld")).sendKeys("events[0]");
            if (!hers || record.equals("BORDER:B-7")) next.findElement(By.cssSelector("input.ar-reason")).sendKeys(hers
                    ? "exemption (b)(7)(E)" : "not about the requester");
            next.findElement(By.cssSelector("button[type='submit']")).click();
            decided++;
            long before = left;
            // the page is drawn afresh after each decision
            wait.until(d -> undecided() < before && !d.findElements(By.id("ar-log")).isEmpty());
        }
        assertThat(decided).isGreaterThanOrEqualTo(5);
        assertThat(text("#ar-current-status")).isEqualTo("in review");
        assertThat(driver.findElement(By.id("ar-package")).getAttribute("href")).contains("/package?purpose=");
        assertThat(text("#ar-log")).contains("decision", "status");
        shot("privacy-03-decided");

        driver.get(base + "/#/corrections");
        visible(By.id("corr-record")).sendKeys("BORDER:B-7");
        driver.findElement(By.id("corr-field")).sendKeys("dob");
        driver.findElement(By.id("corr-value")).sendKeys("1980-03-04");
        driver.findElement(By.id("corr-reason")).sendKeys("day and month swapped by the source");
        driver.findElement(By.cssSelector("#corr-form button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("corr-message"), "registered"));
        // the list is refreshed after the message: wait for its row rather than race the refresh
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("#corr-list button"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("corr-source-value"), "1980-04-03"));
        assertThat(text("#corr-detail")).contains("Nobody was sent this record's data.");
        driver.findElement(By.cssSelector("#corr-decide input[value='ACCEPT']")).click();
        driver.findElement(By.id("corr-note")).sendKeys("the passport shows 4 March");
        driver.findElement(By.cssSelector("#corr-decide button[type='submit']")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("corr-message"), "accepted"));
        shot("privacy-04-corrections");

        long entity = ws.resolver().entityOf(new io.relata.core.model.RecordKey("BORDER", "B-7"));
        driver.get(base + "/#/entity/" + entity);
        visible(By.id("corrections"));
        assertThat(text("#corrections")).contains("BORDER:B-7", "dob", "1980-04-03", "1980-03-04", "decided by pat",
                "day and month swapped by the source");
        shot("privacy-05-profile-correction");
    }

    /** How many records on the request's page wait for a decision (read in one go: the page is redrawn after each). */
    private long undecided() {
        return (Long) ((JavascriptExecutor) driver).executeScript("return [...document.querySelectorAll("
                + "'#ar-candidates article.record')].filter(a => a.textContent.includes('Not decided yet.')).length;");
    }

    private WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    private String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    private void shot(String name) throws IOException {
        ((JavascriptExecutor) driver).executeScript("window.scrollTo(0, 0)");
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), screenshots.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }
}
