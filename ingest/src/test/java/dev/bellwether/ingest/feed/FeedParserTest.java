package dev.bellwether.ingest.feed;

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
  void refusesMalformedXmlWithOneSentence() {
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
        .hasMessage("The document is XML but not an RSS or Atom feed.");
  }

  @Test
  void refusesAnEmptyDocument() {
    assertThatThrownBy(() -> parser.parse(new byte[0], FEED_URL))
        .isInstanceOf(FeedParseException.class)
        .hasMessage("The document is empty.");
  }

  @Test
  void refusesDoctypesSoExternalEntitiesReadNoFile() {
    assertThatThrownBy(() -> parser.parse(fixture("xxe.xml"), FEED_URL))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("DOCTYPE")
        .message()
        .doesNotContain("root:");
  }

  @Test
  void xxePayloadDoesNotReadALocalFile(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET-MARKER");
    String feed =
        "<?xml version=\"1.0\"?>\n"
            + "<!DOCTYPE rss [<!ENTITY s SYSTEM \""
            + secret.toUri()
            + "\">]>\n"
            + "<rss version=\"2.0\"><channel><title>t</title><link>https://x.example/</link>"
            + "<description>d</description><item><title>&s;</title>"
            + "<link>https://x.example/1</link><description>&s;</description></item>"
            + "</channel></rss>";

    assertThatThrownBy(() -> parser.parse(feed.getBytes(StandardCharsets.UTF_8), FEED_URL))
        .isInstanceOf(FeedParseException.class)
        .message()
        .doesNotContain("TOP-SECRET-MARKER");
  }

  @Test
  void refusesBillionLaughsQuickly() {
    long start = System.nanoTime();

    assertThatThrownBy(() -> parser.parse(fixture("billion-laughs.xml"), FEED_URL))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("DOCTYPE");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
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
