package dev.bellwether.ingest.feed;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedParserTest {
  private static final URI FEED_URL = URI.create("https://frontier.example/feed.xml");
  private final FeedParser parser = new FeedParser();

  static byte[] fixture(String name) {
    try (InputStream in = FeedParserTest.class.getResourceAsStream("/fixtures/feeds/" + name)) {
      return in.readAllBytes();
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("missing fixture " + name, e);
    }
  }

  @Test
  void readsRss2Entries() {
    List<FeedEntry> entries = parser.parse(fixture("rss2.xml"), "application/rss+xml", FEED_URL);

    assertThat(entries).hasSize(2);
    FeedEntry first = entries.get(0);
    assertThat(first.guid()).isEqualTo("frontier-1001");
    assertThat(first.link()).isEqualTo(URI.create("https://frontier.example/2025/anthropic-round"));
    assertThat(first.title()).isEqualTo("Anthropic raises $2 billion round");
    assertThat(first.published()).isEqualTo(Instant.parse("2025-06-03T14:30:00Z"));
  }

  @Test
  void stripsMarkupFromSummaries() {
    FeedEntry first = parser.parse(fixture("rss2.xml"), FEED_URL).get(0);

    assertThat(first.summary())
        .isEqualTo(
            "The Anthropic round is led by Example Capital & others. Valuation: $60 billion"
                + " \u2014 sources say.");
  }

  @Test
  void fallsBackToContentWhenThereIsNoDescription() {
    FeedEntry second = parser.parse(fixture("rss2.xml"), FEED_URL).get(1);

    assertThat(second.summary()).isEqualTo("Only content, no description.");
    assertThat(second.published()).isEqualTo(Instant.parse("2025-06-04T07:00:00Z"));
  }

  @Test
  void resolvesRelativeLinksAgainstTheFeed() {
    FeedEntry second = parser.parse(fixture("rss2.xml"), FEED_URL).get(1);

    assertThat(second.link())
        .isEqualTo(URI.create("https://frontier.example/2025/nvidia-export-rules"));
  }

  @Test
  void skipsEntriesWithoutALink() {
    assertThat(parser.parse(fixture("rss2.xml"), FEED_URL))
        .extracting(FeedEntry::title)
        .doesNotContain("An item without any link is skipped");
  }

  @Test
  void readsAtomEntries() {
    List<FeedEntry> entries =
        parser.parse(fixture("atom1.xml"), URI.create("https://makers.example/atom.xml"));

    assertThat(entries).hasSize(2);
    FeedEntry first = entries.get(0);
    assertThat(first.guid()).isEqualTo("tag:makers.example,2025:entry-42");
    assertThat(first.link())
        .isEqualTo(URI.create("https://makers.example/posts/mistral-microsoft"));
    assertThat(first.title()).isEqualTo("Mistral & Microsoft extend partnership");
    assertThat(first.summary()).isEqualTo("A multi-year deal.");
    assertThat(first.published()).isEqualTo(Instant.parse("2025-06-05T08:15:00Z"));
    FeedEntry second = entries.get(1);
    assertThat(second.published()).isEqualTo(Instant.parse("2025-06-05T09:30:00Z"));
    assertThat(second.summary()).isEqualTo("Open weights, again.");
  }

  @Test
  void readsRss1RdfEntries() {
    List<FeedEntry> entries =
        parser.parse(fixture("rss1-rdf.xml"), URI.create("https://register.example/bis.rdf"));

    assertThat(entries)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.link())
                  .isEqualTo(URI.create("https://register.example/rules/2025-0101"));
              assertThat(e.title()).isEqualTo("Revisions to advanced computing export controls");
              assertThat(e.summary()).isEqualTo("Interim final rule on AI chips.");
              assertThat(e.published()).isEqualTo(Instant.parse("2025-01-15T12:00:00Z"));
            });
  }

  @Test
  void refusesXmlItCannotRepairWithOneSentence() {
    assertThatThrownBy(() -> parser.parse(fixture("malformed.xml"), FEED_URL))
        .isInstanceOf(FeedParseException.class)
        .hasMessageStartingWith("The document is not well-formed XML at line ")
        .hasMessageEndingWith(".")
        .message()
        .doesNotContain("\n");
  }

  @Test
  void refusesXmlThatIsNotAFeed() {
    assertThatThrownBy(() -> parser.parse(fixture("not-a-feed.xml"), FEED_URL))
        .isInstanceOf(FeedParseException.class)
        .hasMessage(
            "The document is XML but not an RSS, Atom, RDF or CDF feed (its root element is"
                + " <html>).");
  }

  @Test
  void refusesAnHtmlPageThatIsNotXml() {
    byte[] page = "<!DOCTYPE html>\n<html><body><p>Hello<br></body></html>".getBytes(UTF_8);

    assertThatThrownBy(() -> parser.parse(page, FEED_URL))
        .isInstanceOf(FeedParseException.class)
        .hasMessage("The document is an HTML page, not a feed.");
  }

  @Test
  void refusesAnEmptyDocument() {
    assertThatThrownBy(() -> parser.parse(new byte[0], FEED_URL))
        .isInstanceOf(FeedParseException.class)
        .hasMessage("The document is empty.");
  }

  @Test
  void refusesBinaryWithOneSentence() {
    byte[] binary = {0x00, 0x01, 0x02, (byte) 0xFF, 0x7F, 0x10, 0x00, 0x00, 0x08};

    assertThatThrownBy(() -> parser.parse(binary, FEED_URL))
        .isInstanceOf(FeedParseException.class)
        .message()
        .endsWith(".")
        .doesNotContain("\n");
  }

  @Test
  void readsNetscapeRss091WithItsDoctypeAndHtmlEntities() {
    ParsedFeed feed = parser.read(fixture("rss091-netscape.xml"), null, FEED_URL);

    assertThat(feed.format()).isEqualTo("rss_0.91N");
    assertThat(feed.recovered()).isFalse();
    assertThat(feed.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.title()).isEqualTo("Mistral lev\u00e9e de fonds");
              assertThat(e.summary()).isEqualTo("Un tour \u00e0 600 M\u20ac.");
            });
  }

  @Test
  void readsHtmlEntitiesInAFeedWithoutDoctypeAndSaysSo() {
    String feed =
        "<rss version=\"2.0\"><channel><title>t</title><item><title>caf&eacute;&hellip;</title>"
            + "<link>https://x.example/1</link></item></channel></rss>";

    ParsedFeed parsed = parser.read(feed.getBytes(UTF_8), null, FEED_URL);

    assertThat(parsed.problems())
        .containsExactly(
            "The document uses HTML entities such as &eacute; without a DOCTYPE declaring them;"
                + " they were read as HTML's.");
    assertThat(parsed.entries()).extracting(FeedEntry::title).containsExactly("caf\u00e9\u2026");
  }

  @Test
  void expandsEntitiesDeclaredInTheInternalSubset() {
    String feed =
        "<!DOCTYPE rss [<!ENTITY site \"https://x.example\">]><rss version=\"2.0\"><channel>"
            + "<item><title>t</title><link>&site;/1</link></item></channel></rss>";

    assertThat(parser.parse(feed.getBytes(UTF_8), FEED_URL))
        .extracting(FeedEntry::link)
        .containsExactly(URI.create("https://x.example/1"));
  }

  @Test
  void xxeEntitiesAreNeverRead() {
    List<FeedEntry> entries = parser.parse(fixture("xxe.xml"), FEED_URL);

    assertThat(entries)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.title()).doesNotContain("root:");
              assertThat(String.valueOf(e.summary())).doesNotContain("root:");
            });
  }

  @Test
  void xxePayloadDoesNotReadALocalFile(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-MARKER");
    String feed =
        "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE rss [<!ENTITY s SYSTEM \""
            + secret.toUri()
            + "\"><!ENTITY % p SYSTEM \""
            + secret.toUri()
            + "\"> %p;]>\n"
            + "<rss version=\"2.0\"><channel><title>t</title><link>https://x.example/</link>"
            + "<description>d</description><item><title>&s;</title>"
            + "<link>https://x.example/1</link><description>&s;</description></item>"
            + "</channel></rss>";

    String everything;
    try {
      everything = parser.read(feed.getBytes(UTF_8), null, FEED_URL).toString();
    } catch (FeedParseException e) {
      everything = e.getMessage();
    }

    assertThat(everything).doesNotContain("TOP-SECRET-MARKER");
  }

  @Test
  void refusesBillionLaughsQuickly() {
    long start = System.nanoTime();

    assertThatThrownBy(() -> parser.parse(fixture("billion-laughs.xml"), FEED_URL))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("billion laughs");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(Duration.ofSeconds(20)); // a hang guard, not a speed target
  }

  @Test
  void refusesQuadraticBlowupQuickly() {
    String big = "x".repeat(50_000);
    String feed =
        "<!DOCTYPE rss [<!ENTITY a \""
            + big
            + "\">]><rss version=\"2.0\"><channel><title>"
            + "&a;".repeat(5_000)
            + "</title></channel></rss>";
    long start = System.nanoTime();

    assertThatThrownBy(() -> parser.parse(feed.getBytes(UTF_8), FEED_URL))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("safe limits");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(Duration.ofSeconds(20)); // a hang guard, not a speed target
  }

  @Test
  void recoversATruncatedFeedWithBareAmpersandsAndControlCharacters() {
    ParsedFeed feed = parser.read(fixture("truncated.xml"), "application/rss+xml", FEED_URL);

    assertThat(feed.recovered()).isTrue();
    assertThat(feed.problems())
        .singleElement()
        .asString()
        .startsWith("The document is not well-formed XML at line 7")
        .contains("bare '&'")
        .contains("truncated");
    assertThat(feed.entries())
        .first()
        .satisfies(
            e -> {
              assertThat(e.title()).isEqualTo("AT&T and Nvidia sign a compute deal");
              assertThat(e.link())
                  .isEqualTo(URI.create("https://cut.example/2025/att-nvidia?ref=rss&utm=feed"));
              assertThat(e.summary()).isEqualTo("Control characters slipped in.");
            });
  }

  @Test
  void declaresNamespacePrefixesAFeedForgot() {
    String feed =
        "<rss version=\"2.0\"><channel><item><title>t</title><link>https://x.example/1</link>"
            + "<itunes:duration>12:00</itunes:duration></item></channel></rss>";

    ParsedFeed parsed = parser.read(feed.getBytes(UTF_8), null, FEED_URL);

    assertThat(parsed.recovered()).isTrue();
    assertThat(parsed.entries().get(0).attributes()).containsEntry("itunes.duration", "12:00");
  }

  @Test
  void readsMediaRssAndItunesIntoAttributes() {
    List<FeedEntry> entries = parser.parse(fixture("media-rss.xml"), FEED_URL);

    assertThat(entries.get(0).attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "media.url", "https://cdn.audio.example/12.mp4",
                "media.type", "video/mp4",
                "media.thumbnail", "https://cdn.audio.example/12.jpg",
                "itunes.duration", "00:42:17",
                "itunes.author", "Frontier Audio"));
    assertThat(entries.get(1).attributes())
        .containsEntry("media.url", "https://cdn.audio.example/11.mp3")
        .containsEntry("media.type", "audio/mpeg");
  }

  @Test
  void readsJsonFeed() {
    ParsedFeed feed =
        parser.read(
            fixture("json-feed.json"),
            "application/feed+json",
            URI.create("https://json.example/"));

    assertThat(feed.format()).isEqualTo("json_feed_1.1");
    assertThat(feed.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.guid()).isEqualTo("json-1");
              assertThat(e.link()).isEqualTo(URI.create("https://json.example/2025/cohere-round"));
              assertThat(e.title()).isEqualTo("Cohere raises $500 million");
              assertThat(e.summary()).isEqualTo("Led by Example Ventures.");
              assertThat(e.published()).isEqualTo(Instant.parse("2025-06-06T08:00:00Z"));
              assertThat(e.attributes()).containsEntry("media.type", "audio/mpeg");
            });
  }

  @Test
  void detectsJsonFeedByItsLeadingBrace() {
    assertThat(parser.read(fixture("json-feed.json"), null, FEED_URL).format())
        .isEqualTo("json_feed_1.1");
  }

  @Test
  void refusesJsonThatIsNotAJsonFeed() {
    assertThatThrownBy(() -> parser.parse("{\"items\": 3}".getBytes(UTF_8), FEED_URL))
        .isInstanceOf(FeedParseException.class)
        .hasMessageStartingWith("The document is JSON but not a JSON Feed");
    assertThatThrownBy(() -> parser.parse("{\"items\": [".getBytes(UTF_8), FEED_URL))
        .isInstanceOf(FeedParseException.class)
        .hasMessageStartingWith("The document is not well-formed JSON");
  }

  @Test
  void readsCdf() {
    ParsedFeed feed = parser.read(fixture("cdf.xml"), null, FEED_URL);

    assertThat(feed.format()).isEqualTo("cdf");
    assertThat(feed.entries())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.link()).isEqualTo(URI.create("https://cdf.example/1997/push"));
              assertThat(e.title()).isEqualTo("Push technology is here");
              assertThat(e.published()).isEqualTo(Instant.parse("1997-10-01T12:00:00Z"));
            });
  }

  @Test
  void readsRssWithoutVersionOrChannelAsAnEmptyFeed() {
    assertThat(parser.read("<rss/>".getBytes(UTF_8), null, FEED_URL).entries()).isEmpty();
  }

  @Test
  void readsUtf16WithoutAByteOrderMark() {
    String feed =
        "<?xml version=\"1.0\" encoding=\"utf-16\"?><rss version=\"2.0\"><channel><item>"
            + "<title>\u5e74</title><link>https://x.example/1</link></item></channel></rss>";

    ParsedFeed parsed = parser.read(feed.getBytes(StandardCharsets.UTF_16LE), null, FEED_URL);

    assertThat(parsed.charset()).isEqualTo("UTF-16LE");
    assertThat(parsed.entries()).extracting(FeedEntry::title).containsExactly("\u5e74");
  }

  @Test
  void readsUtf32WithAByteOrderMark() {
    String feed =
        "\uFEFF<rss version=\"2.0\"><channel><item><title>\u00e9</title>"
            + "<link>https://x.example/1</link></item></channel></rss>";

    ParsedFeed parsed =
        parser.read(feed.getBytes(java.nio.charset.Charset.forName("UTF-32BE")), null, FEED_URL);

    assertThat(parsed.charset()).isEqualTo("UTF-32BE");
    assertThat(parsed.entries()).extracting(FeedEntry::title).containsExactly("\u00e9");
  }

  @Test
  void theHttpCharsetOverridesTheXmlDeclaration() {
    String feed =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><item>"
            + "<title>d\u00e9j\u00e0</title><link>https://x.example/1</link></item></channel></rss>";

    ParsedFeed parsed =
        parser.read(
            feed.getBytes(StandardCharsets.ISO_8859_1),
            "application/rss+xml; charset=\"ISO-8859-1\"",
            FEED_URL);

    assertThat(parsed.recovered()).isFalse();
    assertThat(parsed.entries()).extracting(FeedEntry::title).containsExactly("d\u00e9j\u00e0");
  }

  @Test
  void readsBytesThatContradictTheDeclaredEncodingAndSaysSo() {
    String feed =
        "<?xml version=\"1.0\" encoding=\"utf-8\"?><rss version=\"2.0\"><channel><item>"
            + "<title>\u00e9t\u00e9</title><link>https://x.example/1</link></item></channel></rss>";

    ParsedFeed parsed = parser.read(feed.getBytes(StandardCharsets.ISO_8859_1), null, FEED_URL);

    assertThat(parsed.problems())
        .containsExactly("The bytes are not valid UTF-8, so they were read as windows-1252.");
    assertThat(parsed.entries()).extracting(FeedEntry::title).containsExactly("\u00e9t\u00e9");
  }

  @Test
  void refusesBytesThatContradictTheirByteOrderMark() {
    byte[] body = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '<', 'r', (byte) 0xFF, '/', '>'};

    assertThatThrownBy(() -> parser.parse(body, FEED_URL))
        .isInstanceOf(FeedParseException.class)
        .hasMessage(
            "The document starts with a UTF-8 byte-order mark but holds bytes that are not valid"
                + " UTF-8.");
  }

  @Test
  void honoursTheCharsetOfTheContentType() {
    String feed =
        "<rss version=\"2.0\"><channel><title>t</title><link>https://x.example/</link>"
            + "<description>d</description><item><title>Caf\u00e9 d\u00e9j\u00e0</title>"
            + "<link>https://x.example/1</link></item></channel></rss>";

    List<FeedEntry> entries =
        parser.parse(
            feed.getBytes(StandardCharsets.ISO_8859_1), "text/xml; charset=ISO-8859-1", FEED_URL);

    assertThat(entries).extracting(FeedEntry::title).containsExactly("Caf\u00e9 d\u00e9j\u00e0");
  }
}
