package dev.bellwether.processors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.core.tagging.Tagger;
import dev.bellwether.processors.tag.ArticleTagger;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.TaggedArticle;
import dev.bellwether.schemas.avro.TaggedEvent;
import dev.bellwether.schemas.avro.TextOrigin;
import dev.bellwether.schemas.serde.BellwetherSerdes;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

class PerEventCopyTest {
  @Test
  void theCopyForOneEventIsTheArticleWithThatEventAloneAndLeavesTheOriginalAlone() {
    // the serde also trusts the generated classes, as in the topology
    Serializer<TaggedArticle> serializer = BellwetherSerdes.taggedArticle().serializer();
    Instant published = Instant.parse("2026-11-20T09:00:00Z");
    Article article =
        Article.newBuilder()
            .setId("a1")
            .setSourceId("wire")
            .setOutlet("Wire")
            .setUrl("https://wire.example/a1")
            .setTitle("Anthropic raises $5 billion; Microsoft to acquire Inflection")
            .setText(
                "Anthropic raised $5 billion in a round led by Google. Microsoft agreed to acquire"
                    + " Inflection AI for $650 million.")
            .setPublished(published)
            .setDiscovered(published.plusSeconds(30))
            .setTextOrigin(TextOrigin.PAGE)
            .build();
    TaggedArticle tagged = new ArticleTagger(Tagger.builtIn(), Clock.systemUTC()).tag(article);
    List<TaggedEvent> events = List.copyOf(tagged.getEvents());
    assertThat(events).hasSizeGreaterThanOrEqualTo(2);

    for (TaggedEvent event : events) {
      TaggedArticle one = BellwetherTopology.withOnly(tagged, event);
      TaggedArticle built = TaggedArticle.newBuilder(tagged).setEvents(List.of(event)).build();

      assertThat(one).isEqualTo(built);
      assertThat(one.getEvents()).containsExactly(event);
      assertThat(serializer.serialize("t", one)).isEqualTo(serializer.serialize("t", built));
    }
    assertThat(tagged.getEvents()).isEqualTo(events);
  }
}
