package dev.bellwether.ingest.poll;

import dev.bellwether.ingest.edgar.EdgarAtomParser;
import dev.bellwether.ingest.edgar.EdgarFiling;
import dev.bellwether.ingest.edgar.RequestBudget;
import dev.bellwether.ingest.federalregister.FederalRegisterParser;
import dev.bellwether.ingest.federalregister.RegisterDocument;
import dev.bellwether.ingest.feed.FeedEntry;
import dev.bellwether.ingest.feed.FeedParser;
import dev.bellwether.ingest.html.HtmlListingParser;
import dev.bellwether.ingest.html.ListingSelectors;
import dev.bellwether.ingest.http.FetchException;
import dev.bellwether.ingest.http.HttpResponseData;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.ingest.source.SourceOptions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The {@link SourceReader} of each source type. Thread-safe. */
public final class SourceReaders {
  /** sec.gov allows ten requests a second from all of a requester's machines. */
  public static final int SEC_REQUESTS_PER_SECOND = 10;

  /** The longest an EDGAR fetch waits for a request slot before failing (retriably). */
  public static final Duration SEC_MAX_WAIT = Duration.ofSeconds(30);

  /** One budget per JVM: every EDGAR reader of the process shares it. */
  private static final RequestBudget SEC_BUDGET = RequestBudget.perSecond(SEC_REQUESTS_PER_SECOND);

  private final Map<String, SourceReader> readers;

  private SourceReaders(Map<String, SourceReader> readers) {
    this.readers = Map.copyOf(readers);
  }

  /** Readers for every type in {@link SourceDefinition#TYPES}, EDGAR on the process's budget. */
  public static SourceReaders standard(FeedParser rss) {
    return of(rss, SEC_BUDGET);
  }

  /** Readers for every type, EDGAR on {@code secBudget}. */
  public static SourceReaders of(FeedParser rss, RequestBudget secBudget) {
    return new SourceReaders(
        Map.of(
            SourceDefinition.RSS, new Rss(rss),
            SourceDefinition.EDGAR, new Edgar(secBudget),
            SourceDefinition.FEDERAL_REGISTER, new FederalRegister(),
            SourceDefinition.HTML, new Html()));
  }

  /** The reader of {@code type}, one of {@link SourceDefinition#TYPES}. */
  public SourceReader forType(String type) {
    SourceReader reader = readers.get(type);
    if (reader == null) {
      throw new IllegalArgumentException("no reader for source type '" + type + "'");
    }
    return reader;
  }

  private record Rss(FeedParser parser) implements SourceReader {
    @Override
    public List<FeedEntry> read(SourceDefinition source, HttpResponseData response) {
      return parser.parse(response.body(), response.contentType(), response.finalUrl());
    }
  }

  /** Filings of the configured forms (and their amendments), on the SEC request budget. */
  private record Edgar(RequestBudget budget) implements SourceReader {
    @Override
    public String userAgent(SourceDefinition source) {
      return Objects.requireNonNull(SourceOptions.get(source, SourceOptions.USER_AGENT));
    }

    @Override
    public void awaitTurn(SourceDefinition source) {
      if (!budget.acquire(SEC_MAX_WAIT)) {
        throw new FetchException(
            FetchException.Kind.TIMEOUT,
            source.url(),
            "no SEC request slot within " + SEC_MAX_WAIT.toSeconds() + "s (10 requests/second)");
      }
    }

    @Override
    public List<FeedEntry> read(SourceDefinition source, HttpResponseData response) {
      String cik = SourceOptions.get(source, SourceOptions.CIK);
      List<String> forms = SourceOptions.forms(source);
      return EdgarAtomParser.parse(
              response.body(), response.finalUrl(), source.name(), cik == null ? "" : cik)
          .stream()
          .filter(filing -> filing.isOneOf(forms))
          .map(EdgarFiling::toEntry)
          .toList();
    }
  }

  private record FederalRegister() implements SourceReader {
    @Override
    public List<FeedEntry> read(SourceDefinition source, HttpResponseData response) {
      String list = SourceOptions.get(source, SourceOptions.LIST);
      String agency = SourceOptions.get(source, SourceOptions.AGENCY);
      boolean inspection = SourceOptions.LIST_PUBLIC_INSPECTION.equals(list);
      List<RegisterDocument> documents =
          inspection
              ? FederalRegisterParser.publicInspection(
                  response.body(),
                  response.finalUrl(),
                  agency == null ? SourceOptions.DEFAULT_AGENCY : agency)
              : FederalRegisterParser.documents(response.body(), response.finalUrl());
      String name =
          inspection ? SourceOptions.LIST_PUBLIC_INSPECTION : SourceOptions.LIST_DOCUMENTS;
      return documents.stream().map(d -> d.toEntry(name)).toList();
    }
  }

  /** The selectors of an {@code html} source, as its reader applies them. */
  public static ListingSelectors selectors(SourceDefinition source) {
    return new ListingSelectors(
        Objects.requireNonNull(SourceOptions.get(source, SourceOptions.SELECTOR_ITEM)),
        Objects.requireNonNull(SourceOptions.get(source, SourceOptions.SELECTOR_LINK)),
        SourceOptions.get(source, SourceOptions.SELECTOR_TITLE),
        SourceOptions.get(source, SourceOptions.SELECTOR_DATE));
  }

  private record Html() implements SourceReader {
    @Override
    public List<FeedEntry> read(SourceDefinition source, HttpResponseData response) {
      return HtmlListingParser.parse(
          response.body(), response.contentType(), response.finalUrl(), selectors(source));
    }
  }
}
