package dev.bellwether.ingest.source;

import java.net.URI;
import java.util.List;

/** The URLs that {@code edgar} and {@code federal-register} sources poll, derived from options. */
public final class SourceUrls {
  static final String EDGAR_BROWSE = "https://www.sec.gov/cgi-bin/browse-edgar";
  static final String FEDERAL_REGISTER_API = "https://www.federalregister.gov/api/v1/";

  /** The fields asked of the documents API: its default set lacks {@code effective_on}. */
  private static final List<String> DOCUMENT_FIELDS =
      List.of(
          "document_number",
          "title",
          "type",
          "abstract",
          "html_url",
          "publication_date",
          "effective_on",
          "agencies");

  private SourceUrls() {}

  /**
   * EDGAR's Atom feed of the latest 40 filings of {@code cik}. With one form the server filters by
   * it (a prefix match); with several it does not, and the reader filters. Ownership filings (Forms
   * 3, 4 and 5) are excluded: none is a supported form and for large companies they would crowd the
   * wanted forms out of the 40.
   */
  public static URI edgar(String cik, List<String> forms) {
    String type = forms.size() == 1 ? forms.get(0) : "";
    return URI.create(
        EDGAR_BROWSE
            + "?action=getcompany&CIK="
            + cik
            + "&type="
            + type
            + "&dateb=&owner=exclude&count=40&output=atom");
  }

  /**
   * The Federal Register list of {@code agency}: newest documents, or today's public inspection.
   */
  public static URI federalRegister(String list, String agency) {
    if (list.equals(SourceOptions.LIST_PUBLIC_INSPECTION)) {
      return URI.create(FEDERAL_REGISTER_API + "public-inspection-documents/current.json");
    }
    StringBuilder url =
        new StringBuilder(FEDERAL_REGISTER_API)
            .append("documents.json?conditions%5Bagencies%5D%5B%5D=")
            .append(agency)
            .append("&order=newest&per_page=50");
    DOCUMENT_FIELDS.forEach(f -> url.append("&fields%5B%5D=").append(f));
    return URI.create(url.toString());
  }
}
