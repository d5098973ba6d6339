package dev.bellwether.core.text;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aho–Corasick automaton over the fixed texts every match of an expression begins with ({@link
 * MatchStarts#texts}): one state step per character finds where such a text occurs. Kept to measure
 * it against {@link MatchStarts}'s own scan (docs/benchmarks.md); {@link Regex} uses it only with
 * {@code -Dbellwether.regex.narrowing=literals}.
 */
final class LiteralStarts {
  private static final int ASCII = 128;

  private final int[] ascii; // state * 128 + character → next state
  private final List<Map<Character, Integer>> children = new ArrayList<>();
  private final int[] fail;
  private final int[][] lengths; // the lengths of the texts that end at each state
  private final int longest;
  private final boolean atBoundary;

  LiteralStarts(List<String> texts, boolean atBoundary) {
    this.atBoundary = atBoundary;
    children.add(new HashMap<>());
    List<List<Integer>> ends = new ArrayList<>(List.of(new ArrayList<>()));
    int max = 0;
    for (String t : texts) {
      int state = 0;
      for (char c : t.toCharArray()) {
        Integer child = children.get(state).get(c);
        if (child == null) {
          child = children.size();
          children.add(new HashMap<>());
          ends.add(new ArrayList<>());
          children.get(state).put(c, child);
        }
        state = child;
      }
      ends.get(state).add(t.length());
      max = Math.max(max, t.length());
    }
    longest = max;
    int states = children.size();
    fail = new int[states];
    ascii = new int[states * ASCII];
    lengths = new int[states][];
    // breadth first, so a state's failure link is final before its children are reached
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(0);
    while (!queue.isEmpty()) {
      int s = queue.poll();
      List<Integer> own = new ArrayList<>(ends.get(s));
      if (s != 0) {
        for (int l : lengths[fail[s]]) {
          own.add(l);
        }
      }
      lengths[s] = own.stream().mapToInt(Integer::intValue).toArray();
      for (int c = 0; c < ASCII; c++) {
        Integer child = children.get(s).get((char) c);
        ascii[s * ASCII + c] = child != null ? child : s == 0 ? 0 : ascii[fail[s] * ASCII + c];
      }
      for (Map.Entry<Character, Integer> e : children.get(s).entrySet()) {
        int child = e.getValue();
        fail[child] = s == 0 ? 0 : step(fail[s], e.getKey());
        queue.add(child);
      }
    }
  }

  private int step(int state, char c) {
    if (c < ASCII) {
      return ascii[state * ASCII + c];
    }
    int s = state;
    while (true) {
      Integer child = children.get(s).get(c);
      if (child != null) {
        return child;
      }
      if (s == 0) {
        return 0;
      }
      s = fail[s];
    }
  }

  /** The first position at or after {@code from} where one of the texts begins, or -1. */
  int next(CharSequence text, int from) {
    int state = 0;
    int best = Integer.MAX_VALUE;
    for (int i = from; i < text.length(); i++) {
      state = step(state, text.charAt(i));
      for (int length : lengths[state]) {
        int start = i - length + 1;
        if (start < best
            && (!atBoundary || MatchStarts.maybeBoundary(text, start, text.charAt(start)))) {
          best = start;
        }
      }
      // a text ending later begins at i + 2 - longest at the earliest
      if (best != Integer.MAX_VALUE && best < i + 2 - longest) {
        return best;
      }
    }
    return best == Integer.MAX_VALUE ? -1 : best;
  }

  @Override
  public String toString() {
    return "LiteralStarts" + Arrays.toString(lengths);
  }
}
