package dev.bellwether.dashboard;

import static dev.bellwether.dashboard.TestAlerts.T0;
import static dev.bellwether.dashboard.TestAlerts.funding;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertSource;
import dev.bellwether.schemas.avro.EventType;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dashboard's routes on a real server on loopback, asked over HTTP. */
class DashboardHttpTest {
  private static final String HOSTILE =
      "<script>window.pwned=1</script><img src=x onerror=\"alert(1)\"> & \"quotes\" 'too'";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Instant now = T0.plusSeconds(86_400);
  private final AlertLog log = new AlertLog(100);
  private final HttpClient http = HttpClient.newHttpClient();
  private Dashboard dashboard;
  private Javalin server;

  @BeforeEach
  void start() {
    dashboard = Dashboard.over(log, () -> true, Clock.fixed(now, ZoneOffset.UTC));
    server = LoopbackServer.start(dashboard.routes());
  }

  @AfterEach
  void stop() {
    dashboard.close();
    server.stop();
  }

  @Test
  void aHeadlineWithMarkupRendersAsTextOnEveryPage() throws Exception {
    Alert hostile =
        Alert.newBuilder(TestAlerts.alert("evil", 1, "Evil<Co>", EventType.FUNDING, HOSTILE))
            .setSummary(HOSTILE)
            .setSources(
                List.of(
                    new AlertSource("<b>Outlet</b>", "javascript:alert(1)", T0),
                    new AlertSource("Fine", "https://ok.example/a?x=1&y=2", T0),
                    new AlertSource("Odd", "https://ok.example/a b\"<", T0)))
            .build();
    log.add(hostile, now);

    for (String path : List.of("/", "/stories/evil", "/?company=" + enc("<script>"))) {
      HttpResponse<String> page = get(path);
      assertThat(page.body())
          .as(path)
          .doesNotContain("<script>window")
          .doesNotContain("<img src=x")
          .doesNotContain("<script>\"")
          .doesNotContain("<b>Outlet");
      assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
          .contains("script-src 'self'");
    }
    // element text escapes & < > (quotes need none there); attribute values escape & < " '
    String story = get("/stories/evil").body();
    assertThat(story)
        .contains(
            "&lt;script&gt;window.pwned=1&lt;/script&gt;&lt;img src=x onerror=\"alert(1)\"&gt;")
        .contains("Evil&lt;Co&gt;")
        .doesNotContain("href=\"javascript:")
        .contains("href=\"https://ok.example/a?x=1&amp;y=2\"")
        .contains("<span class=\"url\">https://ok.example/a b\"&lt;</span>");
    // a quote in a filter stays inside the attribute it is written to
    String breakOut = "x\" autofocus onfocus=\"window.pwned=1";
    assertThat(get("/?company=" + enc(breakOut)).body())
        .contains("<option value=\"x&#34; autofocus onfocus=&#34;window.pwned=1\" selected>")
        .doesNotContain("\" onfocus=\"");
    // the live feed's rendering of an item is the same escaped markup
    assertThat(Pages.alertItem(log.query(AlertFilter.ALL, now, 1, Long.MAX_VALUE).alerts().get(0)))
        .contains("&lt;script&gt;")
        .doesNotContain("<script>");
  }

  @Test
  void theFeedPageShowsTheFilteredAlertsWithTheFilterInItsForm() throws Exception {
    log.add(funding("s1", 1, "OpenAI"), now);
    log.add(funding("s2", 1, "Anthropic"), now);

    String page = get("/?company=Anthropic&type=FUNDING").body();

    assertThat(page).contains("data-alert-id=\"s2-1\"").doesNotContain("data-alert-id=\"s1-1\"");
    assertThat(page).contains("<option value=\"Anthropic\" selected>");
    assertThat(page).contains("<option value=\"FUNDING\" selected>");
    assertThat(page)
        .contains(
            "data-stream=\"/api/alerts/stream?html=true&amp;lastEventId=2&amp;company=Anthropic&amp;type=FUNDING\"");
  }

  @Test
  void aBadFilterOnThePageIsSaidAnd400() throws Exception {
    HttpResponse<String> page = get("/?type=merger");

    assertThat(page.statusCode()).isEqualTo(400);
    assertThat(page.body()).contains("role=\"alert\"").contains("unknown type 'merger'");
  }

  @Test
  void apiAlertsAnswersJsonNewestFirstWithPaging() throws Exception {
    for (int i = 1; i <= 5; i++) {
      log.add(funding("s" + i, 1, i % 2 == 0 ? "OpenAI" : "Anthropic"), now);
    }

    JsonNode body = json(get("/api/alerts?company=Anthropic&limit=2"));

    assertThat(body.get("matched").asInt()).isEqualTo(3);
    assertThat(body.get("held").asInt()).isEqualTo(5);
    assertThat(body.get("alerts"))
        .extracting(a -> a.get("id").asText())
        .containsExactly("s5-1", "s3-1");
    assertThat(body.get("alerts").get(0).get("facts").get("amount_usd").asText())
        .isEqualTo("6600000000");
    long before = body.get("alerts").get(1).get("seq").asLong();
    assertThat(json(get("/api/alerts?company=Anthropic&before=" + before)).get("alerts"))
        .extracting(a -> a.get("id").asText())
        .containsExactly("s1-1");
  }

