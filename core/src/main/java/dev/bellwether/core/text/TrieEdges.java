package dev.bellwether.core.text;

import java.util.Arrays;

/**
 * The edges of a character trie: from a node, by a character, to a node. Nodes are numbered from 0
 * (the root). An open-addressing hash table keyed by node and character answers a step in a probe
 * or two, however many children a node has, and allocates nothing.
 */
public final class TrieEdges {
  private static final long EMPTY = -1L;

  private long[] keys = new long[256];
  private int[] targets = new int[256];
  private int count;
  private int nodes = 1;

  public TrieEdges() {
    Arrays.fill(keys, EMPTY);
  }

  /** The node reached from {@code node} by {@code c}, or -1 when there is no such edge. */
  public int next(int node, char c) {
    long key = key(node, c);
    int mask = keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      long k = keys[i];
      if (k == key) {
        return targets[i];
      }
      if (k == EMPTY) {
        return -1;
      }
    }
  }

  /** The node reached from {@code node} by {@code c}, created when it does not exist yet. */
  public int nextOrAdd(int node, char c) {
    int existing = next(node, c);
    if (existing >= 0) {
      return existing;
    }
    if ((count + 1) * 2 > keys.length) {
      grow();
    }
    int created = nodes++;
    put(key(node, c), created);
    return created;
  }

  /**
   * Every edge by the characters of {@code alphabet} as one dense table, built once the trie is
   * complete: index {@code node * alphabet.length + k} holds the node reached from {@code node} by
   * {@code alphabet[k]}. A missing edge leads to the sink, node {@link #nodeCount()}, which has a
   * row of its own leading back to itself, so a walk needs no test until it wants to stop.
   */
  public int[] dense(char[] alphabet) {
    int width = alphabet.length;
    int[] table = new int[(nodes + 1) * width];
    for (int node = 0; node <= nodes; node++) {
      for (int k = 0; k < width; k++) {
        int target = node < nodes ? next(node, alphabet[k]) : -1;
        table[node * width + k] = target < 0 ? nodes : target;
      }
    }
    return table;
  }

  /** How many nodes the trie has, the root included. */
  public int nodeCount() {
    return nodes;
  }

  private void put(long key, int target) {
    int mask = keys.length - 1;
    int i = slot(key, mask);
    while (keys[i] != EMPTY) {
      i = (i + 1) & mask;
    }
    keys[i] = key;
    targets[i] = target;
    count++;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldTargets = targets;
    keys = new long[oldKeys.length * 2];
    targets = new int[oldKeys.length * 2];
    Arrays.fill(keys, EMPTY);
    count = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        put(oldKeys[i], oldTargets[i]);
      }
    }
  }

  private static long key(int node, char c) {
    return ((long) node << 16) | c;
  }

  private static int slot(long key, int mask) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h >>> 40) & mask;
  }
}
