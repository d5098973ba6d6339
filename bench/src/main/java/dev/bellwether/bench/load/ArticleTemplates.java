package dev.bellwether.bench.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The title and summary templates of generated articles, by the kind of story they tell. */
final class ArticleTemplates {
  /** What a template reports: one of the tagger's event types, or nothing ({@code NOISE}). */
  enum Kind {
    FUNDING,
    ACQUISITION,
    PARTNERSHIP,
    IPO,
    EXPORT_CONTROL,
    NOISE
  }

  record Template(Kind kind, String title, String summary) {}

  private static final String RESOURCE = "templates.txt";

  private final Map<Kind, List<Template>> byKind;

  private ArticleTemplates(Map<Kind, List<Template>> byKind) {
    this.byKind = byKind;
  }

  static ArticleTemplates builtIn() {
    try (InputStream in = ArticleTemplates.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ArticleTemplates parse(String text) {
    Map<Kind, List<Template>> byKind = new EnumMap<>(Kind.class);
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\\|", 3);
      if (parts.length != 3) {
        throw new IllegalArgumentException("template line needs TYPE|title|summary: " + line);
      }
      Kind kind = Kind.valueOf(parts[0].trim());
      byKind
          .computeIfAbsent(kind, k -> new ArrayList<>())
          .add(new Template(kind, parts[1], parts[2]));
    }
    for (Kind kind : Kind.values()) {
      if (!byKind.containsKey(kind)) {
        throw new IllegalArgumentException("no template for " + kind);
      }
    }
    return new ArticleTemplates(byKind);
  }

  List<Template> of(Kind kind) {
    return byKind.get(kind);
  }
}
