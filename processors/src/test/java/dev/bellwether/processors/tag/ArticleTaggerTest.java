package dev.bellwether.processors.tag;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.tagging.Tagger;
import java.time.Clock;
import org.junit.jupiter.api.Test;

class ArticleTaggerTest {
  @Test
  void aRecordWithoutAnArticleIsRefusedSayingSo() {
    ArticleTagger tagger =
        new ArticleTagger(new Tagger(CompanyKnowledgeBase.builtIn()), Clock.systemUTC());

    assertThatThrownBy(() -> tagger.tag(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("an empty record (no value, a tombstone)");
  }
}
