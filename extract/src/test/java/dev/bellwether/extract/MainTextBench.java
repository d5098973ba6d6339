package dev.bellwether.extract;

import dev.bellwether.extract.ReadabilityCorpusTest.CorpusPage;
import dev.bellwether.extract.ReadabilityCorpusTest.Score;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import net.dankito.readability4j.Readability4J;
import org.jsoup.Jsoup;

/**
 * Benchmark and comparison, a {@code main}, not a test: runs {@link MainText} and Readability4J
 * (test scope) over the Readability corpus on one thread, scores both and times them.
 *
 * <p>Each extractor: two warm-up passes, then {@code passes} timed passes (parse included). Heap:
 * used heap after {@code System.gc()} with every page's result held, minus the same before.
 * Allocation: bytes the thread allocated during one timed pass, divided by the pages.
 */
public final class MainTextBench {
  private MainTextBench() {}

  public static void main(String[] args) throws Exception {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    List<CorpusPage> pages = CorpusPage.all(CorpusPage.folder());
    run(
        "MainText",
        pages,
        passes,
        MainTextBench::ours,
        Path.of("target", "readability-pred.jsonl"));
    run(
        "Readability4J 1.0.8",
        pages,
        passes,
        MainTextBench::readability4j,
        Path.of("target", "readability4j-pred.jsonl"));
  }

  private static String ours(CorpusPage page) {
    return MainText.extract(Jsoup.parse(page.source(), ReadabilityCorpusTest.BASE.toString()))
        .text();
  }

  private static String readability4j(CorpusPage page) {
    String text =
        new Readability4J(ReadabilityCorpusTest.BASE.toString(), page.source())
            .parse()
            .getTextContent();
    return text == null ? "" : text;
  }

  private static void run(
      String name,
      List<CorpusPage> pages,
      int passes,
      Function<CorpusPage, String> extractor,
      Path out)
      throws Exception {
    for (int i = 0; i < 2; i++) {
      pages.forEach(extractor::apply);
    }
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    long allocBefore = threads.getThreadAllocatedBytes(tid);
    long start = System.nanoTime();
    for (int i = 0; i < passes; i++) {
      pages.forEach(extractor::apply);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long allocated = (threads.getThreadAllocatedBytes(tid) - allocBefore) / passes;
    long before = usedHeapAfterGc();
    Map<CorpusPage, String> texts = new HashMap<>();
    for (CorpusPage page : pages) {
      texts.put(page, extractor.apply(page));
    }
    long heapDelta = usedHeapAfterGc() - before;
    CorpusPage.writePredictions(out, pages, texts::get);
    Score score = Score.of(pages, texts::get);
    int n = pages.size() * passes;
    System.out.printf(
        Locale.ROOT,
        "%s: %s%n  %.1f pages/s on one thread, %.2f ms/page, %.1f MiB allocated/page,"
            + " retained results %.2f MiB, predictions %s%n",
        name,
        score,
        n / seconds,
        seconds * 1000 / n,
        allocated / (double) pages.size() / (1 << 20),
        heapDelta / (double) (1 << 20),
        out.toAbsolutePath());
  }

  private static long usedHeapAfterGc() {
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return memory.getHeapMemoryUsage().getUsed();
  }
}
