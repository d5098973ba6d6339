package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellwether.schemas.Topics;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import dev.bellwether.slackbot.SampleAlerts;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The dashboard of {@code bellwether run --demo} in a real headless Chromium (the system's, from
 * Debian's {@code chromium} and {@code chromium-driver}; {@code .ci/run} installs them): alerts
 * arrive without a reload, a filter narrows the feed and its live stream, a story opens with its
 * sources, the trends chart renders, a headline carrying markup shows as text. Screenshots go to
 * {@code target/dashboard-screenshots/}.
 */
class DashboardBrowserIT {
  private static final Path SHOTS = Path.of("target", "dashboard-screenshots");
  private static final Pattern KAFKA = Pattern.compile("Embedded Kafka at (\\S+) ");
  private static final String HOSTILE =
      "<script>window.pwned=1</script><img src=x onerror=\"window.pwned=2\"> OpenAI & co";

  /** The alerts this test writes beside the demo's. */
  private static final Set<String> WRITTEN_HERE =
      Set.of("xss-story-1", "other-story-1", "deepseek-story-1");

  private static final Duration WAIT = Duration.ofSeconds(120);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private ChromeDriver browser;

  @BeforeEach
  void startBrowser() throws Exception {
    Path chromium = executable("BELLWETHER_CHROMIUM", "/usr/bin/chromium");
    Path driver = executable("BELLWETHER_CHROMEDRIVER", "/usr/bin/chromedriver");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(chromium.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1000",
        "--user-data-dir=" + dir.resolve("chromium"));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(driver.toFile())
            .usingAnyFreePort()
            .build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(10));
    Files.createDirectories(SHOTS);
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  @Test
  void anAnalystWatchesFiltersOpensAStoryAndSeesTrends() throws Exception {
    try (RoleProcess run =
        RoleProcess.start(
            dir,
            "run",
            "--demo",
            "--data-dir",
            dir.resolve("data").toString(),
            "--kafka-port",
            "0",
            "--http-port",
            "0")) {
      String base = run.url().toString();

      // the feed, opened while the demo's alerts are still on their way: they arrive live
      browser.get(base + "/");
      int atLoad = alerts().size();
      js("window.bellwetherLoadedOnce = 'yes';");
      await("the demo's 21 alerts in the open page")
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> alerts().size() >= 21 || !run.isAlive());
      assertThat(alerts()).as(run.log()).hasSize(21);
      assertThat(js("return window.bellwetherLoadedOnce;")).as("not reloaded").isEqualTo("yes");
      System.out.printf("DashboardBrowserIT: %d alerts at load, 21 after arriving live%n", atLoad);
      Thread.sleep(2_500); // the arrival highlight fades out
      shot("feed-demo");

      // an alert written now appears at the top, its markup as text and never run
      String bootstrap = bootstrapServers(run.log());
      publish(bootstrap, hostile("xss-story"));
      WebElement top = awaitAlert("xss-story-1");
      assertThat(top.findElement(By.cssSelector(".headline")).getText()).isEqualTo(HOSTILE);
      assertThat(js("return typeof window.pwned;")).isEqualTo("undefined");
      assertThat(alerts().get(0).getAttribute("data-alert-id")).isEqualTo("xss-story-1");
      assertThat(browser.findElement(By.id("live-status")).getText()).contains("new since");
      shot("feed");

      // keyboard first: the skip link, then the filters by their labels
      browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
      assertThat(browser.switchTo().activeElement().getText()).isEqualTo("Skip to content");
      assertThat(browser.findElement(By.name("company")).getAccessibleName()).startsWith("Company");
      assertThat(browser.findElement(By.name("type")).getAccessibleName()).startsWith("Event");

      // a filter: DeepSeek only, in the URL, and the live stream filtered the same way
      new Select(browser.findElement(By.name("company"))).selectByValue("DeepSeek");
      browser.findElement(By.cssSelector("#filters button[type=submit]")).click();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> browser.getCurrentUrl().contains("company=DeepSeek"));
      int deepSeek = api(run, "/api/alerts?company=DeepSeek").get("matched").asInt();
      assertThat(deepSeek).isPositive();
      assertThat(alerts()).hasSize(deepSeek);
      assertThat(alerts())
          .allSatisfy(
              a ->
                  assertThat(a.findElement(By.cssSelector(".companies")).getText())
                      .contains("DeepSeek"));
      awaitLive();
      publish(bootstrap, company(hostile("other-story"), "OpenAI"));
      publish(bootstrap, company(hostile("deepseek-story"), "DeepSeek"));
      awaitAlert("deepseek-story-1");
      assertThat(browser.findElements(By.cssSelector("[data-alert-id='other-story-1']"))).isEmpty();
      assertThat(alerts()).hasSize(deepSeek + 1);
      shot("feed-filtered");

      // a story of the demo's (not one this test wrote, whose headline is markup): its facts,
      // highlighted evidence and every source in time order
      browser.get(base + "/?type=FUNDING");
      WebElement first =
          alerts().stream()
              .filter(a -> !WRITTEN_HERE.contains(a.getAttribute("data-alert-id")))
              .findFirst()
              .orElseThrow()
              .findElement(By.cssSelector("a.story-link"));
      String headline = first.getText();
      first.click();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> !browser.findElements(By.id("story-headline")).isEmpty());
      String storyId =
          browser.findElement(By.cssSelector("article.story")).getAttribute("data-story-id");
      JsonNode story = api(run, "/api/stories/" + storyId);
      assertThat(browser.findElement(By.id("story-headline")).getText()).isEqualTo(headline);
      assertThat(browser.findElements(By.cssSelector("#timeline li")))
          .hasSize(story.get("sources").size());
      assertThat(browser.findElements(By.cssSelector("#evidence mark"))).isNotEmpty();
      assertThat(browser.findElements(By.cssSelector("#facts dt"))).isNotEmpty();
      shot("story");

      // trends: the chart drawn from /api/trends, and the same counts as a table
      browser.findElement(By.linkText("Trends")).click();
      await("the trends chart")
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  browser.findElements(By.cssSelector("#trends-chart[data-rendered]")).size() == 1);
      assertThat(
              Integer.parseInt(
                  browser.findElement(By.id("trends-chart")).getAttribute("data-rendered")))
          .isPositive();
      assertThat(browser.findElements(By.cssSelector("table.trends tbody tr"))).isNotEmpty();
      assertThat(
              (Boolean)
                  js(
                      "var c = document.getElementById('trends-chart');"
                          + " return c.width > 0 && c.height > 0;"))
          .isTrue();
      shot("trends");

      // a phone: nothing wider than the screen
      browser.manage().window().setSize(new Dimension(390, 844));
      browser.get(base + "/");
      assertThat(alerts()).isNotEmpty();
      assertThat(
              (Boolean) js("return document.documentElement.scrollWidth <= window.innerWidth + 1;"))
          .as("no horizontal scrolling at phone width")
          .isTrue();
      shot("feed-phone");
    }
  }

  private List<WebElement> alerts() {
    return browser.findElements(By.cssSelector("#alerts li.alert"));
  }

  private WebElement awaitAlert(String id) {
    By selector = By.cssSelector("#alerts li.alert[data-alert-id='" + id + "']");
    await("alert " + id + " in the page")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> !browser.findElements(selector).isEmpty());
    return browser.findElement(selector);
  }

  /** Waits for the page's stream to be open (its status says "Live"). */
  private void awaitLive() {
    await("the live stream")
        .atMost(Duration.ofSeconds(15))
        .until(() -> browser.findElement(By.id("live-status")).getText().startsWith("live"));
  }

  private Object js(String script) {
    return ((JavascriptExecutor) browser).executeScript(script);
  }

  private void shot(String name) throws Exception {
    File png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
    Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
  }

  private static JsonNode api(RoleProcess run, String path) throws Exception {
    var response = run.get(path);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static Alert hostile(String storyId) {
    return Alert.newBuilder(SampleAlerts.funding(storyId, "ai-labs"))
        .setHeadline(HOSTILE)
        .setCompanies(List.of("OpenAI"))
        .build();
  }

  private static Alert company(Alert alert, String company) {
    return Alert.newBuilder(alert).setCompanies(List.of(company)).build();
  }

  private static void publish(String bootstrap, Alert alert) {
    try (KafkaProducer<String, Alert> producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", bootstrap, "acks", "all"),
            new StringSerializer(),
            BellwetherSerdes.alert().serializer())) {
      producer.send(
          new ProducerRecord<>(
              Topics.ALERTS.name(), null, Instant.now().toEpochMilli(), alert.getStoryId(), alert));
    }
  }

  private static String bootstrapServers(String log) {
    Matcher m = KAFKA.matcher(log);
    if (!m.find()) {
      throw new IllegalStateException("no embedded Kafka address in the log:\n" + log);
    }
    return m.group(1);
  }

  /** The browser or driver, from {@code variable} or its Debian path; the test skips without. */
  private static Path executable(String variable, String debianPath) {
    String configured = System.getenv(variable);
    Path path = Path.of(configured != null && !configured.isBlank() ? configured : debianPath);
    Assumptions.assumeTrue(
        Files.isExecutable(path),
        "browser tests need "
            + path
            + " (Debian: apt-get install chromium chromium-driver; .ci/run installs them), or "
            + variable
            + " set to it");
    return path;
  }
}
