package dev.bellwether.ingest.edgar;

import dev.bellwether.ingest.feed.FeedEntry;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One filing listed in a company's EDGAR feed.
 *
 * @param accession the accession number, such as {@code 0001193125-25-012345}
 * @param form the form type as filed, such as {@code 8-K} or {@code 8-K/A}
 * @param company the company's conformed name
 * @param cik the company's CIK, ten digits
 * @param filingDate the day EDGAR accepted the filing
 * @param indexUrl the filing's index page
 * @param description the form's name and the items reported, if given
 * @param accepted when EDGAR accepted the filing (the entry's {@code updated})
 */
public record EdgarFiling(
    String accession,
    String form,
    String company,
    String cik,
    @Nullable LocalDate filingDate,
    URI indexUrl,
    @Nullable String description,
    @Nullable Instant accepted) {

  public EdgarFiling {
    Objects.requireNonNull(accession, "accession");
    Objects.requireNonNull(form, "form");
    Objects.requireNonNull(company, "company");
    Objects.requireNonNull(cik, "cik");
    Objects.requireNonNull(indexUrl, "indexUrl");
  }

  /** Whether this filing is one of {@code forms} or an amendment of one ({@code 8-K/A}). */
  public boolean isOneOf(Iterable<String> forms) {
    String upper = form.toUpperCase(Locale.ROOT);
    for (String wanted : forms) {
      String w = wanted.toUpperCase(Locale.ROOT);
      if (upper.equals(w) || upper.equals(w + "/A")) {
        return true;
      }
    }
    return false;
  }

  /** The filing as a feed entry: titled {@code 8-K — Alphabet Inc. (2025-01-30)}. */
  public FeedEntry toEntry() {
    String date = filingDate == null ? "" : " (" + filingDate + ")";
    return new FeedEntry(
        "urn:tag:sec.gov,2008:accession-number=" + accession,
        indexUrl,
        form + " \u2014 " + company + date,
        description,
        accepted != null ? accepted : startOf(filingDate),
        attributes());
  }

  private Map<String, String> attributes() {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("form", form);
    attributes.put("company", company);
    attributes.put("cik", cik);
    attributes.put("accession", accession);
    if (filingDate != null) {
      attributes.put("filing-date", filingDate.toString());
    }
    return attributes;
  }

  private static @Nullable Instant startOf(@Nullable LocalDate date) {
    return date == null ? null : date.atStartOfDay(EdgarAtomParser.EASTERN).toInstant();
  }
}
