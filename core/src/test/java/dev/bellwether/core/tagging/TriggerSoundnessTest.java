package dev.bellwether.core.tagging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The trigger words of the built-in cues miss nothing: on the labeled development set and on the
 * real pages of the readability corpus, tagging with the triggers gives exactly what tagging every
 * sentence for every type gives. An edit that adds a phrasing without its trigger word fails here
 * when the phrasing occurs in those texts.
 */
class TriggerSoundnessTest {
  private static final Path GOLD = Path.of("../../shared/eval/events-dev.jsonl");
  private static final Path PAGES = Path.of("../../shared/corpora/readability");

  private final Tagger tagger = Tagger.builtIn();

  @Test
  void gatedTaggingEqualsUngatedOnTheDevelopmentSet() throws IOException {
    assumeTrue(Files.isReadable(GOLD), "skipped: " + GOLD + " is absent (no ../shared checkout)");
    ObjectMapper json = new ObjectMapper();
    int events = 0;
    for (String line : Files.readAllLines(GOLD, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        String text = json.readTree(line).get("text").asText();
        Tagging gated = tagger.tag(text, true);
        assertThat(gated).as(text).isEqualTo(tagger.tag(text, false));
        events += gated.events().size();
      }
    }
    assertThat(events).isGreaterThan(80);
  }

  @Test
  void gatedTaggingEqualsUngatedOnRealPages() throws IOException {
    assumeTrue(
        Files.isDirectory(PAGES), "skipped: " + PAGES + " is absent (no ../shared checkout)");
    List<Path> pages = new ArrayList<>();
    try (Stream<Path> dirs = Files.list(PAGES)) {
      dirs.map(d -> d.resolve("expected.html")).filter(Files::isRegularFile).forEach(pages::add);
    }
    for (Path page : pages) {
      String text = plainText(Files.readString(page, StandardCharsets.UTF_8));
      assertThat(tagger.tag(text, true)).as(page.toString()).isEqualTo(tagger.tag(text, false));
    }
    assertThat(pages).hasSizeGreaterThan(100);
  }

  /** Block ends become line breaks, other tags are dropped, a few entities decoded. */
  private static String plainText(String html) {
    return html.replaceAll("(?i)</?(?:p|div|h\\d|li|br|tr|td|pre|blockquote)\\b[^>]*>", "\n")
        .replaceAll("<[^>]*>", "")
        .replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ");
  }
}
