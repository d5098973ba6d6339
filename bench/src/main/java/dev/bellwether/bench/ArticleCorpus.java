package dev.bellwether.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Article-sized news texts for the benchmarks: the texts of {@code events-dev.jsonl} (read from
 * {@code ../shared/eval/} or the path in the system property {@code bellwether.bench.corpus}),
 * concatenated with filler paragraphs that report no event into documents of 2–6 KB of UTF-8, a few
 * hundred KB in all. Without the file a few built-in paragraphs stand in for it. The corpus is the
 * same on every run (fixed seed).
 */
public final class ArticleCorpus {
  /** Where the labeled texts are looked for, relative to the working directory. */
  static final List<String> CANDIDATES =
      List.of("../shared/eval/events-dev.jsonl", "../../shared/eval/events-dev.jsonl");

  private static final int TARGET_TOTAL_BYTES = 300 * 1024;

  private static final List<String> FILLER =
      List.of(
          "The conference drew several thousand attendees this year, many of them engineers who"
              + " spent the morning in workshops on evaluation methods, data pipelines and the"
              + " practical limits of today's language models. Organizers said attendance was the"
              + " highest since the event began.",
          "Analysts cautioned that the sector remains volatile. Shares of chip designers swung"
              + " sharply during the week as investors weighed demand forecasts against concerns"
              + " about power supply, cooling and the cost of building new data centers.",
          "In a blog post, the research team described a new method for training smaller models"
              + " on curated data. The authors said the approach cut training time by about a third"
              + " on their benchmarks, though they noted the results have not been reproduced.",
          "Regulators in several countries are still consulting on how rules for general-purpose"
              + " models should apply to open-weight releases. A public comment period runs until"
              + " the end of next month, and officials said final guidance would follow.",
          "Developers have complained about rate limits and outages during the launch week. The"
              + " status page listed three incidents on Tuesday alone, each resolved within an"
              + " hour, and the team apologized for the disruption.",
          "Some economists argue that productivity gains from automation will take years to show"
              + " up in official statistics. \"We are early,\" one professor said in an interview."
              + " \"The spreadsheet era took a decade to appear in the numbers.\"",
          "The company's chief scientist spoke at length about safety testing, red-teaming and"
              + " the need for shared evaluation standards across the industry. She declined to"
              + " give a date for the next model release.",
          "Meanwhile, hiring for machine-learning roles slowed in the third quarter, according"
              + " to a survey of recruiters. Salaries for senior researchers nevertheless kept"
              + " rising, the survey found, especially in San Francisco, London and Toronto.");

  private static final List<String> FALLBACK_EVENTS =
      List.of(
          "OpenAI raised $6.6 billion in a funding round led by Thrive Capital at a $157 billion"
              + " valuation, the company said on Wednesday. Microsoft and Nvidia also took part.",
          "Nvidia agreed to acquire Run:ai, an Israeli startup that helps companies manage GPU"
              + " workloads, for about $700 million, according to people familiar with the deal.",
          "Apple is partnering with OpenAI to bring ChatGPT to Siri, the iPhone maker announced"
              + " at its developer conference.",
          "The U.S. Commerce Department added several Chinese AI companies, including Zhipu AI, to"
              + " its Entity List, restricting their access to American chips.",
          "CoreWeave priced its initial public offering at $40 a share and began trading on the"
              + " Nasdaq on Friday under the ticker CRWV.");

  private final List<String> articles;
  private final long totalBytes;

  private ArticleCorpus(List<String> articles) {
    this.articles = List.copyOf(articles);
    long bytes = 0;
    for (String a : articles) {
      bytes += a.getBytes(StandardCharsets.UTF_8).length;
    }
    this.totalBytes = bytes;
  }

  /** A corpus of the given articles. */
  static ArticleCorpus of(List<String> articles) {
    return new ArticleCorpus(articles);
  }

  /** A corpus by name: {@code dense} ({@link #load}) or {@code news} ({@link NewsCorpus#load}). */
  public static ArticleCorpus named(String name) {
    return switch (name) {
      case "dense" -> load();
      case "news" -> NewsCorpus.load();
      default -> throw new IllegalArgumentException("unknown corpus " + name + " (dense, news)");
    };
  }

  /** The corpus built from the labeled texts when found, else from the built-in paragraphs. */
  public static ArticleCorpus load() {
    return build(eventTexts());
  }

  static ArticleCorpus build(List<String> eventTexts) {
    Random random = new Random(42);
    List<String> articles = new ArrayList<>();
    long total = 0;
    int next = 0;
    while (total < TARGET_TOTAL_BYTES) {
      int target = 2048 + random.nextInt(4096 - 256);
      StringBuilder article = new StringBuilder(target + 512);
      while (utf8Length(article) < target) {
        String paragraph =
            random.nextInt(3) == 0
                ? FILLER.get(random.nextInt(FILLER.size()))
                : eventTexts.get(next++ % eventTexts.size());
        if (article.length() > 0 && utf8Length(article) + utf8Length(paragraph) + 2 > 6144) {
          break;
        }
        if (article.length() > 0) {
          article.append("\n\n");
        }
        article.append(paragraph);
      }
      articles.add(article.toString());
      total += utf8Length(article);
    }
    return new ArticleCorpus(articles);
  }

  public List<String> articles() {
    return articles;
  }

  public long totalBytes() {
    return totalBytes;
  }

  public double meanBytesPerArticle() {
    return (double) totalBytes / articles.size();
  }

  public String describe() {
    int min = Integer.MAX_VALUE;
    int max = 0;
    for (String a : articles) {
      int n = utf8Length(a);
      min = Math.min(min, n);
      max = Math.max(max, n);
    }
    return String.format(
        "%d articles, %d bytes UTF-8, mean %.0f B/article (min %d, max %d)",
        articles.size(), totalBytes, meanBytesPerArticle(), min, max);
  }

  private static int utf8Length(CharSequence s) {
    return s.toString().getBytes(StandardCharsets.UTF_8).length;
  }

  static List<String> eventTexts() {
    String override = System.getProperty("bellwether.bench.corpus");
    List<String> candidates = override != null ? List.of(override) : CANDIDATES;
    for (String candidate : candidates) {
      Path path = Path.of(candidate);
      if (Files.isRegularFile(path)) {
        try {
          List<String> texts = new ArrayList<>();
          for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            String text = textField(line);
            if (text != null && !text.isBlank()) {
              texts.add(text);
            }
          }
          if (!texts.isEmpty()) {
            return texts;
          }
        } catch (IOException e) {
          throw new IllegalStateException("cannot read " + path.toAbsolutePath(), e);
        }
      }
    }
    return FALLBACK_EVENTS;
  }

  /** The string value of the top-level "text" field of one JSON line, or null. */
  static String textField(String line) {
    int key = line.indexOf("\"text\"");
    if (key < 0) {
      return null;
    }
    int i = line.indexOf('"', line.indexOf(':', key + 6) + 1);
    if (i < 0) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    for (i = i + 1; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '"') {
        return out.toString();
      }
      if (c == '\\' && i + 1 < line.length()) {
        char e = line.charAt(++i);
        switch (e) {
          case 'n' -> out.append('\n');
          case 't' -> out.append('\t');
          case 'r' -> out.append('\r');
          case 'b' -> out.append('\b');
          case 'f' -> out.append('\f');
          case 'u' -> {
            out.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
            i += 4;
          }
          default -> out.append(e);
        }
      } else {
        out.append(c);
      }
    }
    return null;
  }
}
