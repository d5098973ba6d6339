package dev.bellwether.core.tagging;

import dev.bellwether.core.org.OrganizationFinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names of organizations the knowledge base does not know, read from capitalized words. */
final class ProperNames {
  private static final Pattern NAME =
      Pattern.compile("\\p{Lu}[\\p{L}\\p{N}&.:-]*(?:\\s(?:\\p{Lu}[\\p{L}\\p{N}&.:-]*))*");
  private static final Set<String> NOT_NAMES =
      Set.of(
          "AI",
          "The",
          "A",
          "An",
          "Israeli",
          "Chinese",
          "US",
          "U.S.",
          "American",
          "British",
          "French",
          "German",
          "Japanese",
          "Korean",
          "Indian",
          "Canadian",
          "Its",
          "It",
          "Inc.");

  private ProperNames() {}

  /** A capitalized name and where it is in the text. */
  record Name(String text, int start, int end) {}

  /** Every capitalized name that lies within {@code [from, to)}, in order. */
  static List<Name> all(String text, int from, int to) {
    List<Name> names = new ArrayList<>();
    Matcher m = NAME.matcher(text);
    m.region(from, Math.min(text.length(), to));
    while (m.find()) {
      String name = stripTrailingDot(m.group());
      if (mayName(name)) {
        names.add(new Name(name, m.start(), m.start() + name.length()));
      }
    }
    return names;
  }

  /** The first capitalized name within {@code reach} characters after {@code from}. */
  static Optional<String> after(String text, int from, int reach) {
    Matcher m = NAME.matcher(text);
    m.region(from, Math.min(text.length(), from + reach));
    while (m.find()) {
      String name = stripTrailingDot(m.group());
      if (mayName(name)) {
        return Optional.of(name);
      }
    }
    return Optional.empty();
  }

  /** Whether a capitalized run may name an organization: no place, person, date or stop word. */
  private static boolean mayName(String name) {
    return !NOT_NAMES.contains(name)
        && !OrganizationFinder.builtIn().notAnOrganization(name)
        && !OrganizationFinder.isPublicBodyOrMedia(name)
        && !onlyDescribing(name);
  }

  /** "Israeli AI" (in "an Israeli AI startup"): words that describe an organization, no name. */
  private static boolean onlyDescribing(String name) {
    for (String word : name.split("\\s+")) {
      if (!NOT_NAMES.contains(word) && !OrganizationFinder.builtIn().notAnOrganization(word)) {
        return false;
      }
    }
    return true;
  }

  private static String stripTrailingDot(String name) {
    return name.endsWith(".") && !name.endsWith("Inc.")
        ? name.substring(0, name.length() - 1)
        : name;
  }
}
