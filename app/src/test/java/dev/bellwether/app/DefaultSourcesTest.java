package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.ingest.feed.FeedEntry;
import dev.bellwether.ingest.html.HtmlListingParser;
import dev.bellwether.ingest.poll.SourceReaders;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.ingest.source.SourceOptions;
import dev.bellwether.ingest.source.SourcesFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default {@code config/sources.yaml}: it covers the firms that matter (issue 23), and every
 * {@code html} source's selectors read a trimmed copy of its page ({@code listings/<id>.html}) with
 * nothing from the page's navigation or footer.
 */
class DefaultSourcesTest {
  private static final Path FILE = Path.of("..", "config", "sources.yaml");

  /** With the User-Agent set, the edgar sources are polled (without it they are off). */
  private static final Map<String, String> EDGAR_ON =
      Map.of(SourcesFile.EDGAR_USER_AGENT_VARIABLE, "Bellwether tests ops@example.com");

  /**
   * What each html source's fixture lists, in page order, and the first item's date when the source
   * has a date selector. A new html source needs an entry here and a fixture.
   */
  private static final Map<String, Listing> LISTINGS =
      Map.of(
          "anthropic-news",
          new Listing(
              List.of(
                  "Claude comes to public school classrooms in three states",
                  "An expanded compute agreement for the next model generation",
                  "Anthropic raises a new funding round to grow its research",
                  "Claude models become available on a government cloud region",
                  "Our comments on the proposed chip export rule",
                  "A new office in Tokyo"),
              Instant.parse("2026-03-11T00:00:00Z")),
          "deepseek-news",
          new Listing(
              List.of(
                  "Introducing DeepSeek-V3.2 2025/12/01",
                  "DeepSeek-V3.2-Exp with sparse attention 2025/09/29",
                  "DeepSeek-V3.1 update 2025/09/22",
                  "DeepSeek-V3.1 is out 2025/08/21",
                  "DeepSeek-R1 upgrade 2025/05/28"),
              null),
          "xai-news",
          new Listing(
              List.of(
                  "A first look at Grok 5",
                  "The Memphis training cluster doubles in size",
                  "Grok Code arrives in the xAI API",
                  "xAI closes a new round of financing",
                  "Grok for government agencies"),
              null),
          "bis-press-releases",
          new Listing(
              List.of(
                  "Commerce changes how it reviews licenses for advanced chips bound for China",
                  "Commerce adds entities in three countries to the Entity List",
                  "Commerce ends license-free shipments to foreign-owned chip fabs in China",
                  "Commerce rescinds the AI diffusion rule and issues chip guidance"),
              Instant.parse("2026-01-13T00:00:00Z")));

  /** Each firm's own channels in the file, and the domains those channels must be on. */
  private static final Map<String, Channels> OWN_CHANNELS =
      Map.of(
          "OpenAI",
          new Channels(List.of("openai-news"), List.of("openai.com")),
          "Anthropic",
          new Channels(List.of("anthropic-news"), List.of("anthropic.com")),
          "Google",
          new Channels(
              List.of("google-ai-blog", "deepmind-blog"),
              List.of("blog.google", "deepmind.google")),
          "Microsoft",
          new Channels(List.of("microsoft-ai-blog"), List.of("microsoft.com")),
          "Meta",
          new Channels(List.of("meta-newsroom"), List.of("fb.com")),
          "Nvidia",
          new Channels(List.of("nvidia-newsroom"), List.of("nvidia.com")),
          "DeepSeek",
          new Channels(List.of("deepseek-news"), List.of("deepseek.com")),
          "Alibaba/Qwen",
          new Channels(List.of("alibaba-alizila"), List.of("alizila.com")),
          "Mistral",
          new Channels(List.of("mistral-news"), List.of("mistral.ai")),
          "xAI",
          new Channels(List.of("xai-news"), List.of("x.ai")));

  /** The public firms whose SEC filings must be watched, by CIK. */
  private static final Map<String, String> REQUIRED_FILERS =
      Map.of(
          "0001045810", "Nvidia",
          "0001652044", "Alphabet",
          "0000789019", "Microsoft",
          "0001326801", "Meta Platforms",
          "0001018724", "Amazon",
          "0001577552", "Alibaba Group");

  private record Listing(List<String> titles, @Nullable Instant firstDate) {}

  private record Channels(List<String> ids, List<String> domains) {}

  private static List<SourceDefinition> sources() {
    return SourcesFile.load(FILE, EDGAR_ON).sources();
  }

  private static SourceDefinition source(String id) {
    return sources().stream()
        .filter(s -> s.id().equals(id))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no source '" + id + "' in " + FILE));
  }

