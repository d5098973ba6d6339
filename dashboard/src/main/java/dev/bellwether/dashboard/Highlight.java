package dev.bellwether.dashboard;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits an evidence sentence into plain and marked parts: the story's companies and the money
 * amounts in it are marked, so that a reader's eye finds who and how much.
 */
public final class Highlight {
  /** A piece of the sentence, marked or not. */
  public record Part(String text, boolean marked) {}

  private static final Pattern MONEY =
      Pattern.compile(
          "(?:US)?[$€£¥]\\s?\\d[\\d,.]*(?:\\s?(?:trillion|billion|million|bn|mln|tn|[bmk])\\b)?",
          Pattern.CASE_INSENSITIVE);

  private Highlight() {}

  /** The parts of {@code sentence}, in order; joined they give the sentence back. */
  public static List<Part> parts(String sentence, Collection<String> companies) {
    boolean[] marked = new boolean[sentence.length()];
    String lower = sentence.toLowerCase(Locale.ROOT);
    for (String company : companies) {
      String name = company.toLowerCase(Locale.ROOT);
      if (name.isBlank()) {
        continue;
      }
      for (int at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + name.length())) {
        if (wordBoundary(lower, at - 1) && wordBoundary(lower, at + name.length())) {
          java.util.Arrays.fill(marked, at, at + name.length(), true);
        }
      }
    }
    Matcher money = MONEY.matcher(sentence);
    while (money.find()) {
      java.util.Arrays.fill(marked, money.start(), money.end(), true);
    }
    List<Part> parts = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= sentence.length(); i++) {
      if (i == sentence.length() || marked[i] != marked[start]) {
        parts.add(new Part(sentence.substring(start, i), marked[start]));
        start = i;
      }
    }
    return parts;
  }

  private static boolean wordBoundary(String s, int i) {
    return i < 0 || i >= s.length() || !Character.isLetterOrDigit(s.charAt(i));
  }
}
