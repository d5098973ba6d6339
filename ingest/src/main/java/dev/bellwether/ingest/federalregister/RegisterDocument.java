package dev.bellwether.ingest.federalregister;

import dev.bellwether.ingest.feed.FeedEntry;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One Federal Register document, published or on public inspection.
 *
 * @param documentNumber the Federal Register document number, such as {@code 2025-00636}
 * @param type Rule, Proposed Rule, Notice, Presidential Document...
 * @param summary the abstract, if any
 * @param url the document's page on federalregister.gov
 * @param publicationDate the day it is (or will be) published
 * @param effectiveOn the day a rule takes effect, if known
 * @param filedAt when it went on public inspection; only for the public-inspection list
 * @param agencies the agencies' slugs
 */
public record RegisterDocument(
    String documentNumber,
    String title,
    String type,
    @Nullable String summary,
    URI url,
    @Nullable LocalDate publicationDate,
    @Nullable LocalDate effectiveOn,
    @Nullable Instant filedAt,
    List<String> agencies) {
  /** The Federal Register publishes on Eastern time. */
  static final ZoneId EASTERN = ZoneId.of("America/New_York");

  public RegisterDocument {
    Objects.requireNonNull(documentNumber, "documentNumber");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(url, "url");
    agencies = List.copyOf(agencies);
  }

  /**
   * The document as a feed entry, its guid the document number.
   *
   * @param list {@code documents} or {@code public-inspection}, kept as attribute {@code list}
   */
  public FeedEntry toEntry(String list) {
    Instant published =
        filedAt != null
            ? filedAt
            : publicationDate == null ? null : publicationDate.atStartOfDay(EASTERN).toInstant();
    return new FeedEntry(documentNumber, url, title, summary, published, attributes(list));
  }

  private Map<String, String> attributes(String list) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("document-number", documentNumber);
    attributes.put("document-type", type);
    attributes.put("list", list);
    if (publicationDate != null) {
      attributes.put("publication-date", publicationDate.toString());
    }
    if (effectiveOn != null) {
      attributes.put("effective-date", effectiveOn.toString());
    }
    if (filedAt != null) {
      attributes.put("filed-at", filedAt.toString());
    }
    return attributes;
  }
}