  static Stream<String> htmlSourceIds() {
    return sources().stream()
        .filter(s -> s.type().equals(SourceDefinition.HTML))
        .map(SourceDefinition::id);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("htmlSourceIds")
  void htmlSourceReadsExactlyTheItemsItsPageLists(String id) throws IOException {
    SourceDefinition source = source(id);
    Listing listing = LISTINGS.get(id);
    assertThat(listing).as("expected titles of %s in LISTINGS", id).isNotNull();

    List<FeedEntry> entries = parse(source, fixture(id));

    assertThat(entries).extracting(FeedEntry::title).containsExactlyElementsOf(listing.titles());
    assertThat(entries)
        .allSatisfy(
            entry -> {
              assertThat(entry.link().getScheme()).isEqualTo("https");
              assertThat(entry.link().getHost()).isEqualTo(source.url().getHost());
            });
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("htmlSourceIds")
  void htmlSourceWithADateSelectorDatesEveryItem(String id) throws IOException {
    SourceDefinition source = source(id);
    Listing listing = Objects.requireNonNull(LISTINGS.get(id), id);
    boolean dated = SourceOptions.get(source, SourceOptions.SELECTOR_DATE) != null;
    assertThat(listing.firstDate() != null)
        .as("%s: a first date in LISTINGS exactly when the source has a date selector", id)
        .isEqualTo(dated);

    List<FeedEntry> entries = parse(source, fixture(id));

    if (dated) {
      assertThat(entries).extracting(FeedEntry::published).doesNotContainNull();
      assertThat(entries.get(0).published()).isEqualTo(listing.firstDate());
    } else {
      assertThat(entries).extracting(FeedEntry::published).containsOnlyNulls();
    }
  }

  @Test
  void everyListingExpectationBelongsToAnHtmlSource() {
    assertThat(LISTINGS.keySet()).containsExactlyInAnyOrderElementsOf(htmlSourceIds().toList());
  }

  @Test
  void eachFirmThatMattersHasItsOwnChannel() {
    OWN_CHANNELS.forEach(
        (firm, channels) -> {
          for (String id : channels.ids()) {
            String host = source(id).url().getHost().toLowerCase(Locale.ROOT);
            assertThat(channels.domains().stream().anyMatch(d -> isOn(host, d)))
                .as("%s's channel %s is on one of %s, not %s", firm, id, channels.domains(), host)
                .isTrue();
          }
        });
  }

  @Test
  void rulesArriveFromTheRegisterFromBisAndFromTheSec() {
    Set<String> types = Set.copyOf(sources().stream().map(SourceDefinition::type).toList());
    assertThat(types).contains(SourceDefinition.EDGAR, SourceDefinition.FEDERAL_REGISTER);

    SourceDefinition bis = source("bis-press-releases");
    assertThat(bis.type()).isEqualTo(SourceDefinition.HTML);
    assertThat(bis.url().getHost()).isEqualTo("www.bis.gov");
  }

  @Test
  void everyEdgarSourceNamesItsCompanyAndForms() {
    List<SourceDefinition> edgar =
        sources().stream().filter(s -> s.type().equals(SourceDefinition.EDGAR)).toList();

    assertThat(edgar)
        .allSatisfy(
            s -> {
              assertThat(SourceOptions.get(s, SourceOptions.CIK)).as(s.id()).matches("\\d{10}");
              assertThat(SourceOptions.forms(s)).as(s.id()).isNotEmpty();
            });
    assertThat(edgar)
        .extracting(s -> SourceOptions.get(s, SourceOptions.CIK))
        .as("CIKs of %s", REQUIRED_FILERS.values())
        .containsAll(REQUIRED_FILERS.keySet());
  }

  @Test
  void idsAreUniqueAndEveryUrlIsHttps() {
    List<SourceDefinition> sources = sources();

    assertThat(sources).extracting(SourceDefinition::id).doesNotHaveDuplicates();
    assertThat(sources)
        .allSatisfy(s -> assertThat(s.url().getScheme()).as(s.id()).isEqualTo("https"));
  }

  private static boolean isOn(String host, String domain) {
    return host.equals(domain) || host.endsWith("." + domain);
  }

  /** Parses as the html reader does, with the selectors from the file. */
  private static List<FeedEntry> parse(SourceDefinition source, byte[] page) {
    return HtmlListingParser.parse(
        page, "text/html; charset=utf-8", source.url(), SourceReaders.selectors(source));
  }

  private static byte[] fixture(String id) throws IOException {
    String name = "listings/" + id + ".html";
    try (InputStream in = DefaultSourcesTest.class.getClassLoader().getResourceAsStream(name)) {
      assertThat(in)
          .as("fixture %s on the test class path for html source %s", name, id)
          .isNotNull();
      return in.readAllBytes();
    }
  }
}
