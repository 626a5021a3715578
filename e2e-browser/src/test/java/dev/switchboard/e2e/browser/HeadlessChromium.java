package dev.switchboard.e2e.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium driven through chromedriver, each with a fresh profile. The binary and the driver
 * are named explicitly, so Selenium Manager never looks anything up or downloads a browser.
 */
final class HeadlessChromium implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("browser.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("browser.chromedriver", "/usr/bin/chromedriver"));
    /** How long a page may take to load, a script to run, or an awaited condition to come true. */
    static final Duration PATIENCE = Duration.ofSeconds(15);

    /** Selenium looks for a DevTools binding of the browser's version; these tests use none, so its warning is noise. */
    private static final Logger CDP_VERSION_FINDER = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_FINDER.setLevel(Level.SEVERE);
    }

    private final ChromeDriver driver;
    private final Path profile;

    private HeadlessChromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    static HeadlessChromium launch() {
        for (Path executable : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(executable)) {
                throw new IllegalStateException(executable + " is missing: install Debian's browser and driver with "
                        + "`apt-get install -y chromium chromium-driver` (.ci/run does), or point "
                        + "-Dbrowser.chromium and -Dbrowser.chromedriver at others");
            }
        }
        Path profile = temporaryProfile();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        // The machine's network is closed: without the background-networking flags Chromium keeps trying to reach
        // Google's hosts. A fresh profile keeps runs independent of each other.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logging);
        options.setScriptTimeout(PATIENCE);
        options.setPageLoadTimeout(PATIENCE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .withTimeout(PATIENCE)
                .build();
        try {
            return new HeadlessChromium(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            delete(profile);
            throw e;
        }
    }

    void open(URI page) {
        driver.get(page.toString());
    }

    /** Runs {@code script} as a function body in the page; {@code arguments[i]} are the arguments. */
    Object run(String script, Object... arguments) {
        return ((JavascriptExecutor) driver).executeScript(script, arguments);
    }

    /** Waits at most {@link #PATIENCE} for {@code script} to return something other than null or false. */
    Object await(Supplier<String> description, String script, Object... arguments) {
        return new WebDriverWait(driver, PATIENCE, Duration.ofMillis(50))
                .withMessage(description)
                .until(page -> {
                    Object value = run(script, arguments);
                    return Boolean.FALSE.equals(value) ? null : value;
                });
    }

    /** The element {@code css} selects first; fails at once if there is none. */
    WebElement element(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Sizes the window; Chromium keeps a window at least about 500 pixels wide (see {@link #emulateScreen}). */
    void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /**
     * Lays pages out as on a screen of {@code width} by {@code height} CSS pixels, a phone's ({@code mobile}: the
     * page's viewport meta tag applies) or a desktop's; unlike a window, it may be narrower than 500 pixels.
     */
    void emulateScreen(int width, int height, boolean mobile) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", mobile));
    }

    /** The viewport as the user would see it, as PNG. */
    byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    /** What the browser wrote to its console since the last call (chromedriver hands each line out once). */
    List<String> console() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::toString).toList();
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static Path temporaryProfile() {
        try {
            return Files.createTempDirectory("switchboard-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}
