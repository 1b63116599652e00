package dev.rondo.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rondo.client.StartOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The dashboard in a real browser (Debian's headless Chromium driven by Selenium), as a user goes through it:
 * the list, a waiting execution with its line marked and its variables, a signal sent from the page and the
 * page following the execution to its end (live log, then reload), a cancel with its confirmation, a failed
 * execution's error, and the queue page. Skipped, with the reason, only where Chromium is not installed.
 * With {@code -Drondo.screenshots=DIR} it also saves a screenshot of each page there (docs/images).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    static Path dir;

    static Fixture fixture;
    static RondoDashboard dashboard;
    static WebDriver browser;
    static WebDriverWait wait;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER),
                "Chromium is not installed: browser tests need `apt-get install -y chromium chromium-driver`");
        fixture = new Fixture("dash_browser", dir).started();
        for (int i = 1; i <= 3; i++) { // a few finished executions, so the list looks like a day's work
            String id = "done-" + i;
            fixture.client.start("approve", "{\"id\":\"o-1" + i + "\"}", StartOptions.DEFAULT.withId(id).withQueue("dash"));
            fixture.awaitStatus(id, "waiting");
            fixture.client.handle(id).signal("approve", "\"yes\"");
            fixture.awaitStatus(id, "completed");
        }
        dashboard = RondoDashboard.start(fixture.db, DashboardOptions.DEFAULTS.withPort(0));
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1440,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.quit();
        }
        if (dashboard != null) {
            dashboard.close();
        }
        if (fixture != null) {
            fixture.close();
        }
    }

    private static void open(String path) {
        browser.get(dashboard.uri().resolve(path).toString());
    }

    private static void screenshot(String name) throws IOException {
        String target = System.getProperty("rondo.screenshots");
        if (target != null && !target.isBlank()) {
            Path file = Path.of(target).resolve(name + ".png");
            Files.createDirectories(file.getParent());
            Files.write(file, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
    }

    @Test
    @Order(1)
    void fromTheListToAWaitingExecutionWithItsLineAndVariables() throws IOException {
        open("/");
        wait.until(ExpectedConditions.titleContains("Executions"));
        assertEquals("3", browser.findElement(By.cssSelector("a[data-status=waiting] b")).getText());
        screenshot("executions");
        open("/executions?workflow=approve");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("a[data-status=completed] b"), "3")); // fetched by the script
        open("/executions");
        browser.findElement(By.linkText("wait-1")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("marked-line")));
        WebElement line = browser.findElement(By.id("marked-line"));
        assertTrue(line.getAttribute("class").contains("waiting"));
        assertTrue(line.getText().contains("let answer = await Signal.next(\"approve\")"), line.getText());
        assertTrue(line.getText().contains("waits for signal approve"), line.getText());
        WebElement order = browser.findElement(By.cssSelector("li[data-var=order]"));
        assertTrue(order.getText().contains("\"o-1\"") && order.getText().contains("12.5"), order.getText());
        assertTrue(browser.findElement(By.id("log")).getText().contains("asking for o-1"));
        screenshot("execution-waiting");
    }

    @Test
    @Order(2)
    void aSignalSentFromThePageCompletesItAndThePageFollows() {
        open("/execution?id=wait-1");
        WebElement payload = browser.findElement(By.name("payload"));
        payload.clear();
        payload.sendKeys("{\"approved\": tru");
        assertEquals(Boolean.FALSE, ((JavascriptExecutor) browser).executeScript("return arguments[0].validity.valid", payload),
                "a payload that is not JSON is refused before it is sent");
        payload.sendKeys("e}");
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return arguments[0].validity.valid", payload));
        browser.findElement(By.cssSelector("form.signal button")).click();
        // The page comes back waiting or already done; the live log's end event reloads it once the execution ends.
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1 .badge"), "completed"));
        assertTrue(browser.findElement(By.id("log")).getText().contains("answer: [object Object]")
                || browser.findElement(By.id("log")).getText().contains("answer:"), browser.findElement(By.id("log")).getText());
        assertTrue(browser.findElement(By.id("result")).getText().contains("approved"));
        assertFalse(browser.findElements(By.cssSelector("form.signal")).iterator().hasNext(), "no actions once it has ended");
    }

    @Test
    @Order(3)
    void cancelAsksForConfirmation() {
        open("/execution?id=sleep-1");
        browser.findElement(By.cssSelector("form.cancel input[name=confirm]")).click();
        browser.findElement(By.cssSelector("form.cancel button")).click();
        wait.until(ExpectedConditions.alertIsPresent()).dismiss();
        assertEquals("waiting", fixture.client.handle("sleep-1").status().text(), "dismissed: nothing happens");
        browser.findElement(By.cssSelector("form.cancel button")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBe(By.cssSelector("h1 .badge"), "cancelled"));
    }

    @Test
    @Order(4)
    void aFailedExecutionShowsItsErrorWithFileLineAndColumn() throws IOException {
        open("/executions?status=failed");
        browser.findElement(By.linkText("fail-1")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error")));
        assertEquals("broken.flow:2:1: Error: no stock for 3 items", browser.findElement(By.id("error")).getText());
        assertTrue(browser.findElement(By.id("marked-line")).getAttribute("class").contains("failed"));
        screenshot("execution-failed");
    }

    @Test
    @Order(5)
    void aRetryingTaskShowsItsAttemptsAndLastError() throws IOException {
        open("/execution?id=retry-1");
        WebElement pending = browser.findElement(By.cssSelector("table.pending"));
        assertTrue(pending.getText().contains("sendInvoice"), pending.getText());
        screenshot("execution-retrying");
    }

    @Test
    @Order(6)
    void theQueuePageShowsQueuesAndWorkers() throws IOException {
        fixture.client.start("approve", "{}", StartOptions.DEFAULT.withId("orphan-1").withQueue("reports"));
        open("/queues");
        WebElement dash = browser.findElement(By.cssSelector("tr[data-queue=dash]"));
        assertTrue(dash.getText().contains("/4)"), dash.getText());
        WebElement orphan = browser.findElement(By.cssSelector("tr[data-queue=reports]"));
        assertTrue(orphan.getText().contains("no worker serves this queue"), orphan.getText());
        assertTrue(browser.findElement(By.cssSelector("table.workers")).getText().contains(fixture.worker.id()));
        screenshot("queues");
        open("/workflows");
        assertTrue(browser.findElement(By.cssSelector("table.workflows")).getText().contains("retrying"));
        screenshot("workflows");
    }
}
