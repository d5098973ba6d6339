package dev.bellwether.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.bellwether.app.console.LabeledJson;
import dev.bellwether.core.eval.LabeledItem;
import dev.bellwether.core.eval.Predictions;
import dev.bellwether.core.eval.Scorecard;
import dev.bellwether.core.tagging.Tagger;
import dev.bellwether.core.tagging.Tagging;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bellwether eval}: tags a labeled set and scores the result. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description = {
      "Tag every text of a labeled set and score the tagger against the labels: per-type"
          + " precision, recall and F1, micro and core F1, companies, status and field"
          + " accuracy, then the texts whose event types were missed or extra.",
      "",
      "The numbers are those of ../shared/tools/score_events.py on the output of"
          + " `bellwether tag`. Run it after editing the company knowledge base or a lexicon."
    },
    footer = {
      "",
      "Examples:",
      "  bellwether eval --gold ../shared/eval/events-dev.jsonl",
      "  bellwether eval --gold events-dev.jsonl --companies my-companies.yaml --misses 0",
      "  bellwether eval --gold events-dev.jsonl --cues my-cues.yaml --check-triggers",
      "  bellwether eval --gold events-dev.jsonl --min-core-f1 0.9   # exit 1 below, for CI"
    })
final class EvalCommand implements Callable<Integer> {
  private static final int SHORT_TEXT = 100;

  @Spec CommandSpec spec;

  @Option(
      names = "--gold",
      required = true,
      paramLabel = "FILE.jsonl",
      description = "Labeled set, one {\"id\", \"text\", \"companies\", \"events\"} a line.")
  Path gold;

  @Mixin TaggerFiles files = new TaggerFiles();

  @Option(
      names = "--min-core-f1",
      paramLabel = "F",
      description = "Exit with status 1 when the core F1 is below F.")
  @Nullable Double minCoreF1;

  @Option(
      names = "--misses",
      paramLabel = "N",
      description = "Print at most N missed or extra event types, and N companies. Default: all.")
  int maxMisses = Integer.MAX_VALUE;

  @Option(
      names = "--check-triggers",
      description =
          "Also tag every text reading each sentence for every event type, trigger words or not,"
              + " and list the texts where that finds something the triggers hide (a trigger"
              + " list of the cues lacks a word); exit 1 if there is one.")
  boolean checkTriggers;

  @Override
  public Integer call() {
    Tagger tagger = files.tagger();
    Tagger rules = checkTriggers ? files.rules() : tagger;
    List<LabeledItem> labeled = readGold(gold);
    List<LabeledItem> predicted = new ArrayList<>();
    List<String> hidden = new ArrayList<>();
    for (LabeledItem item : labeled) {
      Tagging tagging = tagger.tag(item.text());
      predicted.add(Predictions.of(item.id(), tagging));
      if (checkTriggers) {
        // the triggers gate the rules: compare the rules alone, read with and without them
        Tagging gated = rules.tag(item.text());
        Tagging everything = rules.tagReadingEverySentence(item.text());
        if (!everything.equals(gated)) {
          hidden.add(
              item.id()
                  + ": "
                  + describe(everything)
                  + " without triggers, "
                  + describe(gated)
                  + " with them");
        }
      }
    }
    Scorecard s = Scorecard.score(labeled, predicted);
    PrintWriter out = spec.commandLine().getOut();
    print(s, out);
    if (checkTriggers) {
      out.printf(
          Locale.ROOT,
          "triggers: %d of %d texts tag differently when every sentence is read%n",
          hidden.size(),
          labeled.size());
      hidden.forEach(h -> out.println("  " + h));
    }
    out.flush();
    boolean belowMinimum = minCoreF1 != null && s.core().f1() < minCoreF1;
    return belowMinimum || !hidden.isEmpty() ? 1 : 0;
  }

  /** The event types of a tagging, in order ("FUNDING, PARTNERSHIP"), or "no event". */
  private static String describe(Tagging t) {
    return t.events().isEmpty()
        ? "no event"
        : String.join(", ", t.events().stream().map(e -> e.type().name()).toList());
  }

  /** Reads a labeled set; a bad line is the user's to fix, reported with its file and number. */
  static List<LabeledItem> readGold(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
    }
    List<LabeledItem> items = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        items.add(readItem(file, i + 1, lines.get(i)));
      }
    }
    return items;
  }

  private static LabeledItem readItem(Path file, int number, String line) {
    try {
      return LabeledJson.item(Json.MAPPER.readTree(line));
    } catch (JsonProcessingException e) {
      throw new UserError(file + ":" + number + ": not JSON: " + e.getOriginalMessage());
    } catch (IllegalArgumentException e) {
      throw new UserError(file + ":" + number + ": " + e.getMessage());
    }
  }

  private void print(Scorecard s, PrintWriter out) {
    out.printf(Locale.ROOT, "items: %d gold, %d predicted%n", s.goldItems(), s.predictedItems());
    out.printf(Locale.ROOT, "%-16s%7s%7s%7s   tp  fp  fn%n", "type", "P", "R", "F1");
    Scorecard.TYPES.forEach(t -> row(out, t, s.type(t), true));
    row(out, "micro (5)", s.micro(), false);
    row(out, "core (3)", s.core(), false);
    row(out, "companies", s.companies(), true);
    for (Map.Entry<String, Scorecard.Check> c : s.checks().entrySet()) {
      Scorecard.Check k = c.getValue();
      out.printf(
          Locale.ROOT, "%-16s %d/%d = %.3f%n", c.getKey(), k.right(), k.asked(), k.accuracy());
    }
    printMisses(s, out);
    out.printf(
        Locale.ROOT,
        "summary: core-F1 %.3f micro-F1 %.3f companies-F1 %.3f fields %.3f%n",
        s.core().f1(),
        s.micro().f1(),
        s.companies().f1(),
        s.fieldAccuracy());
  }

  private static void row(PrintWriter out, String name, Scorecard.Counts c, boolean counts) {
    out.printf(Locale.ROOT, "%-16s%7.3f%7.3f%7.3f", name, c.precision(), c.recall(), c.f1());
    out.println(counts ? String.format(Locale.ROOT, " %4d%4d%4d", c.tp(), c.fp(), c.fn()) : "");
  }

  private void printMisses(Scorecard s, PrintWriter out) {
    printMisses("misses:", s.misses(), out);
    printMisses("company misses:", s.companyMisses(), out);
  }

  private void printMisses(String heading, List<Scorecard.Miss> misses, PrintWriter out) {
    if (misses.isEmpty() || maxMisses <= 0) {
      return;
    }
    out.println(heading);
    misses.stream()
        .limit(maxMisses)
        .forEach(
            m -> out.printf(Locale.ROOT, "  %s %s: %s%n", m.id(), m.what(), shorten(m.text())));
  }

  private static String shorten(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    return flat.length() <= SHORT_TEXT ? flat : flat.substring(0, SHORT_TEXT - 1) + "…";
  }
}
