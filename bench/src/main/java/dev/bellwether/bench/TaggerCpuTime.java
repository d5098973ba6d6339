package dev.bellwether.bench;

import dev.bellwether.core.tagging.Tagger;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;

/**
 * Articles tagged per CPU second of the tagging thread: a measure that holds up on a machine other
 * work is loading, where {@link TaggerBenchmark}'s wall-clock rate does not (the thread's CPU time
 * leaves out the time it waits for a core). Used to compare builds or settings run one after the
 * other, e.g. {@code -Dbellwether.regex.narrowing=none} against the default (docs/benchmarks.md).
 *
 * <pre>
 * java [-Dbellwether.regex.narrowing=none] -cp bench/target/benchmarks.jar \
 *     dev.bellwether.bench.TaggerCpuTime [news|dense] [rounds] [cpu seconds per round]
 * </pre>
 */
public final class TaggerCpuTime {
  private TaggerCpuTime() {}

  private static final java.util.regex.Pattern FACTS =
      java.util.regex.Pattern.compile("facts=\\{([^}]*)}");

  /** The text of a tagging with each map of facts in one order (maps print in any order). */
  static String canonical(String tagging) {
    return FACTS
        .matcher(tagging)
        .replaceAll(
            m ->
                java.util.regex.Matcher.quoteReplacement(
                    "facts={"
                        + java.util.Arrays.stream(m.group(1).split(", "))
                            .sorted()
                            .collect(java.util.stream.Collectors.joining(", "))
                        + "}"));
  }

  public static void main(String[] args) {
    String corpus = args.length > 0 ? args[0] : "news";
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 4;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    Tagger tagger = Tagger.builtIn();
    List<String> articles = ArticleCorpus.named(corpus).articles();
    // what the tagger says about the whole corpus, to check that settings compared agree on it
    int answers = 0;
    for (String article : articles) {
      answers = 31 * answers + canonical(tagger.tag(article).toString()).hashCode();
    }
    System.out.printf(Locale.ROOT, "%s: answers' hash %08x%n", corpus, answers);
    Object sink = null;
    int next = 0;
    // the first round warms the JIT up and is not reported
    for (int round = 0; round <= rounds; round++) {
      long start = threads.getCurrentThreadCpuTime();
      long budget = (long) (seconds * 1e9);
      long tagged = 0;
      long used;
      do {
        for (int i = 0; i < 20; i++) {
          sink = tagger.tag(articles.get(next));
          next = next + 1 == articles.size() ? 0 : next + 1;
          tagged++;
        }
        used = threads.getCurrentThreadCpuTime() - start;
      } while (used < budget);
      if (round > 0) {
        System.out.printf(
            Locale.ROOT,
            "%s narrowing=%s round %d: %.0f articles per CPU second%n",
            corpus,
            System.getProperty("bellwether.regex.narrowing", "starts"),
            round,
            tagged / (used / 1e9));
      }
    }
    if (sink == null) {
      throw new IllegalStateException("nothing tagged");
    }
  }
}
