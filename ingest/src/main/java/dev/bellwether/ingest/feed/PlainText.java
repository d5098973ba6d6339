package dev.bellwether.ingest.feed;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns the HTML found in feed titles and summaries into plain text: tags, comments, scripts and
 * styles removed, character references decoded, whitespace collapsed. A single linear pass, so
 * hostile markup cannot make it slow. Not an HTML parser: good enough for summaries, not pages.
 */
final class PlainText {
  private static final Pattern WHITESPACE = Pattern.compile("[\\s\\u00A0\\u2007\\u202F]+");
  private static final Set<String> INLINE =
      Set.of(
          "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
          "mark", "q", "s", "samp", "small", "span", "strike", "strong", "sub", "sup", "time", "tt",
          "u", "var", "wbr");
  private static final Set<String> RAW_TEXT = Set.of("script", "style");
  private static final Map<String, String> ENTITIES =
      Map.ofEntries(
          Map.entry("amp", "&"),
          Map.entry("lt", "<"),
          Map.entry("gt", ">"),
          Map.entry("quot", "\""),
          Map.entry("apos", "'"),
          Map.entry("nbsp", "\u00A0"),
          Map.entry("ndash", "\u2013"),
          Map.entry("mdash", "\u2014"),
          Map.entry("hellip", "\u2026"),
          Map.entry("lsquo", "\u2018"),
          Map.entry("rsquo", "\u2019"),
          Map.entry("ldquo", "\u201C"),
          Map.entry("rdquo", "\u201D"),
          Map.entry("laquo", "\u00AB"),
          Map.entry("raquo", "\u00BB"),
          Map.entry("bull", "\u2022"),
          Map.entry("middot", "\u00B7"),
          Map.entry("copy", "\u00A9"),
          Map.entry("reg", "\u00AE"),
          Map.entry("trade", "\u2122"),
          Map.entry("euro", "\u20AC"),
          Map.entry("pound", "\u00A3"),
          Map.entry("yen", "\u00A5"),
          Map.entry("cent", "\u00A2"),
          Map.entry("deg", "\u00B0"),
          Map.entry("times", "\u00D7"),
          Map.entry("eacute", "\u00E9"),
          Map.entry("egrave", "\u00E8"),
          Map.entry("aacute", "\u00E1"),
          Map.entry("agrave", "\u00E0"),
          Map.entry("ouml", "\u00F6"),
          Map.entry("uuml", "\u00FC"),
          Map.entry("auml", "\u00E4"),
          Map.entry("szlig", "\u00DF"),
          Map.entry("ccedil", "\u00E7"),
          Map.entry("ntilde", "\u00F1"),
          Map.entry("thinsp", "\u2009"),
          Map.entry("ensp", "\u2002"),
          Map.entry("emsp", "\u2003"));

  private PlainText() {}

  /** The text of {@code html}; {@code null} when there is no text at all. */
  static @Nullable String of(@Nullable String html) {
    if (html == null) {
      return null;
    }
    String text = WHITESPACE.matcher(decode(stripMarkup(html))).replaceAll(" ").trim();
    return text.isEmpty() ? null : text;
  }

  static String stripMarkup(String html) {
    StringBuilder out = new StringBuilder(html.length());
    int i = 0;
    int n = html.length();
    while (i < n) {
      char c = html.charAt(i);
      if (c != '<' || i + 1 >= n) {
        out.append(c);
        i++;
      } else if (html.startsWith("<!--", i)) {
        i = skipPast(html, "-->", i + 4);
        out.append(' ');
      } else if (isTagStart(html, i + 1)) {
        int end = html.indexOf('>', i);
        if (end < 0) {
          break; // an unclosed tag swallows the rest, as in browsers
        }
        String name = tagName(html, i + 1, end);
        boolean closing = html.charAt(i + 1) == '/';
        i = !closing && RAW_TEXT.contains(name) ? skipRawText(html, name, end + 1) : end + 1;
        out.append(INLINE.contains(name) ? "" : " ");
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  private static boolean isTagStart(String html, int at) {
    char next = html.charAt(at);
    if (next == '/' && at + 1 < html.length()) {
      next = html.charAt(at + 1);
    }
    return Character.isLetter(next) || next == '!' || next == '?';
  }

  private static String tagName(String html, int from, int end) {
    int start = html.charAt(from) == '/' ? from + 1 : from;
    int stop = start;
    while (stop < end && Character.isLetterOrDigit(html.charAt(stop))) {
      stop++;
    }
    return html.substring(start, stop).toLowerCase(java.util.Locale.ROOT);
  }

  /** The index after {@code </name ...>}, or the end if the element is never closed. */
  private static int skipRawText(String html, String name, int from) {
    for (int at = html.indexOf("</", from); at >= 0; at = html.indexOf("</", at + 2)) {
      if (html.regionMatches(true, at + 2, name, 0, name.length())) {
        int end = html.indexOf('>', at);
        return end < 0 ? html.length() : end + 1;
      }
    }
    return html.length();
  }

  private static int skipPast(String html, String marker, int from) {
    int at = html.indexOf(marker, from);
    return at < 0 ? html.length() : at + marker.length();
  }

  /** Decodes {@code &name;}, {@code &#ddd;} and {@code &#xhh;}; unknown references stay. */
  static String decode(String text) {
    int amp = text.indexOf('&');
    if (amp < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    int i = 0;
    while (amp >= 0) {
      out.append(text, i, amp);
      int semi = text.indexOf(';', amp);
      String replacement = semi > amp && semi - amp <= 12 ? reference(text, amp + 1, semi) : null;
      if (replacement == null) {
        out.append('&');
        i = amp + 1;
      } else {
        out.append(replacement);
        i = semi + 1;
      }
      amp = text.indexOf('&', i);
    }
    return out.append(text, i, text.length()).toString();
  }

  private static @Nullable String reference(String text, int from, int semi) {
    String name = text.substring(from, semi);
    if (!name.startsWith("#")) {
      return ENTITIES.get(name);
    }
    try {
      boolean hex = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X');
      int codePoint = Integer.parseInt(name.substring(hex ? 2 : 1), hex ? 16 : 10);
      return Character.isValidCodePoint(codePoint) && codePoint != 0
          ? new String(Character.toChars(codePoint))
          : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
