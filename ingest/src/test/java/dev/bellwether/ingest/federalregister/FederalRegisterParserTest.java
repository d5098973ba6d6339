package dev.bellwether.ingest.federalregister;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bellwether.ingest.feed.FeedEntry;
import dev.bellwether.ingest.feed.FeedParseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FederalRegisterParserTest {
  private static final URI API = URI.create("https://www.federalregister.gov/api/v1/x.json");
  private static final String BIS = "industry-and-security-bureau";

  static byte[] fixture(String name) {
    String path = "/fixtures/federal-register/" + name;
    try (InputStream in = FederalRegisterParserTest.class.getResourceAsStream(path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void readsDocumentsWithTypesAndDatesAndSkipsThoseWithoutANumber() {
    List<RegisterDocument> documents =
        FederalRegisterParser.documents(fixture("documents.json"), API);

    assertThat(documents)
        .extracting(RegisterDocument::documentNumber, RegisterDocument::type)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("2025-00901", "Rule"),
            org.assertj.core.groups.Tuple.tuple("2025-00777", "Proposed Rule"));
    assertThat(documents.get(0).agencies()).containsExactly("commerce-department", BIS);
    assertThat(documents.get(1).summary()).isNull();
    assertThat(documents.get(1).effectiveOn()).isNull();
  }

  @Test
  void turnsADocumentIntoAnEntryWithItsAttributes() {
    FeedEntry entry =
        FederalRegisterParser.documents(fixture("documents.json"), API).get(0).toEntry("documents");

    assertThat(entry.guid()).isEqualTo("2025-00901");
    assertThat(entry.title())
        .isEqualTo("Export Controls on Frontier Model Weights and Advanced Accelerators");
    assertThat(entry.summary()).startsWith("The Bureau revises");
    assertThat(entry.link().getHost()).isEqualTo("www.federalregister.gov");
    assertThat(entry.published()).isEqualTo(Instant.parse("2025-01-15T05:00:00Z"));
    assertThat(entry.attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "document-number", "2025-00901",
                "document-type", "Rule",
                "list", "documents",
                "publication-date", "2025-01-15",
                "effective-date", "2025-05-15"));
  }

  @Test
  void keepsOnlyTheAgencysDocumentsOnPublicInspection() {
    List<RegisterDocument> documents =
        FederalRegisterParser.publicInspection(fixture("public-inspection.json"), API, BIS);

    assertThat(documents)
        .extracting(RegisterDocument::documentNumber)
        .containsExactly("2025-01234", "2025-01240");
  }

  @Test
  void publicInspectionEntriesCarryFilingTimeAndTheirList() {
    List<RegisterDocument> documents =
        FederalRegisterParser.publicInspection(fixture("public-inspection.json"), API, BIS);
    FeedEntry entry = documents.get(0).toEntry("public-inspection");

    assertThat(entry.published()).isEqualTo(Instant.parse("2025-01-14T13:45:00Z"));
    assertThat(entry.attributes())
        .containsEntry("filed-at", "2025-01-14T13:45:00Z")
        .containsEntry("list", "public-inspection")
        .containsEntry("publication-date", "2025-01-15")
        .doesNotContainKey("effective-date");
  }

  @Test
  void titlesAnUntitledInspectionDocumentFromItsTableOfContents() {
    List<RegisterDocument> documents =
        FederalRegisterParser.publicInspection(fixture("public-inspection.json"), API, BIS);

    assertThat(documents.get(1).title()).isEqualTo("Entity List: Additions and Revisions");
  }

  @Test
  void readsAnAnswerWithNoResultsAsEmpty() {
    assertThat(FederalRegisterParser.documents(fixture("no-results.json"), API)).isEmpty();
  }

  @Test
  void refusesAnErrorAnswerAndInvalidJson() {
    assertThatThrownBy(() -> FederalRegisterParser.documents(fixture("error.json"), API))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("has no 'results' array");
    assertThatThrownBy(() -> FederalRegisterParser.documents("{\"results\": [".getBytes(), API))
        .isInstanceOf(FeedParseException.class)
        .hasMessageStartingWith("The document is not valid JSON");
    assertThatThrownBy(() -> FederalRegisterParser.documents("[]".getBytes(), API))
        .isInstanceOf(FeedParseException.class)
        .hasMessage("The document is not a Federal Register result list.");
  }
}
