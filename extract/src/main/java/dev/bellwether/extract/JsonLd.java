package dev.bellwether.extract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.jspecify.annotations.Nullable;

/**
 * What a page's schema.org JSON-LD says about its article. Reads every {@code <script
 * type="application/ld+json">} block (objects, arrays, {@code @graph}, nested {@code mainEntity})
 * and picks the first article node ({@code NewsArticle}, {@code BlogPosting}, any type ending in
 * {@code Article}...), else the first {@code WebPage}. A block that is not JSON is skipped;
 * trailing commas, comments and raw line breaks in strings are tolerated.
 */
final class JsonLd {
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
          .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
          .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
          .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
          .build();
  private static final Pattern WRAPPING =
      Pattern.compile("^\\s*(<!--|<!\\[CDATA\\[)|(-->|]]>)\\s*$");
  private static final Pattern SCHEMA_PREFIX = Pattern.compile("^.*[/:#]");
  private static final Set<String> POSTINGS =
      Set.of(
          "BlogPosting",
          "LiveBlogPosting",
          "SocialMediaPosting",
          "DiscussionForumPosting",
          "Report");
  private static final Set<String> SITES =
      Set.of("Organization", "NewsMediaOrganization", "WebSite", "Corporation");

  /**
   * An article as JSON-LD describes it; empty values where it says nothing.
   *
   * @param titles the article's {@code headline} and {@code name}, when they differ
   */
  record Facts(
      List<String> titles,
      List<String> authors,
      Optional<String> published,
      Optional<String> siteName,
      Optional<String> image,
      Optional<String> language) {}

  private final List<JsonNode> nodes;
  private final Map<String, JsonNode> byId = new HashMap<>();

  private JsonLd(List<JsonNode> nodes) {
    this.nodes = nodes;
    for (JsonNode node : nodes) {
      String id = node.path("@id").asText("");
      if (!id.isEmpty()) {
        byId.putIfAbsent(id, node);
      }
    }
  }

  static Facts read(Document page) {
    List<JsonNode> nodes = new ArrayList<>();
    for (Element script : page.select("script[type~=(?i)application/ld\\+json]")) {
      parse(script.data()).ifPresent(root -> flatten(root, nodes));
    }
    return new JsonLd(nodes).facts();
  }

  private static Optional<JsonNode> parse(String block) {
    try {
      return Optional.ofNullable(JSON.readTree(WRAPPING.matcher(block).replaceAll("")));
    } catch (JsonProcessingException e) {
      return Optional.empty();
    }
  }

  private static void flatten(JsonNode node, List<JsonNode> into) {
    if (node.isArray()) {
      node.forEach(child -> flatten(child, into));
    } else if (node.isObject()) {
      into.add(node);
      flatten(node.path("@graph"), into);
      flatten(node.path("mainEntity"), into);
    }
  }

  private Facts facts() {
    Optional<JsonNode> article = nodes.stream().filter(JsonLd::isArticle).findFirst();
    Optional<JsonNode> main =
        article.or(() -> nodes.stream().filter(JsonLd::isWebPage).findFirst());
    if (main.isEmpty()) {
      return new Facts(
          List.of(),
          List.of(),
          Optional.empty(),
          siteName(null),
          Optional.empty(),
          Optional.empty());
    }
    JsonNode node = main.get();
    return new Facts(
        article.isPresent() ? titles(node) : List.of(),
        authors(node.path("author")),
        text(node, "datePublished", "dateCreated"),
        siteName(node),
        image(node.path("image")).or(() -> image(node.path("thumbnailUrl"))),
        language(node));
  }

  private static List<String> titles(JsonNode article) {
    return Stream.of(text(article, "headline"), text(article, "name"))
        .flatMap(Optional::stream)
        .distinct()
        .toList();
  }

  private static boolean isArticle(JsonNode node) {
    return types(node).stream()
        .anyMatch(type -> type.endsWith("Article") || POSTINGS.contains(type));
  }

  private static boolean isWebPage(JsonNode node) {
    return types(node).stream().anyMatch(type -> type.endsWith("Page"));
  }

  private static List<String> types(JsonNode node) {
    List<String> types = new ArrayList<>();
    JsonNode type = node.path("@type");
    if (type.isArray()) {
      type.forEach(t -> types.add(unprefixed(t.asText(""))));
    } else if (type.isTextual()) {
      types.add(unprefixed(type.asText()));
    }
    return types;
  }

  private static String unprefixed(String type) {
    return SCHEMA_PREFIX.matcher(type.strip()).replaceFirst("");
  }

  private JsonNode resolved(JsonNode node) {
    if (node.isObject() && node.size() == 1 && node.has("@id")) {
      return byId.getOrDefault(node.get("@id").asText(""), node);
    }
    return node;
  }

  private List<String> authors(JsonNode author) {
    List<String> names = new ArrayList<>();
    if (author.isArray()) {
      author.forEach(one -> names.addAll(authors(one)));
    } else if (author.isTextual()) {
      names.add(MetadataText.clean(Parser.unescapeEntities(author.asText(), false)));
    } else if (author.isObject()) {
      text(resolved(author), "name").ifPresent(names::add);
    }
    names.removeIf(String::isEmpty);
    return List.copyOf(names);
  }

  private Optional<String> siteName(@Nullable JsonNode main) {
    Optional<String> publisher =
        main == null ? Optional.empty() : text(resolved(main.path("publisher")), "name");
    return publisher.or(
        () ->
            nodes.stream()
                .filter(node -> types(node).stream().anyMatch(SITES::contains))
                .flatMap(node -> text(node, "name").stream())
                .findFirst());
  }

  private Optional<String> image(JsonNode image) {
    JsonNode first = resolved(image.isArray() && image.size() > 0 ? image.get(0) : image);
    if (first.isTextual()) {
      return Optional.of(first.asText().strip()).filter(url -> !url.isEmpty());
    }
    return text(first, "url", "contentUrl");
  }

  private static Optional<String> language(JsonNode node) {
    JsonNode language = node.path("inLanguage");
    return language.isObject() ? text(language, "alternateName", "name") : text(node, "inLanguage");
  }

  private static Optional<String> text(JsonNode node, String... fields) {
    for (String field : fields) {
      JsonNode value = node.path(field);
      if (value.isArray() && value.size() > 0) {
        value = value.get(0);
      }
      String text =
          value.isValueNode()
              ? MetadataText.clean(Parser.unescapeEntities(value.asText(""), false))
              : "";
      if (!text.isEmpty()) {
        return Optional.of(text);
      }
    }
    return Optional.empty();
  }
}
