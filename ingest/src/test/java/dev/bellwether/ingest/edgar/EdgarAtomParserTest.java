package dev.bellwether.ingest.edgar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bellwether.ingest.feed.FeedEntry;
import dev.bellwether.ingest.feed.FeedParseException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgarAtomParserTest {
  private static final URI FEED =
      URI.create("https://www.sec.gov/cgi-bin/browse-edgar?action=getcompany&CIK=0009990001");

  static byte[] fixture(String name) {
    try (InputStream in =
        EdgarAtomParserTest.class.getResourceAsStream("/fixtures/edgar/" + name)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<EdgarFiling> parse(String name) {
    return EdgarAtomParser.parse(fixture(name), FEED, "Configured Name", "0000000001");
  }

  @Test
  void readsEachFilingWithTheCompanyFromTheHeader() {
    List<EdgarFiling> filings = parse("company-filings.xml");

    assertThat(filings)
        .extracting(EdgarFiling::form)
        .containsExactly("8-K", "10-Q", "D/A", "DEF 14A");
    EdgarFiling first = filings.get(0);
    assertThat(first.accession()).isEqualTo("0009990001-25-000012");
    assertThat(first.company()).isEqualTo("Frontier Models Inc.");
    assertThat(first.cik()).isEqualTo("0009990001");
    assertThat(first.filingDate()).isEqualTo(LocalDate.parse("2025-01-30"));
    assertThat(first.accepted()).isEqualTo(Instant.parse("2025-01-30T21:31:07Z"));
    assertThat(first.description()).isEqualTo("Current report; items 1.01 and 9.01");
    assertThat(first.indexUrl())
        .hasToString(
            "https://www.sec.gov/Archives/edgar/data/9990001/000999000125000012/"
                + "0009990001-25-000012-index.htm");
  }

  @Test
  void resolvesRelativeFilingLinksAgainstTheFeed() {
    EdgarFiling amendment = parse("company-filings.xml").get(2);

    assertThat(amendment.indexUrl().toString())
        .startsWith("https://www.sec.gov/Archives/edgar/data/9990001/");
  }

  @Test
  void turnsAFilingIntoAnEntryWithItsAttributes() {
    FeedEntry entry = parse("company-filings.xml").get(0).toEntry();

    assertThat(entry.title()).isEqualTo("8-K \u2014 Frontier Models Inc. (2025-01-30)");
    assertThat(entry.guid())
        .isEqualTo("urn:tag:sec.gov,2008:accession-number=0009990001-25-000012");
    assertThat(entry.published()).isEqualTo(Instant.parse("2025-01-30T21:31:07Z"));
    assertThat(entry.attributes())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "form", "8-K",
                "company", "Frontier Models Inc.",
                "cik", "0009990001",
                "accession", "0009990001-25-000012",
                "filing-date", "2025-01-30"));
  }

  @Test
  void readsTheCorrectSpellingAndFallsBackToTheConfiguredCompany() {
    List<EdgarFiling> filings = parse("no-company-info.xml");

    assertThat(filings)
        .singleElement()
        .satisfies(
            filing -> {
              assertThat(filing.accession()).isEqualTo("0009990002-25-000001");
              assertThat(filing.company()).isEqualTo("Configured Name");
              assertThat(filing.cik()).isEqualTo("0000000001");
              assertThat(filing.description()).isNull();
            });
  }

  @Test
  void matchesWantedFormsAndTheirAmendmentsOnly() {
    List<EdgarFiling> filings = parse("company-filings.xml");

    assertThat(filings)
        .filteredOn(f -> f.isOneOf(List.of("8-K", "D")))
        .extracting(EdgarFiling::form)
        .containsExactly("8-K", "D/A");
  }

  @Test
  void refusesADoctypeWithoutReadingTheEntity() {
    assertThatThrownBy(() -> parse("doctype.xml"))
        .isInstanceOf(FeedParseException.class)
        .hasMessageContaining("DOCTYPE");
  }

  @Test
  void refusesADocumentThatIsNotAnAtomFeed() {
    byte[] xml = "<html><body>No matching CIK.</body></html>".getBytes();

    assertThatThrownBy(() -> EdgarAtomParser.parse(xml, FEED, "x", "1"))
        .isInstanceOf(FeedParseException.class)
        .hasMessage("The document is not an EDGAR Atom feed: its root element is <html>.");
  }

  @Test
  void refusesMalformedAndEmptyDocuments() {
    assertThatThrownBy(() -> EdgarAtomParser.parse("<feed><entry>".getBytes(), FEED, "x", "1"))
        .isInstanceOf(FeedParseException.class)
        .hasMessageStartingWith("The document is not well-formed XML");
    assertThatThrownBy(() -> EdgarAtomParser.parse(new byte[0], FEED, "x", "1"))
        .hasMessage("The document is empty.");
  }
}
