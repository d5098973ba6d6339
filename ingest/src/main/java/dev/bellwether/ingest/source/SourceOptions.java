package dev.bellwether.ingest.source;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The keys of {@link SourceDefinition#options()}, per source type, and typed access to them. The
 * options travel on {@code bellwether.sources} as Avro attributes {@code option.<key>}.
 */
public final class SourceOptions {
  /** {@code edgar}: the company's CIK, ten digits with leading zeros. */
  public static final String CIK = "cik";

  /** {@code edgar}: the form types wanted, comma-separated ({@code 8-K,S-1,D}). */
  public static final String FORMS = "forms";

  /** {@code edgar}: the User-Agent sent to sec.gov, naming the requester with a contact email. */
  public static final String USER_AGENT = "user-agent";

  /** {@code federal-register}: {@code documents} or {@code public-inspection}. */
  public static final String LIST = "list";

  /** {@code federal-register}: the agency slug, such as {@code industry-and-security-bureau}. */
  public static final String AGENCY = "agency";

  /** {@code html}: CSS selector of one listed item. */
  public static final String SELECTOR_ITEM = "selector.item";

  /** {@code html}: CSS selector, within an item, of the element whose {@code href} is the link. */
  public static final String SELECTOR_LINK = "selector.link";

  /** {@code html}: CSS selector, within an item, of the title; default the link's text. */
  public static final String SELECTOR_TITLE = "selector.title";

  /** {@code html}: CSS selector, within an item, of the date ({@code datetime} or text). */
  public static final String SELECTOR_DATE = "selector.date";

  public static final String LIST_DOCUMENTS = "documents";
  public static final String LIST_PUBLIC_INSPECTION = "public-inspection";
  public static final String DEFAULT_AGENCY = "industry-and-security-bureau";

  private static final Map<String, Set<String>> REQUIRED =
      Map.of(
          SourceDefinition.RSS, Set.of(),
          SourceDefinition.EDGAR, Set.of(CIK, FORMS, USER_AGENT),
          SourceDefinition.FEDERAL_REGISTER, Set.of(LIST, AGENCY),
          SourceDefinition.HTML, Set.of(SELECTOR_ITEM, SELECTOR_LINK));

  private SourceOptions() {}

  /** The types, sorted, for messages. */
  public static List<String> sortedTypes() {
    return SourceDefinition.TYPES.stream().sorted().toList();
  }

  /** The EDGAR form types of an {@code edgar} source, in configured order. */
  public static List<String> forms(SourceDefinition source) {
    String forms = source.options().getOrDefault(FORMS, "");
    return Arrays.stream(forms.split(",")).map(String::trim).filter(f -> !f.isEmpty()).toList();
  }

  /** The value of {@code key}, or {@code null} if the source does not set it. */
  public static @Nullable String get(SourceDefinition source, String key) {
    return source.options().get(key);
  }

  static String joinForms(List<String> forms) {
    return String.join(",", forms);
  }

  /** Fails if {@code options} lacks a key that {@code type} requires. */
  static void checkRequired(String type, Map<String, String> options) {
    for (String key : REQUIRED.getOrDefault(type, Set.of())) {
      String value = options.get(key);
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException("a " + type + " source needs option '" + key + "'");
      }
    }
  }
}
