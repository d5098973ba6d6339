package dev.bellwether.extract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Finds who wrote an article: JSON-LD authors (joined with {@code ", "}), then author {@code
 * <meta>} (Dublin Core, {@code author}, Parse.ly, Sailthru, {@code article:author} when it is a
 * name), then the page's byline markup ({@code rel=author}, {@code itemprop=author}, a class or id
 * with the word {@code byline} or {@code author}, such as {@code post-author} or {@code
 * FeatureByline}) outside comments. A byline is a name: a leading "By" (or "Par", "Von", "Por") is
 * removed, and URLs, e-mail addresses, dates and long text are not bylines.
 */
final class Bylines {
  private static final List<String> AUTHOR_KEYS =
      List.of(
          "dc:creator",
          "dcterm:creator",
          "author",
          "parsely-author",
          "sailthru:author",
          "article:author",
          "og:article:author",
          "byl");
  private static final Set<String> BYLINE_WORDS =
      Set.of("byline", "bylines", "author", "authors", "authorname", "writtenby");
  private static final Pattern WORD_BREAK = Pattern.compile("[\\s_-]+|(?<=\\p{Ll})(?=\\p{Lu})");
  private static final Pattern BY =
      Pattern.compile(
          "^(?:(?:written|posted|reported|words|text|story)\\s+)?(?:by|par|von|por)\\b\\s*:?\\s*",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  private static final Pattern NOT_A_NAME =
      Pattern.compile("(?i)https?:|www\\.|\\S@\\S|^@|^[\\p{P}\\p{S}\\d\\s]*$");
  private static final String MONTH =
      "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\p{L}*\\.?";
  private static final Pattern DATE_OR_AFTERWORD =
      Pattern.compile(
          "(?i)(\\s+(?:(?:mon|tue|wed|thu|fri|sat|sun)\\p{L}*,?\\s+)?%1$s\\s+\\d{1,2}\\b"
                  .formatted(MONTH)
              + "|\\s*\\d{1,2}\\.?\\s+%1$s\\s+\\d{4}".formatted(MONTH)
              + "|\\s+\\d{4}-\\d{2}-\\d{2}|\\s+\\d{1,2}/\\d{1,2}/\\d{2,4}"
              + "|\\s*[•|·]\\s).*$");
  private static final Pattern COMMENTS = Pattern.compile("(?i)comment|respond|reply|discuss");
  private static final int MAX_LENGTH = 100;

  private Bylines() {}

  static Optional<String> find(Document page, MetaTags meta, JsonLd.Facts jsonLd) {
    return declared(jsonLd.authors())
        .or(
            () ->
                AUTHOR_KEYS.stream()
                    .flatMap(key -> declared(meta.values(key)).stream())
                    .findFirst())
        .or(() -> fromMarkup(page));
  }

  private static Optional<String> declared(List<String> authors) {
    List<String> names =
        authors.stream().flatMap(author -> clean(author).stream()).distinct().toList();
    return names.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", names));
  }

  private static Optional<String> fromMarkup(Document page) {
    if (page.body() == null) {
      return Optional.empty();
    }
    for (Element candidate : page.body().getAllElements()) {
      if (isByline(candidate) && !inComments(candidate)) {
        Optional<String> name = clean(nameIn(candidate));
        if (name.isPresent()) {
          return name;
        }
      }
    }
    return Optional.empty();
  }

  private static boolean isByline(Element element) {
    return element.attr("rel").equalsIgnoreCase("author")
        || hasWord(element.attr("itemprop"))
        || hasWord(element.className())
        || hasWord(element.id());
  }

  /** Whether a class, id or itemprop has a byline word, in any case or with camelCase words. */
  private static boolean hasWord(String names) {
    return !names.isEmpty()
        && WORD_BREAK
            .splitAsStream(names)
            .anyMatch(word -> BYLINE_WORDS.contains(word.toLowerCase(Locale.ROOT)));
  }

  private static String nameIn(Element byline) {
    Element name = byline.selectFirst("[itemprop~=(?i)\\bname\\b]");
    if (name == null) {
      return byline.text();
    }
    return name.hasAttr("content") ? name.attr("content") : name.text();
  }

  private static boolean inComments(Element element) {
    for (Element e = element; e != null; e = e.parent()) {
      if (COMMENTS.matcher(e.className() + " " + e.id()).find()) {
        return true;
      }
    }
    return false;
  }

  /** The name a byline text gives, or empty when it is not a name. */
  static Optional<String> clean(String byline) {
    String name = BY.matcher(MetadataText.clean(byline)).replaceFirst("");
    name = DATE_OR_AFTERWORD.matcher(name).replaceFirst("").strip();
    if (name.isEmpty()
        || name.endsWith(":")
        || name.length() > MAX_LENGTH
        || NOT_A_NAME.matcher(name).find()
        || Dates.parse(name).isPresent()) {
      return Optional.empty();
    }
    return Optional.of(name);
  }
}
