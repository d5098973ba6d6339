package dev.bellwether.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The {@code articleBody} a page declares in its JSON-LD (schema.org {@code Article} and kin), the
 * longest if several; broken JSON is ignored.
 */
final class JsonLdBody {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsonLdBody() {}

  static Optional<String> find(Document doc) {
    String best = "";
    for (Element script : doc.select("script[type=application/ld+json]")) {
      try {
        String body = longestBody(JSON.readTree(script.data()));
        if (body.length() > best.length()) {
          best = body;
        }
      } catch (JsonProcessingException e) {
        // a page's broken JSON-LD is only a missing hint
      }
    }
    return best.isBlank() ? Optional.empty() : Optional.of(asText(best));
  }

  private static String longestBody(JsonNode node) {
    String best = "";
    JsonNode body = node.get("articleBody");
    if (body != null && body.isTextual()) {
      best = body.asText();
    }
    for (JsonNode child : node) {
      if (child.isContainerNode()) {
        String inner = longestBody(child);
        if (inner.length() > best.length()) {
          best = inner;
        }
      }
    }
    return best;
  }

  /** Plain text with paragraphs, whether the body was given as text or as HTML. */
  private static String asText(String body) {
    if (body.contains("</")) {
      return ParagraphText.of(Jsoup.parseBodyFragment(body).body());
    }
    return body.strip().replaceAll("[ \\t\\x0B\\f\\r]*\\n\\s*", "\n\n").replaceAll("[ \\t]+", " ");
  }
}
