package dev.bellwether.core.company;

import dev.bellwether.core.tagging.CompanyMention;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Finds whole-word mentions of known surfaces in text: longest match wins, no overlaps. */
final class MentionFinder {
  /** How far, in characters either side, the disambiguation words are looked for. */
  private static final int NEAR = 120;

  private final Map<String, List<Surface>> byPrefix = new HashMap<>();

  MentionFinder(List<Surface> surfaces) {
    for (Surface s : surfaces) {
      byPrefix.computeIfAbsent(prefix(s.text(), 0), k -> new ArrayList<>()).add(s);
    }
  }

  List<CompanyMention> find(String text) {
    List<CompanyMention> found = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      CompanyMention best = isWordStart(text, i) ? longestAt(text, i) : null;
      if (best != null) {
        found.add(best);
        i = best.end();
      } else {
        i++;
      }
    }
    found.sort(Comparator.comparingInt(CompanyMention::start));
    return found;
  }

  private CompanyMention longestAt(String text, int start) {
    Surface best = null;
    for (Surface s : byPrefix.getOrDefault(prefix(text, start), List.of())) {
      if ((best == null || s.text().length() > best.text().length()) && matches(s, text, start)) {
        best = s;
      }
    }
    if (best == null) {
      return null;
    }
    int end = start + best.text().length();
    return new CompanyMention(best.company(), text.substring(start, end), start, end);
  }

  private static boolean matches(Surface s, String text, int start) {
    int end = start + s.text().length();
    if (end > text.length() || isWordChar(text, end)) {
      return false;
    }
    if (!text.regionMatches(!s.caseSensitive(), start, s.text(), 0, s.text().length())
        || text.charAt(start) != s.text().charAt(0)) {
      return false;
    }
    String around = window(text, start, end);
    return s.unlessNear().stream().noneMatch(w -> containsWord(around, w))
        && (s.onlyNear().isEmpty() || s.onlyNear().stream().anyMatch(w -> containsWord(around, w)));
  }

  private static String window(String text, int start, int end) {
    String before = text.substring(Math.max(0, start - NEAR), start);
    String after = text.substring(end, Math.min(text.length(), end + NEAR));
    return (before + " " + after).toLowerCase(Locale.ROOT);
  }

  /**
   * Whether {@code word} starts a word in {@code lowerText} (so "crypto" finds "cryptocurrency").
   */
  private static boolean containsWord(String lowerText, String word) {
    String w = word.toLowerCase(Locale.ROOT);
    for (int i = lowerText.indexOf(w); i >= 0; i = lowerText.indexOf(w, i + 1)) {
      if (isWordStart(lowerText, i)) {
        return true;
      }
    }
    return false;
  }

  private static String prefix(String text, int start) {
    int end = Math.min(text.length(), start + 2);
    return text.substring(start, end).toLowerCase(Locale.ROOT);
  }

  private static boolean isWordStart(String text, int i) {
    return isWordChar(text, i) && !isWordChar(text, i - 1);
  }

  private static boolean isWordChar(String text, int i) {
    return i >= 0 && i < text.length() && Character.isLetterOrDigit(text.charAt(i));
  }
}