  @Test
  void apiErrorsAreJsonSayingWhat() throws Exception {
    HttpResponse<String> unknown = get("/api/alerts?colour=red");
    HttpResponse<String> limit = get("/api/alerts?limit=5000");
    HttpResponse<String> story = get("/api/stories/nope");

    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(json(unknown).get("error").asText()).startsWith("unknown parameter colour");
    assertThat(limit.statusCode()).isEqualTo(400);
    assertThat(json(limit).get("error").asText()).contains("between 1 and 1000");
    assertThat(story.statusCode()).isEqualTo(404);
    assertThat(json(story).get("error").asText()).contains("no story 'nope'");
    assertThat(get("/stories/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void apiStoryGivesTheTimelineEvidenceAndAlerts() throws Exception {
    log.add(funding("s1", 1, "OpenAI"), now);
    log.add(funding("s1", 2, "OpenAI"), now);

    JsonNode story = json(get("/api/stories/s1"));

    assertThat(story.get("headline").asText()).isEqualTo("OpenAI raises $6.6 billion");
    assertThat(story.get("sources"))
        .extracting(s -> s.get("outlet").asText())
        .containsExactly("Outlet 1", "Outlet 2");
    assertThat(story.get("evidence")).hasSize(2);
    assertThat(story.get("alerts"))
        .extracting(a -> a.get("kind").asText())
        .containsExactly("NEW", "UPDATE");
    String page = get("/stories/s1").body();
    assertThat(page).contains("<mark>OpenAI</mark> raised <mark>$6.6 billion</mark>");
    assertThat(page).contains("<dt>Amount</dt><dd>$6.6B</dd>");
  }

  @Test
  void theStreamSendsNewMatchingAlertsAndWhatAReconnectingClientMissed() throws Exception {
    log.add(funding("before", 1, "OpenAI"), now);
    List<String> lines = new CopyOnWriteArrayList<>();
    InputStream stream =
        http.send(
                HttpRequest.newBuilder(url("/api/alerts/stream?company=OpenAI&html=true"))
                    .header("Accept", "text/event-stream")
                    .header("Last-Event-ID", "0")
                    .build(),
                HttpResponse.BodyHandlers.ofInputStream())
            .body();
    Thread reader = readLines(stream, lines);
    await().atMost(Duration.ofSeconds(10)).until(() -> dashboard.streams() == 1);

    log.add(funding("other", 1, "Anthropic"), now);
    log.add(funding("live", 1, "OpenAI"), now);

    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> lines.stream().filter(l -> l.startsWith("data:")).count() == 2);
    List<String> data = lines.stream().filter(l -> l.startsWith("data:")).toList();
    assertThat(data.get(0)).contains("\"id\":\"before-1\"");
    assertThat(data.get(1)).contains("\"id\":\"live-1\"").contains("\"html\":\"<li class=");
    assertThat(lines).contains("event: alert", "id: 1", "id: 3");
    assertThat(String.join("\n", lines)).doesNotContain("other-1");
    stream.close();
    reader.join(5000);
  }

  @Test
  void theStreamRefusesABadFilterBeforeItStarts() throws Exception {
    HttpResponse<String> bad = get("/api/alerts/stream?type=merger");
    HttpResponse<String> notAsStream = get("/api/alerts/stream");

    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json(bad).get("error").asText()).contains("unknown type");
    assertThat(notAsStream.statusCode()).isEqualTo(406);
    assertThat(json(notAsStream).get("error").asText()).contains("Accept: text/event-stream");
  }

  @Test
  void isReadOnlyAndServesItsAssetsAndTheChartLibrary() throws Exception {
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(url("/api/alerts"))
                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isIn(404, 405);
    assertThat(get("/assets/dashboard.js").statusCode()).isEqualTo(200);
    assertThat(get("/assets/dashboard.css").statusCode()).isEqualTo(200);
    HttpResponse<String> chart = get(Dashboard.chartScript());
    assertThat(chart.statusCode()).isEqualTo(200);
    assertThat(chart.body()).contains("Chart.js");
    String trends = get("/trends?company=Nvidia&type=EXPORT_CONTROL&days=7").body();
    assertThat(trends)
        .contains("src=\"" + Dashboard.chartScript() + "\"")
        .contains("data-api=\"/api/trends?window=day&amp;from=");
  }

  @Test
  void theTrendsViewEndsAfterTheNewestNewsHeldNotInTheFuture() throws Exception {
    log.add(funding("s1", 2, "OpenAI"), now); // newest source at T0 + 2 h

    String page = get("/trends").body();

    assertThat(page)
        .contains("data-to=\"2026-11-21T00:00:00Z\"")
        .contains("data-from=\"2026-11-07T00:00:00Z\"");
    assertThat(get("/trends?window=week").statusCode()).isEqualTo(400);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(url(path)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.port() + path);
  }

  private static JsonNode json(HttpResponse<String> response) throws Exception {
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    return JSON.readTree(response.body());
  }

  private static String enc(String s) {
    return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static Thread readLines(InputStream in, List<String> into) {
    Thread t =
        new Thread(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  into.add(line);
                }
              } catch (java.io.IOException e) {
                // closed by the test
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }
}
