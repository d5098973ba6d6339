package dev.bellwether.ingest.feed;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What the start of a document says about it before it is parsed: the encoding its XML declaration
 * names, and whether it looks like XML or JSON at all.
 */
final class XmlPrelude {
  private static final int PRELUDE_BYTES = 1024;
  private static final Pattern DECLARATION =
      Pattern.compile("^\\s*<\\?xml\\s[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:-]+)[\"']");

  /** The system id of the HTML entity declarations that {@link SafeXml} supplies from memory. */
  static final String ENTITY_DTD_SYSTEM_ID = "urn:x-bellwether:html-entities";

  private static final String ENTITY_DOCTYPE =
      "<!DOCTYPE feed SYSTEM \"" + ENTITY_DTD_SYSTEM_ID + "\">";

  private static final Pattern HTML_START =
      Pattern.compile(
          "^[\\s\uFEFF]*(?:<!--.*?-->\\s*)*<(?:!doctype\\s+html|html[\\s>])", Pattern.DOTALL);

  private static final Pattern INTERNAL_SUBSET_ONLY =
      Pattern.compile("<!DOCTYPE\\s+([^\\s\\[>]+)\\s*\\[");

  private XmlPrelude() {}

  /**
   * The encoding named by the XML declaration at the start of {@code body}, read as {@code wide}
   * (UTF-16/32 found from the first bytes) or else as ASCII-compatible bytes; null without one.
   */
  static @Nullable String declaredEncoding(byte[] body, @Nullable Charset wide) {
    int length = Math.min(body.length, PRELUDE_BYTES);
    Charset charset = wide == null ? StandardCharsets.ISO_8859_1 : wide;
    String start = new String(body, 0, length, charset);
    if (!start.isEmpty() && start.charAt(0) == '\uFEFF') {
      start = start.substring(1);
    }
    Matcher m = DECLARATION.matcher(start);
    return m.find() ? m.group(1) : null;
  }

  /** Whether the text is an HTML page: an HTML DOCTYPE or an {@code <html>} root up front. */
  static boolean looksLikeHtml(String text) {
    String start =
        text.substring(0, Math.min(text.length(), PRELUDE_BYTES)).toLowerCase(Locale.ROOT);
    return HTML_START.matcher(start).find();
  }

  /** Whether the text's first non-blank character opens a JSON object. */
  static boolean looksLikeJson(String text) {
    return firstNonBlank(text) == '{';
  }

  /** Whether a {@code Content-Type} names JSON (JSON Feed's application/feed+json included). */
  static boolean isJsonMediaType(@Nullable String contentType) {
    String type = mediaType(contentType);
    return type.endsWith("/json") || type.endsWith("+json");
  }

  /**
   * Whether a {@code Content-Type} is one a feed may be served as; text/plain and text/html are the
   * usual mistakes, which feedparser flags too.
   */
  static boolean isFeedMediaType(@Nullable String contentType) {
    String type = mediaType(contentType);
    return type.isEmpty()
        || type.endsWith("/xml")
        || type.endsWith("+xml")
        || type.contains("/xml-")
        || isJsonMediaType(contentType)
        || type.equals("application/octet-stream");
  }

  /** The lower-case type/subtype of a {@code Content-Type}, or "" without one. */
  static String mediaType(@Nullable String contentType) {
    if (contentType == null) {
      return "";
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * The text with a DOCTYPE naming {@link #ENTITY_DTD_SYSTEM_ID} inserted before the root element
   * when it has none, so that the HTML entities it uses are declared; a document with its own
   * DOCTYPE that has only an internal subset gets the entity DTD as its external subset; any other
   * DOCTYPE stays as it is. No line break is inserted, so line numbers stay.
   */
  static String withEntityDoctype(String text) {
    int at = prologEnd(text);
    if (at >= text.length()) {
      return text;
    }
    if (text.startsWith("<!", at)) {
      return withEntitySystemId(text, at);
    }
    return text.substring(0, at) + ENTITY_DOCTYPE + text.substring(at);
  }

  /** Whether the document has a DOCTYPE of its own (before its root element). */
  static boolean hasDoctype(String text) {
    return text.startsWith("<!", prologEnd(text));
  }

  /** Where the prolog's blank space, XML declaration, comments and PIs end. */
  private static int prologEnd(String text) {
    int at = 0;
    while (at < text.length()) {
      at = skipBlank(text, at);
      if (text.startsWith("<?", at)) {
        at = after(text, "?>", at);
      } else if (text.startsWith("<!--", at)) {
        at = after(text, "-->", at);
      } else {
        return at;
      }
    }
    return at;
  }

  /** A DOCTYPE with only an internal subset gets the entity DTD as its external subset. */
  private static String withEntitySystemId(String text, int at) {
    Matcher m = INTERNAL_SUBSET_ONLY.matcher(text).region(at, text.length());
    if (!m.lookingAt()) {
      return text;
    }
    return text.substring(0, m.end(1))
        + " SYSTEM \""
        + ENTITY_DTD_SYSTEM_ID
        + "\" "
        + text.substring(m.end(1));
  }

  private static int skipBlank(String text, int at) {
    while (at < text.length()
        && (Character.isWhitespace(text.charAt(at)) || text.charAt(at) == '\uFEFF')) {
      at++;
    }
    return at;
  }

  private static int after(String text, String terminator, int from) {
    int end = text.indexOf(terminator, from);
    return end < 0 ? text.length() : end + terminator.length();
  }

  private static char firstNonBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c;
      }
    }
    return 0;
  }
}
