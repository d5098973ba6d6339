package dev.bellwether.core.learn;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The words and word pairs of a text as a fixed-length vector (the hashing trick): each gram's
 * 32-bit FNV-1a hash picks a slot, counts are damped by log(1 + n) and the vector is scaled to unit
 * length. Words are runs of letters lower-cased; a run of digits is one "#" word; currency signs
 * are words of their own. The same text always gives the same vector, in training and tagging.
 */
public final class NgramHasher {
  private final int slots;

  public NgramHasher(int slots) {
    if (slots < 1) {
      throw new IllegalArgumentException("at least one slot is needed");
    }
    this.slots = slots;
  }

  public int slots() {
    return slots;
  }

  /** The text's hashed unigrams and bigrams, unit length (all zero for a text without words). */
  public float[] vector(String text) {
    List<String> words = words(text);
    float[] counts = new float[slots];
    for (int i = 0; i < words.size(); i++) {
      counts[slot(words.get(i))]++;
      if (i > 0) {
        counts[slot(words.get(i - 1) + "_" + words.get(i))]++;
      }
    }
    double norm = 0;
    for (int i = 0; i < slots; i++) {
      if (counts[i] > 0) {
        counts[i] = (float) Math.log1p(counts[i]);
        norm += counts[i] * counts[i];
      }
    }
    if (norm > 0) {
      float scale = (float) (1 / Math.sqrt(norm));
      for (int i = 0; i < slots; i++) {
        counts[i] *= scale;
      }
    }
    return counts;
  }

  static List<String> words(String text) {
    List<String> words = new ArrayList<>();
    String lower = text.toLowerCase(Locale.ROOT);
    int i = 0;
    while (i < lower.length()) {
      char c = lower.charAt(i);
      if (Character.isLetter(c)) {
        int start = i;
        while (i < lower.length() && Character.isLetter(lower.charAt(i))) {
          i++;
        }
        words.add(lower.substring(start, i));
      } else if (Character.isDigit(c)) {
        while (i < lower.length() && Character.isDigit(lower.charAt(i))) {
          i++;
        }
        words.add("#");
      } else {
        if (Character.getType(c) == Character.CURRENCY_SYMBOL) {
          words.add(String.valueOf(c));
        }
        i++;
      }
    }
    return words;
  }

  private int slot(String gram) {
    int h = 0x811c9dc5;
    for (byte b : gram.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x01000193;
    }
    return Integer.remainderUnsigned(h, slots);
  }
}
