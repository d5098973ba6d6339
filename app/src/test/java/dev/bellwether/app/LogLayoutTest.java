package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The layouts of {@code logback.xml} (the one shipped in the jar), picked by the environment. */
class LogLayoutTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Configures a fresh context from the shipped file, logs three events, returns stderr. */
  private static String logThreeEvents(String format) throws Exception {
    URL shipped = LogLayoutTest.class.getResource("/logback.xml");
    assertThat(shipped).as("app's logback.xml on the class path").isNotNull();
    LoggerContext context = new LoggerContext();
    context.setMDCAdapter(new LogbackMDCAdapter());
    if (format != null) {
      context.putProperty(LogFormat.VARIABLE, format);
    }
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      configurator.doConfigure(shipped);
      assertThat(new StatusUtil(context).getHighestLevel(0))
          .as("logback prints its status to stdout when configuring warns")
          .isEqualTo(Status.INFO);
      Logger log = context.getLogger("dev.bellwether.ingest.poll.FeedPoller");
      log.info("source {} polled: {} new items", "openai-news", 3);
      log.warn("title with \"quotes\"\nand a second line from {}", "https://a.example/feed");
      log.error("poll of {} failed", "bis-rules", new IllegalStateException("boom"));
    } finally {
      context.stop();
      System.setErr(stderr);
    }
    return captured.toString(StandardCharsets.UTF_8);
  }

  @Test
  void jsonLayoutWritesOneJsonObjectPerLine() throws Exception {
    List<String> lines = logThreeEvents("json").lines().toList();

    assertThat(lines).hasSize(3);
    List<JsonNode> events = lines.stream().map(LogLayoutTest::parse).toList();
    assertThat(events).allSatisfy(e -> assertThat(e.isObject()).isTrue());
    assertThat(events.get(0).path("level").asText()).isEqualTo("INFO");
    assertThat(events.get(0).path("loggerName").asText())
        .isEqualTo("dev.bellwether.ingest.poll.FeedPoller");
    assertThat(events.get(0).path("formattedMessage").asText())
        .isEqualTo("source openai-news polled: 3 new items");
    assertThat(events.get(1).path("formattedMessage").asText())
        .isEqualTo("title with \"quotes\"\nand a second line from https://a.example/feed");
    assertThat(events.get(2).path("throwable").toString()).contains("boom");
  }

  @Test
  void textLayoutIsTheDefault() throws Exception {
    String text = logThreeEvents(null);

    assertThat(text)
        .contains("INFO  d.b.i.p.FeedPoller - source openai-news polled: 3 new items")
        .doesNotContain("{\"");
  }

  @Test
  void refusesAnUnknownFormatNamingTheChoices() {
    assertThat(LogFormat.problem("JSON"))
        .hasValue("BELLWETHER_LOG_FORMAT is 'JSON'; use one of text, json.");
    assertThat(LogFormat.problem("json")).isEmpty();
    assertThat(LogFormat.problem(null)).isEmpty();
  }

  private static JsonNode parse(String line) {
    try {
      return JSON.readTree(line);
    } catch (Exception e) {
      throw new AssertionError("not one JSON object: " + line, e);
    }
  }
}
