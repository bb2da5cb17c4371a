package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.grad4j.serve.Limits;
import org.grad4j.serve.PageServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The page in a real browser: Debian's Chromium, headless, driven by Selenium through Debian's
 * chromedriver (nothing is downloaded). Screenshots go to {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServePageBrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    /** Drawn path ends against compare's: the same doubles, through JSON both ways. */
    private static final double SAME_POINT = 1e-12;
    private static final double SUM_TOLERANCE = 1e-9;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private static PageServer server;
    private static ChromeDriver driver;
    private static Path profile;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(new File(CHROMEDRIVER).canExecute() && new File(CHROMIUM).canExecute(),
                "needs Debian's chromium and chromium-driver");
        server = PageServer.start("127.0.0.1", 0, new InProcessCommands(), Limits.defaults(), null, null);
        profile = Files.createTempDirectory("grad4j-chromium");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM);
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1400,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort().build();
        driver = new ChromeDriver(service, o);
        driver.get(server.url());
    }

    @AfterAll
    static void stop() throws Exception {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(driver, WAIT, Duration.ofMillis(50));
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    private static void screenshot(String name) throws Exception {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        File f = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), dir.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static void tab(String name) {
        driver.findElement(By.cssSelector("a[data-tab='" + name + "']")).click();
    }

    private static void type(String id, String text) {
        WebElement e = driver.findElement(By.id(id));
        e.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        e.sendKeys(text);
    }

    /** Waits until the playground's race has been fetched and played to its last step. */
    private static void raceFinished() {
        waiting().until(d -> Boolean.TRUE.equals(js("return !!window.grad4j && window.grad4j.playground.finished();")));
    }

    @Test
    @Order(1)
    void aTypedFunctionGetsItsFieldDrawn() throws Exception {
        tab("playground");
        String before = (String) js("return document.getElementById('field').toDataURL();");
        type("expr", "x^2 + y^2/4");
        waiting().until(d -> "x^2 + y^2/4".equals(js("return window.grad4j.playground.state().expr;"))
                && !before.equals(js("return document.getElementById('field').toDataURL();")));
        Object points = js("return document.getElementById('field').dataset.fieldPoints;");
        assertThat(Integer.parseInt((String) points)).isGreaterThan(1000);
        // the heat map is painted: the centre pixel of the plotting area is not the empty white
        @SuppressWarnings("unchecked")
        List<Long> rgba = (List<Long>) js("const c = document.getElementById('field');"
                + "return Array.from(c.getContext('2d').getImageData(c.width / 2 + 16, c.height / 2 - 9, 1, 1).data);");
        assertThat(rgba.subList(0, 3)).isNotEqualTo(List.of(255L, 255L, 255L));
        assertThat(driver.findElement(By.id("expr-error")).isDisplayed()).isFalse();
    }

    @Test
    @Order(2)
    void aBrokenFunctionShowsTheErrorAtItsColumn() {
        type("expr", "x^2 + * y");
        WebElement err = driver.findElement(By.id("expr-error"));
        waiting().until(d -> err.isDisplayed() && "7".equals(err.getAttribute("data-column")));
        assertThat(err.getText()).startsWith("unexpected '*' at column 7").contains("x^2 + * y\n      ^");
    }

    @Test
    @Order(3)
    void adamAndSgdRaceFromAClickedStartAndEndWhereCompareSays() throws Exception {
        type("expr", "x^2/20 + y^2");
        waiting().until(d -> !driver.findElement(By.id("expr-error")).isDisplayed());
        raceFinished();
        WebElement canvas = driver.findElement(By.id("field"));
        new Actions(driver).moveToElement(canvas, -180, -120).click().perform();
        waiting().until(d -> !"(-7, 2)".equals(driver.findElement(By.id("start")).getText()));
        raceFinished();
        @SuppressWarnings("unchecked")
        Map<String, Object> st = (Map<String, Object>) js("return window.grad4j.playground.state();");
        @SuppressWarnings("unchecked")
        List<Double> start = ((List<Number>) st.get("start")).stream().map(Number::doubleValue).toList();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> ends = (List<Map<String, Object>>) js("return window.grad4j.playground.ends();");
        assertThat(ends).extracting(e -> e.get("name")).containsExactly("sgd", "adam");
        CliRun run = CliRun.of("compare", "x^2/20 + y^2", "--from", text(start), "--steps", "30",
                "--gradient", "exact", "--optimizers", "sgd:0.95,adam:0.3", "--json");
        assertThat(run.exitCode()).isZero();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> results = (List<Map<String, Object>>) ((Map<String, Object>) org.grad4j.io.Json
                .parse(run.out())).get("results");
        for (int k = 0; k < 2; k++) {
            @SuppressWarnings("unchecked")
            List<Number> drawn = (List<Number>) ends.get(k).get("point");
            @SuppressWarnings("unchecked")
            List<Double> cli = (List<Double>) results.get(k).get("x");
            assertThat(drawn.get(0).doubleValue()).isCloseTo(cli.get(0), within(SAME_POINT));
            assertThat(drawn.get(1).doubleValue()).isCloseTo(cli.get(1), within(SAME_POINT));
        }
        assertThat(driver.findElement(By.id("command")).getText())
                .isEqualTo("./grad4j compare 'x^2/20 + y^2' --from " + text(start)
                        + " --steps 30 --gradient exact --optimizers sgd:0.95,adam:0.3");
        assertThat(driver.getCurrentUrl()).contains("optimizers=sgd%3A0.95%2Cadam%3A0.3");
        screenshot("playground-race");
    }

    @Test
    @Order(4)
    void theLearningRatePresetMarksLr10Diverged() throws Exception {
        new Select(driver.findElement(By.id("preset"))).selectByValue("lr");
        waiting().until(d -> "x0^2 + x1^2".equals(js("return window.grad4j.playground.state().expr;")));
        raceFinished();
        List<WebElement> rows = driver.findElements(By.cssSelector("#optimizers tbody tr"));
        assertThat(rows).hasSize(3);
        waiting().until(d -> !rows.get(1).findElement(By.className("s-status")).getText().equals("running"));
        assertThat(rows.get(1).findElement(By.className("lr-text")).getText()).isEqualTo("10");
        assertThat(rows.get(1).findElement(By.className("s-status")).getText()).isEqualTo("diverged");
        assertThat(rows.get(0).findElement(By.className("s-status")).getText()).isNotEqualTo("diverged");
        assertThat(rows.get(2).findElement(By.className("s-status")).getText()).isNotEqualTo("diverged");
        // lr-sweep's behaviours against the minimum (0, 0), as the book's lesson has them
        waiting().until(d -> !rows.get(2).findElement(By.className("s-behaviour")).getText().isEmpty());
        assertThat(rows).extracting(r -> r.findElement(By.className("s-behaviour")).getText())
                .containsExactly("converged", "diverged", "too-slow");
        screenshot("playground-lr-preset");
    }

    @Test
    @Order(5)
    void trainingOnTheMnistSampleDrawsAGrowingCurve() throws Exception {
        tab("training");
        type("train-iters", "300");
        driver.findElement(By.id("train-start")).click();
        WebElement curve = driver.findElement(By.id("train-curve"));
        WebElement status = driver.findElement(By.id("train-status"));
        waiting().until(d -> "done".equals(status.getAttribute("data-state")));
        // the curve was drawn several times while the run went, with more points each time
        List<Integer> drawn = java.util.Arrays.stream(curve.getAttribute("data-drawn").split(","))
                .map(Integer::parseInt).distinct().toList();
        assertThat(drawn).hasSizeGreaterThan(1).isSorted();
        assertThat(points(curve)).isEqualTo(drawn.get(drawn.size() - 1)).isGreaterThan(drawn.get(0));
        assertThat(Integer.parseInt(curve.getAttribute("data-evals"))).isEqualTo(4); // epochs of 80 at 80, 160, 240, and 300
        assertThat(status.getText()).startsWith("done: 300 iterations");
        assertThat(driver.findElements(By.cssSelector("#confusion tr"))).hasSize(11);
        assertThat(driver.findElements(By.cssSelector("#misclassified canvas"))).isNotEmpty();
        screenshot("training");
    }

    /** A point as the page writes it (JavaScript's number text joined by commas). */
    private static String text(List<Double> p) {
        StringBuilder sb = new StringBuilder();
        for (double v : p) {
            sb.append(sb.length() > 0 ? "," : "").append(v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v));
        }
        return sb.toString();
    }

    private static int points(WebElement curve) {
        String p = curve.getAttribute("data-points");
        return p == null ? 0 : Integer.parseInt(p);
    }

    @Test
    @Order(6)
    void aOneDrawnByMouseIsPredictedWithProbabilitiesSummingTo1() throws Exception {
        tab("draw");
        WebElement canvas = driver.findElement(By.id("draw-canvas"));
        Actions a = new Actions(driver).moveToElement(canvas, 5, -100).clickAndHold();
        for (int k = 0; k < 20; k++) {
            a.moveByOffset(-1, 10);
        }
        a.release().perform();
        waiting().until(d -> driver.findElement(By.id("draw-class")).getText().matches("\\d"));
        double sum = 0;
        for (WebElement bar : driver.findElements(By.cssSelector("#draw-bars .bar"))) {
            sum += Double.parseDouble(bar.getAttribute("data-p"));
        }
        assertThat(sum).isCloseTo(1.0, within(SUM_TOLERANCE));
        // the 28 x 28 image the network saw is drawn beside the canvas
        Object ink = js("const c = document.getElementById('draw-image');"
                + "return Array.from(c.getContext('2d').getImageData(0, 0, 28, 28).data).filter((v, i) => i % 4 === 0 && v > 0).length;");
        assertThat(((Number) ink).intValue()).isGreaterThan(20);
        screenshot("draw-digit");
    }
}
