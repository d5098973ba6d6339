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
 * Benchmark and comparison, a {@code main}, not a test: runs {@link MainText}, the whole {@link
 * ArticleExtractor} from a page's bytes (decoding and metadata included, as the page fetcher runs
 * it) and Readability4J (test scope) over the Readability corpus on one thread, scores them and
 * times them. Arguments: the timed passes (default 5), then {@code --ours-only} to skip
 * Readability4J.
 *
 * <p>Each extractor: two warm-up passes, then {@code passes} timed passes (parse included). Heap:
 * used heap after {@code System.gc()} with every page's result held, minus the same before.
 * Allocation: bytes the thread allocated during one timed pass, divided by the pages. Speed is
 * given over all timed passes, as the median and best single pass, and per CPU second of the
 * thread: on a shared virtual machine, wall-clock rates move by a third between runs.
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
    Map<CorpusPage, byte[]> bytes = new HashMap<>();
    for (CorpusPage page : pages) {
      bytes.put(page, java.nio.file.Files.readAllBytes(page.dir().resolve("source.html")));
    }
    ArticleExtractor extractor = new ArticleExtractor();
    run(
        "ArticleExtractor (bytes: decoding, main text and metadata, as the fetcher reads a page)",
        pages,
        passes,
        page ->
            extractor
                .extract(
                    PageDecoding.decode(bytes.get(page), "text/html").text(),
                    ReadabilityCorpusTest.BASE)
                .text(),
        Path.of("target", "readability-article-pred.jsonl"));
    if (args.length > 1 && args[1].equals("--ours-only")) {
      return;
    }
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
    long cpuStart = threads.getCurrentThreadCpuTime();
    double[] passRates = new double[passes];
    for (int i = 0; i < passes; i++) {
      long passStart = System.nanoTime();
      pages.forEach(extractor::apply);
      passRates[i] = pages.size() / ((System.nanoTime() - passStart) / 1e9);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    java.util.Arrays.sort(passRates);
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
        "%s: %s%n  %.1f pages/s on one thread (passes: median %.1f, best %.1f; %.1f per CPU"
            + " second of the thread), %.2f ms/page, %.1f MiB allocated/page,"
            + " retained results %.2f MiB, predictions %s%n",
        name,
        score,
        n / seconds,
        passRates[passes / 2],
        passRates[passes - 1],
        n / cpuSeconds,
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
