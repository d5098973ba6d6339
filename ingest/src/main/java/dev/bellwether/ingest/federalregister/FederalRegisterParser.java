package dev.bellwether.ingest.federalregister;

import static dev.bellwether.ingest.feed.IsoTimes.date;
import static dev.bellwether.ingest.feed.IsoTimes.instant;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bellwether.ingest.feed.FeedParseException;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Reads the Federal Register API's result lists: {@code documents.json} (fields {@code
 * document_number, title, type, abstract, html_url, publication_date, effective_on, agencies}) and
 * {@code public-inspection-documents/current.json} (with {@code filed_at}). Lenient: a result
 * without a document number or an http(s) {@code html_url} is skipped. Thread-safe.
 */
public final class FederalRegisterParser {
  private static final ObjectMapper JSON = new ObjectMapper();

  private FederalRegisterParser() {}

  /**
   * The documents in a {@code documents.json} answer, newest first as the API orders them. The API
   * filters by agency itself.
   *
   * @throws FeedParseException if the body is not a Federal Register result list
   */
  public static List<RegisterDocument> documents(byte[] body, URI pageUrl) {
    return read(body, pageUrl, null);
  }

  /**
   * The documents on public inspection in a {@code current.json} answer that name {@code agency} (a
   * slug such as {@code industry-and-security-bureau}) among their agencies; the API cannot filter
   * this list itself.
   *
   * @throws FeedParseException if the body is not a Federal Register result list
   */
  public static List<RegisterDocument> publicInspection(byte[] body, URI pageUrl, String agency) {
    return read(body, pageUrl, agency);
  }

  private static List<RegisterDocument> read(byte[] body, URI pageUrl, @Nullable String agency) {
    List<RegisterDocument> documents = new ArrayList<>();
    for (JsonNode result : results(body)) {
      RegisterDocument document = document(result, pageUrl);
      if (document != null && (agency == null || document.agencies().contains(agency))) {
        documents.add(document);
      }
    }
    return documents;
  }

  private static JsonNode results(byte[] body) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      throw new FeedParseException(
          "The document is not valid JSON: " + e.getOriginalMessage() + ".", e);
    } catch (IOException e) {
      throw new FeedParseException("The document could not be read: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new FeedParseException("The document is not a Federal Register result list.", null);
    }
    JsonNode results = root.path("results");
    if (results.isArray()) {
      return results;
    }
    if (results.isMissingNode() && root.path("count").asInt(-1) == 0) {
      return JSON.createArrayNode(); // the API leaves "results" out when nothing matches
    }
    throw new FeedParseException(
        "The document is not a Federal Register result list: it has no 'results' array.", null);
  }

  private static @Nullable RegisterDocument document(JsonNode result, URI pageUrl) {
    String number = text(result, "document_number");
    URI url = link(pageUrl, text(result, "html_url"));
    if (number == null || url == null) {
      return null;
    }
    return new RegisterDocument(
        number,
        title(result),
        orElse(text(result, "type"), "Unknown"),
        text(result, "abstract"),
        url,
        date(text(result, "publication_date")),
        date(text(result, "effective_on")),
        instant(text(result, "filed_at")),
        agencySlugs(result.path("agencies")));
  }

  /** The title; public-inspection entries sometimes have only their table-of-contents lines. */
  private static String title(JsonNode result) {
    String title = text(result, "title");
    if (title != null) {
      return title;
    }
    String subject = text(result, "toc_subject");
    String doc = text(result, "toc_doc");
    return subject == null ? orElse(doc, "") : doc == null ? subject : subject + " " + doc;
  }

  private static List<String> agencySlugs(JsonNode agencies) {
    List<String> slugs = new ArrayList<>();
    for (JsonNode agency : agencies) {
      String slug = text(agency, "slug");
      if (slug != null) {
        slugs.add(slug.toLowerCase(Locale.ROOT));
      }
    }
    return slugs;
  }

  private static @Nullable URI link(URI base, @Nullable String href) {
    return dev.bellwether.ingest.identity.WebLinks.resolve(base, href);
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    String text = value.isValueNode() && !value.isNull() ? value.asText().trim() : "";
    return text.isEmpty() ? null : text;
  }

  private static String orElse(@Nullable String value, String otherwise) {
    return value == null ? otherwise : value;
  }
}
