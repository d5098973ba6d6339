package dev.bellwether.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import org.jspecify.annotations.Nullable;

/**
 * Trafilatura's evaluation benchmark ({@code ../shared/corpora/trafilatura}: 990 real pages, each
 * with snippets its main text must hold and boilerplate it must not), read in place, and its
 * measure as {@code ../shared/tools/score_extraction.py snippets} computes it: after collapsing
 * whitespace, a "with" snippet found in the text is a true positive, one missing a false negative,
 * a "without" snippet found a false positive; precision, recall and F1 micro-averaged over pages.
 *
 * <p>The pages are split for development by the CRC-32 of their file name: one in four ({@code crc
 * % 4 == 0}) is the held-out split, never looked at while choosing how the extractor decides; the
 * rest is the development split.
 *
 * <p>As a {@code main}: extracts every page (or one split: {@code dev}, {@code test}), writes the
 * predictions as JSON lines the script reads, prints the score of each split, and with {@code
 * --worst N} the development pages that keep the most boilerplate or miss the most text.
 */
final class SnippetCorpus {
  private static final Pattern WHITESPACE = Pattern.compile("(?U)\\s+");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One page of the benchmark. */
  record Page(String url, Path file, List<String> with, List<String> without) {
    String name() {
      return file.getFileName().toString();
    }

    /** {@code "test"} for the held-out quarter, {@code "dev"} otherwise. */
    String split() {
      return split(name());
    }

    static String split(String fileName) {
      CRC32 crc = new CRC32();
      crc.update(fileName.getBytes(StandardCharsets.UTF_8));
      return crc.getValue() % 4 == 0 ? "test" : "dev";
    }

    byte[] bytes() {
      try {
        return Files.readAllBytes(file);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Counts of one page or many: snippets found and boilerplate kept. */
  record Score(int tp, int fn, int fp, int tn) {
    static final Score ZERO = new Score(0, 0, 0, 0);

    static Score of(Page page, String text) {
      String flat = collapse(text);
      int tp = 0;
      int fp = 0;
      for (String s : page.with()) {
        tp += flat.contains(collapse(s)) ? 1 : 0;
      }
      for (String s : page.without()) {
        fp += flat.contains(collapse(s)) ? 1 : 0;
      }
      return new Score(tp, page.with().size() - tp, fp, page.without().size() - fp);
    }

    Score plus(Score o) {
      return new Score(tp + o.tp, fn + o.fn, fp + o.fp, tn + o.tn);
    }

    double precision() {
      return tp + fp == 0 ? 0 : (double) tp / (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 0 : (double) tp / (tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    @Override
    public String toString() {
      return String.format(
          Locale.ROOT,
          "precision %.3f recall %.3f F1 %.3f (tp %d fn %d fp %d tn %d)",
          precision(),
          recall(),
          f1(),
          tp,
          fn,
          fp,
          tn);
    }
  }

  private SnippetCorpus() {}

  static String collapse(String s) {
    return WHITESPACE.matcher(s).replaceAll(" ").strip();
  }

  /**
   * The benchmark's folder: {@code ../shared/corpora/trafilatura} beside the project root, found by
   * walking up from the working directory to a folder with a {@code pom.xml}; null without one.
   */
  static @Nullable Path folder() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolveSibling("shared").resolve("corpora").resolve("trafilatura");
      if (Files.exists(dir.resolve("pom.xml"))
          && Files.isRegularFile(candidate.resolve("evaldata.json"))) {
        return candidate;
      }
    }
    return null;
  }

  /** Every page of the benchmark, in the order of {@code evaldata.json}. */
  static List<Page> all(Path folder) throws IOException {
    JsonNode data = JSON.readTree(folder.resolve("evaldata.json").toFile());
    List<Page> pages = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = data.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String name = e.getValue().get("file").asText();
      Path file = folder.resolve("eval").resolve(name);
      if (!Files.exists(file)) {
        file = folder.resolve("cache").resolve(name);
      }
      pages.add(
          new Page(
              e.getKey(), file, strings(e.getValue(), "with"), strings(e.getValue(), "without")));
    }
    return pages;
  }

  private static List<String> strings(JsonNode entry, String field) {
    List<String> out = new ArrayList<>();
    JsonNode list = entry.get(field);
    if (list != null) {
      list.forEach(n -> out.add(n.asText()));
    }
    return out;
  }

  /** The text Bellwether keeps of a page: decoded as the fetcher does, extracted at its URL. */
  static String extract(ArticleExtractor extractor, Page page) {
    String html = PageDecoding.decode(page.bytes(), null).text();
    URI url;
    try {
      url = URI.create(page.url());
    } catch (IllegalArgumentException e) {
      url = URI.create("http://fakehost/page.html");
    }
    return extractor.extract(html, url).text();
  }

  static Score score(List<Page> pages, Function<Page, String> texts) {
    Score total = Score.ZERO;
    for (Page p : pages) {
      total = total.plus(Score.of(p, texts.apply(p)));
    }
    return total;
  }

  public static void main(String[] args) throws IOException {
    String only = null;
    int worst = 0;
    Path out = Path.of("target", "trafilatura-pred.jsonl");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--split" -> only = args[++i];
        case "--worst" -> worst = Integer.parseInt(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    Path folder = folder();
    if (folder == null) {
      System.err.println("../shared/corpora/trafilatura not found beside the project root");
      System.exit(2);
    }
    List<Page> pages = new ArrayList<>();
    for (Page p : all(folder)) {
      if (only == null || only.equals(p.split())) {
        pages.add(p);
      }
    }
    ArticleExtractor extractor = new ArticleExtractor();
    Map<Page, String> texts = new java.util.HashMap<>();
    long start = System.nanoTime();
    for (Page p : pages) {
      texts.put(p, extract(extractor, p));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Files.createDirectories(out.toAbsolutePath().getParent());
    List<String> lines = new ArrayList<>();
    for (Page p : pages) {
      ObjectNode line = JSON.createObjectNode().put("file", p.file().toString());
      line.put("text", texts.get(p));
      lines.add(line.toString());
    }
    Files.write(out, lines, StandardCharsets.UTF_8);
    for (String split : List.of("dev", "test")) {
      List<Page> of = pages.stream().filter(p -> p.split().equals(split)).toList();
      if (!of.isEmpty()) {
        System.out.printf(
            Locale.ROOT, "%s (%d pages): %s%n", split, of.size(), score(of, texts::get));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "all (%d pages): %s; %.1f pages/s; predictions in %s%n",
        pages.size(),
        score(pages, texts::get),
        pages.size() / seconds,
        out.toAbsolutePath());
    if (worst > 0) {
      List<Page> dev = pages.stream().filter(p -> p.split().equals("dev")).toList();
      System.out.println("development pages keeping the most boilerplate:");
      dev.stream()
          .sorted(Comparator.comparingInt((Page p) -> -Score.of(p, texts.get(p)).fp()))
          .limit(worst)
          .forEach(p -> System.out.println("  " + Score.of(p, texts.get(p)) + " " + p.name()));
      System.out.println("development pages missing the most text:");
      dev.stream()
          .sorted(Comparator.comparingInt((Page p) -> -Score.of(p, texts.get(p)).fn()))
          .limit(worst)
          .forEach(p -> System.out.println("  " + Score.of(p, texts.get(p)) + " " + p.name()));
    }
  }
}
