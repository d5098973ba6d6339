package dev.bellwether.slackbot.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.AlertSource;
import dev.bellwether.slackbot.SampleAlerts;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AlertRendererTest {
  private final Alert alert = SampleAlerts.funding("s1", "frontier-labs-all");

  @Test
  void showsHeadlineTypeStatusAndFacts() {
    String json = AlertRenderer.blocksJson(AlertRenderer.render(alert));

    assertThat(json)
        .contains("\"type\":\"header\"")
        .contains("Anthropic raises $30 billion at a $380 billion valuation")
        .contains("*NEW* · funding, announced · Anthropic")
        .contains("*Amount*\\n$30B")
        .contains("*Valuation*\\n$380B")
        .contains("*Investors*\\nGIC; Coatue")
        .contains("*Round*\\nSeries G");
  }

  @Test
  void linksSourcesAndSaysWhyItFired() {
    String json = AlertRenderer.blocksJson(AlertRenderer.render(alert));

    assertThat(json)
        .contains("<https://www.reuters.com/tech/anthropic-30b|Reuters>")
        .contains("Why: rule `frontier-labs-all` (v1, high) · first report");
  }

  @Test
  void escapesControlCharactersFromArticles() {
    Alert hostile =
        Alert.newBuilder(alert)
            .setCompanies(List.of("A&B <!channel>"))
            .setFacts(Map.of("parties", "<@U123> & <!here>"))
            .setSources(
                List.of(new AlertSource("Evil|<b>", "javascript:alert(1)", SampleAlerts.T0)))
            .build();

    String json = AlertRenderer.blocksJson(AlertRenderer.render(hostile));

    assertThat(json)
        .contains("A&amp;B &lt;!channel&gt;")
        .contains("&lt;@U123&gt; &amp; &lt;!here&gt;")
        .doesNotContain("<!channel>", "<!here>", "<@U123>", "<javascript");
    assertThat(AlertRenderer.render(hostile).text()).doesNotContain("<", ">");
  }

  @Test
  void fallbackTextCarriesHeadlineAndFacts() {
    String text = AlertRenderer.render(SampleAlerts.update("s1", "r", 2)).text();

    assertThat(text)
        .startsWith("Update: Anthropic raises $30 billion")
        .contains("(funding, announced)")
        .contains("Amount: $30B")
        .contains("Investors: GIC; Coatue");
  }

  @Test
  void showsEndedAndRelaxedFlagsAndConflicts() {
    Alert ended =
        Alert.newBuilder(alert)
            .setEnded(true)
            .setConflicts(Map.of("amount_usd", "25000000000 (1)"))
            .build();

    assertThat(AlertRenderer.typeAndStatus(ended)).isEqualTo("funding, announced, ended");
    assertThat(AlertRenderer.blocksJson(AlertRenderer.render(ended)))
        .contains("_also reported: 25000000000 (1)_");
  }

  @Test
  void formatsAmountsInDollars() {
    assertThat(dev.bellwether.schemas.FactValues.usd("1500000")).isEqualTo("$1.5M");
    assertThat(dev.bellwether.schemas.FactValues.usd("about ten")).isEqualTo("about ten");
  }

  @Test
  void linkOfNonHttpUrlIsTextNotALink() {
    assertThat(Mrkdwn.link("ftp://x", "X")).isEqualTo("X ftp://x");
    assertThat(Mrkdwn.link("https://a.b/?q=1&r=2", "A")).isEqualTo("<https://a.b/?q=1&amp;r=2|A>");
  }
}
