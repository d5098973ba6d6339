package dev.bellwether.ingest.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.LIST;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceTypesTest {
  private static final String AGENT = "Bellwether Research ops@bellwether.example";

  private static String fixture(String name) {
    try (InputStream in = SourceTypesTest.class.getResourceAsStream("/fixtures/sources/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static SourcesFile allTypes(Map<String, String> environment) {
    return SourcesFile.parse(fixture("all-types.yaml"), "all-types.yaml", environment);
  }

  private static List<Object> problems(String yaml, Map<String, String> environment) {
    try {
      SourcesFile.parse(yaml, "s.yaml", environment);
    } catch (SourcesException e) {
      return List.copyOf(e.problems());
    }
    throw new AssertionError("expected problems in:\n" + yaml);
  }

  private static SourceDefinition source(String id) {
    return allTypes(Map.of()).find(id).orElseThrow();
  }

  @Test
  void readsAnEdgarSourceWithPaddedCikAndDerivedUrl() {
    SourceDefinition edgar = source("frontier-models-sec");

    assertThat(edgar.type()).isEqualTo("edgar");
    assertThat(edgar.name()).isEqualTo("Frontier Models Inc.");
    assertThat(edgar.options())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("cik", "0009990001", "forms", "8-K,S-1,D", "user-agent", AGENT));
    assertThat(SourceOptions.forms(edgar)).containsExactly("8-K", "S-1", "D");
    assertThat(edgar.url())
        .hasToString(
            "https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0009990001&type="
                + "&dateb=&owner=exclude&count=40&output=atom");
    assertThat(edgar.minInterval()).isEqualTo(Duration.ofMinutes(5));
    assertThat(edgar.maxInterval()).isEqualTo(Duration.ofHours(1));
  }

  @Test
  void letsTheServerFilterAnEdgarSourceOfOneForm() {
    assertThat(source("frontier-models-8k").url().getQuery()).contains("&type=8-K&");
  }

  @Test
  void readsFederalRegisterSourcesWithDefaults() {
    SourceDefinition documents = source("bis-rules");
    SourceDefinition inspection = source("bis-inspection");

    assertThat(documents.options())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("list", "documents", "agency", "industry-and-security-bureau"));
    assertThat(documents.url().toString())
        .startsWith("https://www.federalregister.gov/api/v1/documents.json?")
        .contains("conditions%5Bagencies%5D%5B%5D=industry-and-security-bureau")
        .contains("fields%5B%5D=effective_on");
    assertThat(inspection.url())
        .hasToString(
            "https://www.federalregister.gov/api/v1/public-inspection-documents/current.json");
    assertThat(inspection.options()).containsEntry("list", "public-inspection");
  }

  @Test
  void readsAnHtmlSourceWithItsSelectors() {
    assertThat(source("makers-newsroom").options())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "selector.item", "article.post",
                "selector.link", "a.title",
                "selector.title", "h2",
                "selector.date", "time[datetime]"));
  }

  @Test
  void defaultsTheIntervalBoundsFromTheInterval() {
    SourceDefinition rss = source("frontier-wire");

    assertThat(rss.minInterval()).isEqualTo(SourceDefinition.defaultMinInterval(rss.interval()));
    assertThat(rss.maxInterval()).isEqualTo(SourceDefinition.defaultMaxInterval(rss.interval()));
  }

  @Test
  void reportsEveryTypeProblemWithItsLine() {
    assertThat(problems(fixture("type-problems.yaml"), Map.of()))
        .containsExactlyInAnyOrder(
            "s.yaml:2: edgar.user-agent 'Bellwether Research' has no contact email; SEC EDGAR"
                + " requires a User-Agent like \"Example Research ops@example.com\"",
            "s.yaml:6: source 'sec-with-url': remove 'url'; this type's url is derived from cik"
                + " and forms",
            "s.yaml:7: source 'sec-with-url': cik '12345678901' must be up to ten digits",
            "s.yaml:8: source 'sec-with-url': unknown form '13F'; supported: [8-K, S-1, F-1, D,"
                + " 6-K, 10-K, 10-Q, 20-F]",
            "s.yaml:9: source 'sec-without-forms' has no cik (the company's SEC CIK)",
            "s.yaml:9: source 'sec-without-forms' has no forms; supported: [8-K, S-1, F-1, D, 6-K,"
                + " 10-K, 10-Q, 20-F]",
            "s.yaml:15: unknown key 'selectors' in a federal-register source; known: [agency,"
                + " allow-private, id, interval, list, max-interval, min-interval, name, type, url]",
            "s.yaml:13: source 'register-bad-list': list 'rules' must be one of [documents,"
                + " public-inspection]",
            "s.yaml:14: source 'register-bad-list': agency 'Industry And Security' must be a"
                + " Federal Register agency slug",
            "s.yaml:22: unknown key 'colour' in 'selectors'; known: [date, item, link, title]",
            "s.yaml:20: source 'page-bad-selectors': selector 'article..post' for item is not a"
                + " valid CSS selector",
            "s.yaml:21: source 'page-bad-selectors': selector 'h2 >' for title is not a valid CSS"
                + " selector (Could not parse query 'h2 >': unexpected token at '')",
            "s.yaml:20: source 'page-bad-selectors': selectors need 'link'",
            "s.yaml:23: source 'page-without-selectors' has no selectors (item and link are"
                + " required)",
            "s.yaml:29: source 'bounds': min-interval is longer than the interval",
            "s.yaml:30: source 'bounds': max-interval is shorter than the interval",
            "s.yaml:33: source 'low-min': min-interval '10s' is shorter than the minimum, 30s");
  }

  @Test
  void turnsEdgarSourcesOffUntilAUserAgentIsSet() {
    String yaml =
        "sources:\n  - {id: a, url: 'https://a.example/'}\n"
            + "  - {id: sec, type: edgar, cik: '1', forms: [8-K]}\n";

    SourcesFile off = SourcesFile.parse(yaml, "s.yaml", Map.of());
    assertThat(off.sources()).extracting(SourceDefinition::id).containsExactly("a");
    assertThat(off.off())
        .singleElement()
        .satisfies(
            o -> {
              assertThat(o.id()).isEqualTo("sec");
              assertThat(o.url().toString()).contains("CIK=0000000001");
              assertThat(o.reason()).contains("BELLWETHER_EDGAR_USER_AGENT");
            });
    assertThat(off.offNotice())
        .hasValue(
            "1 edgar source is off until BELLWETHER_EDGAR_USER_AGENT is set"
                + " (\"Your Org you@example.com\"): sec");

    SourcesFile on =
        SourcesFile.parse(
            yaml, "s.yaml", Map.of("BELLWETHER_EDGAR_USER_AGENT", "Desk d@x.example"));
    assertThat(on.sources()).extracting(SourceDefinition::id).containsExactly("a", "sec");
    assertThat(on.off()).isEmpty();
    assertThat(on.offNotice()).isEmpty();
  }

  @Test
  void refusesAnEdgarUserAgentWithoutAContact() {
    String yaml =
        "sources:\n  - {id: a, url: 'https://a.example/'}\n"
            + "  - {id: sec, type: edgar, cik: '1', forms: [8-K]}\n";

    assertThat(problems(yaml, Map.of("BELLWETHER_EDGAR_USER_AGENT", "just a name")))
        .singleElement()
        .asString()
        .startsWith("s.yaml:3: BELLWETHER_EDGAR_USER_AGENT 'just a name' has no contact email");
    assertThat(problems("edgar: {user-agent: Just A Name}\n" + yaml, Map.of()))
        .singleElement()
        .asString()
        .startsWith("s.yaml:1: edgar.user-agent 'Just A Name' has no contact email");
  }

  @Test
  void takesTheEdgarUserAgentFromTheEnvironmentOverTheFile() {
    String fromEnvironment = "Other Desk desk@other.example";

    SourcesFile file = allTypes(Map.of("BELLWETHER_EDGAR_USER_AGENT", fromEnvironment));

    assertThat(file.find("frontier-models-sec").orElseThrow().options())
        .containsEntry("user-agent", fromEnvironment);
  }

  @Test
  void needsNoUserAgentWithoutEdgarSources() {
    String yaml = "sources:\n  - {id: a, url: 'https://a.example/'}\n";

    assertThat(SourcesFile.parse(yaml, "s.yaml", Map.of()).sources()).hasSize(1);
  }

  @Test
  void roundTripsEveryTypeThroughAvro() {
    assertThat(allTypes(Map.of()).sources())
        .hasSize(6)
        .allSatisfy(
            definition ->
                assertThat(SourceMapper.fromAvro(SourceMapper.toAvro(definition)))
                    .isEqualTo(definition));
  }

  @Test
  void refusesATypedDefinitionWithoutItsRequiredOptions() {
    assertThatThrownBy(
            () ->
                new SourceDefinition(
                    "sec",
                    "edgar",
                    "x",
                    java.net.URI.create("https://www.sec.gov/"),
                    Duration.ofMinutes(10),
                    false))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs option");
  }

  @Test
  void reportsProblemsAsSourcesException() {
    assertThatThrownBy(() -> SourcesFile.parse(fixture("type-problems.yaml"), "s.yaml", Map.of()))
        .isInstanceOf(SourcesException.class)
        .extracting(e -> ((SourcesException) e).problems(), LIST)
        .hasSize(17);
  }
}
