package dev.bellwether.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.core.tagging.Tagger;
import dev.bellwether.schemas.avro.FeedItem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArticleGeneratorTest {
  private static final Instant START = Instant.parse("2026-11-02T08:00:00Z");

  private static List<FeedItem> items(long seed, int n) {
    ArticleGenerator generator = new ArticleGenerator(seed, START, Duration.ofMinutes(1));
    List<FeedItem> items = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      items.add(generator.next());
    }
    return items;
  }

  @Test
  void sameSeedGivesTheSameItems() {
    assertThat(items(7, 500)).isEqualTo(items(7, 500));
  }

  @Test
  void anotherSeedGivesOtherItems() {
    assertThat(items(7, 50).get(0).getId()).isNotEqualTo(items(8, 50).get(0).getId());
  }

  @Test
  void everyItemHasAnIdAndUrlOfItsOwn() {
    List<FeedItem> items = items(1, 2_000);
    assertThat(items.stream().map(FeedItem::getId).distinct()).hasSize(2_000);
    assertThat(items.stream().map(FeedItem::getUrl).distinct()).hasSize(2_000);
  }

  @Test
  void publicationTimesAdvanceByTheStep() {
    List<FeedItem> items = items(1, 3);
    assertThat(items.get(2).getPublished()).isEqualTo(START.plus(Duration.ofMinutes(2)));
  }

  @Test
  void storiesAreRetoldByOtherOutletsInOtherWords() {
    List<FeedItem> items = items(3, 2_000);
    Set<String> titles = new HashSet<>();
    items.forEach(i -> titles.add(i.getTitle()));
    Set<String> outlets = new HashSet<>();
    items.forEach(i -> outlets.add(i.getOutlet()));
    assertThat(titles.size()).isLessThan(items.size());
    assertThat(outlets).hasSizeGreaterThan(8);
  }

  @Test
  void mostItemsReportAnEventTheTaggerFinds() {
    Tagger tagger = Tagger.builtIn();
    List<FeedItem> items = items(5, 400);
    long withEvent =
        items.stream()
            .filter(i -> !tagger.tag(i.getTitle() + "\n\n" + i.getSummary()).events().isEmpty())
            .count();
    assertThat(withEvent).isGreaterThan(items.size() * 7 / 10);
  }

  @Test
  void moneyReadsAsNewsWritesIt() {
    assertThat(ArticleGenerator.money(350)).isEqualTo("$350 million");
    assertThat(ArticleGenerator.money(1_234)).isEqualTo("$1.2 billion");
    assertThat(ArticleGenerator.money(40_000)).isEqualTo("$40 billion");
  }
}
