package dev.bellwether.core.story;

import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/**
 * A MinHash signature of a text's word 3-shingles: {@value #SIZE} ints, the same for the same words
 * on every JVM and instance (fixed seeds, no {@code String.hashCode}). Words are runs of letters
 * and digits, lower-cased; everything else separates them. At most {@value #MAX_SHINGLES} shingles
 * are read, so cost and size are bounded whatever the article's length, and the only allocation is
 * the signature itself.
 */
public final class Fingerprint {
  /** Ints in a signature. */
  public static final int SIZE = 64;

  /** Shingles read at most (the first ones): bounded cost for very long texts. */
  static final int MAX_SHINGLES = 4096;

  private static final int WORDS = 3;
  private static final long FNV_OFFSET = 0xcbf2_9ce4_8422_2325L;
  private static final long FNV_PRIME = 0x100_0000_01b3L;
  private static final long[] MULTIPLIERS = new long[SIZE];
  private static final long[] ADDENDS = new long[SIZE];

  static {
    long state = 0x6265_6c6c_7765_7468L; // "bellweth": fixed, so signatures never change
    for (int i = 0; i < SIZE; i++) {
      state += 0x9E37_79B9_7F4A_7C15L;
      MULTIPLIERS[i] = mix(state) | 1L;
      state += 0x9E37_79B9_7F4A_7C15L;
      ADDENDS[i] = mix(state);
    }
  }

  private final int[] minima;
  private final boolean empty;

  private Fingerprint(int[] minima, boolean empty) {
    this.minima = minima;
    this.empty = empty;
  }

  /** The fingerprint of a text (for an article: its title, a blank line, then its text). */
  public static Fingerprint of(String text) {
    int[] minima = new int[SIZE];
    Arrays.fill(minima, Integer.MAX_VALUE);
    long w0 = 0;
    long w1 = 0;
    long word = FNV_OFFSET;
    int words = 0;
    int shingles = 0;
    boolean inWord = false;
    for (int i = 0; i <= text.length() && shingles < MAX_SHINGLES; i++) {
      char c = i < text.length() ? text.charAt(i) : ' ';
      if (Character.isLetterOrDigit(c)) {
        word = (word ^ Character.toLowerCase(c)) * FNV_PRIME;
        inWord = true;
      } else if (inWord) {
        words++;
        if (words >= WORDS) {
          addShingle(minima, mix(w0 * 31 + w1 * 17 + word));
          shingles++;
        }
        w0 = w1;
        w1 = word;
        word = FNV_OFFSET;
        inWord = false;
      }
    }
    if (words > 0 && words < WORDS) {
      addShingle(minima, mix(w0 * 31 + w1 * 17));
      shingles++;
    }
    return new Fingerprint(minima, shingles == 0);
  }

  private static void addShingle(int[] minima, long shingle) {
    for (int i = 0; i < SIZE; i++) {
      int h = (int) ((MULTIPLIERS[i] * shingle + ADDENDS[i]) >>> 33);
      if (h < minima[i]) {
        minima[i] = h;
      }
    }
  }

  /** The finalizer of MurmurHash3: spreads every input bit over the output. */
  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51_afd7_ed55_8ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ce_b9fe_1a85_ec53L;
    return z ^ (z >>> 33);
  }

  /**
   * A fingerprint read back from {@link #toArray}.
   *
   * @throws IllegalArgumentException when the array does not hold {@value #SIZE} values
   */
  public static Fingerprint fromArray(int[] values) {
    if (values.length != SIZE) {
      throw new IllegalArgumentException(
          "a fingerprint has " + SIZE + " values, not " + values.length);
    }
    boolean empty = Arrays.stream(values).allMatch(v -> v == Integer.MAX_VALUE);
    return new Fingerprint(values.clone(), empty);
  }

  /** The signature's values, for serializing. */
  public int[] toArray() {
    return minima.clone();
  }

  /** Whether the text had no word at all: such a fingerprint is similar to nothing. */
  public boolean isEmpty() {
    return empty;
  }

  /**
   * The estimated Jaccard similarity of the two texts' shingle sets, between 0 and 1; 0 when either
   * text had no words.
   */
  public double similarity(Fingerprint other) {
    if (empty || other.empty) {
      return 0;
    }
    int same = 0;
    for (int i = 0; i < SIZE; i++) {
      if (minima[i] == other.minima[i]) {
        same++;
      }
    }
    return same / (double) SIZE;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Fingerprint f && Arrays.equals(minima, f.minima);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(minima);
  }

  @Override
  public String toString() {
    return "Fingerprint" + Arrays.toString(Arrays.copyOf(minima, 4)) + "...";
  }
}
