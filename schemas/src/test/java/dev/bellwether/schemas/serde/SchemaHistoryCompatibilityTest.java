package dev.bellwether.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.ArticleReports;
import dev.bellwether.schemas.avro.DeadLetter;
import dev.bellwether.schemas.avro.FeedItem;
import dev.bellwether.schemas.avro.Source;
import dev.bellwether.schemas.avro.StoredStory;
import dev.bellwether.schemas.avro.TaggedArticle;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guards the contracts: a schema change must be readable against every released version, and a
 * changed schema must be recorded as a new version in the history before it ships.
 */
class SchemaHistoryCompatibilityTest {

  static Stream<Schema> currentSchemas() {
    return Stream.of(
        Source.getClassSchema(),
        FeedItem.getClassSchema(),
        Article.getClassSchema(),
        TaggedArticle.getClassSchema(),
        Alert.getClassSchema(),
        DeadLetter.getClassSchema(),
        StoredStory.getClassSchema(),
        ArticleReports.getClassSchema());
  }

  @ParameterizedTest
  @MethodSource("currentSchemas")
  void currentSchemaReadsEveryReleasedVersion(Schema current) {
    List<Schema> history = SchemaHistory.versions(current.getName());
    assertThat(history).as("released versions of %s", current.getName()).isNotEmpty();
    for (int i = 0; i < history.size(); i++) {
      var result = SchemaCompatibility.checkReaderWriterCompatibility(current, history.get(i));
      assertThat(result.getType())
          .as(
              "%s cannot read v%d: %s",
              current.getName(), i + 1, result.getResult().getIncompatibilities())
          .isEqualTo(SchemaCompatibilityType.COMPATIBLE);
    }
  }

  @ParameterizedTest
  @MethodSource("currentSchemas")
  void currentSchemaIsTheLatestRecordedVersion(Schema current) {
    List<Schema> history = SchemaHistory.versions(current.getName());
    Schema latest = history.get(history.size() - 1);
    assertThat(SchemaNormalization.parsingFingerprint64(current))
        .as(
            "%s changed: add it as v%d.avsc under"
                + " schemas/src/main/resources/dev/bellwether/schemas/history/%s/",
            current.getName(), history.size() + 1, current.getName())
        .isEqualTo(SchemaNormalization.parsingFingerprint64(latest));
  }
}
