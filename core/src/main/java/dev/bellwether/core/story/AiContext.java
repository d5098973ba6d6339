package dev.bellwether.core.story;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether an article tells its event in an AI context: its title or lead uses one of the words that
 * describe an organization as an AI company ({@value #RESOURCE}: a model maker, an AI chip,
 * robotics or GPU-cloud firm, an agent startup...). What lets a watchlist alert on startups the
 * knowledge base does not list. Reads at most {@value #READ} characters of the text.
 */
public final class AiContext {
  static final String RESOURCE = "/dev/bellwether/core/story/ai-words.txt";

  /** Characters of the text read: the lead, where an unknown company is introduced. */
  static final int READ = 600;

  /** The phrases by their first word, so each word of a text costs one lookup. */
  private static final Map<String, List<String[]>> PHRASES = byFirstWord(read());

  private AiContext() {}

  /** Whether the title or the text's first {@value #READ} characters use an AI word or phrase. */
  public static boolean of(String title, String text) {
    List<String> words =
        words(title + " . " + (text.length() <= READ ? text : text.substring(0, READ)));
    for (int i = 0; i < words.size(); i++) {
      List<String[]> phrases = PHRASES.get(words.get(i));
      if (phrases != null) {
        for (String[] phrase : phrases) {
          if (startsAt(words, i, phrase)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static Map<String, List<String[]>> byFirstWord(List<String[]> phrases) {
    Map<String, List<String[]>> out = new HashMap<>();
    for (String[] p : phrases) {
      out.computeIfAbsent(p[0], k -> new ArrayList<>()).add(p);
    }
    return Map.copyOf(out);
  }

  private static boolean startsAt(List<String> words, int i, String[] phrase) {
    if (i + phrase.length > words.size()) {
      return false;
    }
    for (int k = 1; k < phrase.length; k++) {
      if (!words.get(i + k).equals(phrase[k])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Lower-cased words: runs of letters, digits and inner dots ("a.i."), split at "-" and spaces.
   */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isLetterOrDigit(c)
          || c == '.'
              && word.length() > 0
              && i + 1 < s.length()
              && (Character.isLetter(s.charAt(i + 1)) || word.length() == 1)) {
        word.append(Character.toLowerCase(c));
      } else {
        if (word.length() > 0) {
          out.add(word.toString());
          word.setLength(0);
        }
      }
    }
    if (word.length() > 0) {
      out.add(word.toString());
    }
    return out;
  }

  private static List<String[]> read() {
    try (InputStream in = AiContext.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String[]> phrases = new ArrayList<>();
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        String t = line.strip().toLowerCase(Locale.ROOT);
        if (!t.isEmpty() && !t.startsWith("#")) {
          phrases.add(words(t).toArray(String[]::new));
        }
      }
      return List.copyOf(phrases);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }
}
