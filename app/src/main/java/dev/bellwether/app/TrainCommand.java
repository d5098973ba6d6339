package dev.bellwether.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bellwether.core.eval.LabeledEvent;
import dev.bellwether.core.eval.LabeledItem;
import dev.bellwether.core.eval.Predictions;
import dev.bellwether.core.eval.Scorecard;
import dev.bellwether.core.learn.EventModel;
import dev.bellwether.core.learn.LogisticRegression;
import dev.bellwether.core.learn.NgramHasher;
import dev.bellwether.core.learn.SentenceEncoder;
import dev.bellwether.core.tagging.EventType;
import dev.bellwether.core.tagging.Tagger;
import dev.bellwether.processors.model.CachingEncoder;
import dev.bellwether.processors.model.MiniLmEncoder;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
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

/**
 * {@code bellwether train}: trains the learned event model from labeled files, choosing each type's
 * threshold by cross-validation of the whole tagger (rules plus model), and writes it.
 */
@Command(
    name = "train",
    mixinStandardHelpOptions = true,
    description = {
      "Train the learned event model (a logistic regression per event type over in-process"
          + " sentence vectors) from labeled JSONL files, in the format of `bellwether eval`.",
      "",
      "It first runs K-fold cross-validation of the whole tagger, rules plus model: items of one"
          + " story (the optional \"story\" key) stay in one fold. Each type's threshold is the"
          + " one with the best cross-validated F1; the scores of rules alone and of rules plus"
          + " model are printed. Then it trains on every item and writes the model, with the"
          + " hash of the data and this command, to --out.",
      "",
      "Use it with `bellwether eval --model FILE` (or `tag`, `run`, `process`) to measure and use"
          + " your model; docs/tagging.md explains how to add labeled items of your own."
    },
    footer = {
      "",
      "Examples:",
      "  bellwether train --data data/events/train.jsonl --data data/events/dev.jsonl \\",
      "      --out processors/src/main/resources/dev/bellwether/processors/model/event-model.txt",
      "  bellwether train --data mine.jsonl --data data/events/train.jsonl --out my-model.txt",
      "  bellwether eval --gold data/events/test.jsonl --model my-model.txt"
    })
final class TrainCommand implements Callable<Integer> {
  /**
   * The thresholds tried. None below one half: a labeled set is far denser in events than the news
   * (most of an article's sentences report none), so a threshold that pays off on it would add
   * false events to real articles.
   */
  private static final double[] GRID = {0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95};

  @Spec CommandSpec spec;

  @Option(
      names = "--data",
      required = true,
      paramLabel = "FILE.jsonl",
      description = "A labeled file to train on; repeat for several.")
  List<Path> data = new ArrayList<>();

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where to write the trained model. Without it, only the cross-validation runs.")
  @Nullable Path out;

  @Option(
      names = "--folds",
      paramLabel = "K",
      description = "Folds of the cross-validation (2 to 20). Default: ${DEFAULT-VALUE}.")
  int folds = 5;

  @Option(
      names = "--l2",
      paramLabel = "L",
      description = "L2 penalty of the logistic regressions. Default: ${DEFAULT-VALUE}.")
  double l2 = 1e-4;

  @Option(
      names = "--epochs",
      paramLabel = "N",
      description = "Training passes over the data. Default: ${DEFAULT-VALUE}.")
  int epochs = 400;

  @Option(
      names = "--ngrams",
      paramLabel = "SLOTS",
      description =
          "Slots of hashed words and word pairs added to the sentence vectors (0: vectors"
              + " alone). Default: ${DEFAULT-VALUE}.")
  int ngrams = 4096;

  @Option(
      names = "--misses",
      paramLabel = "N",
      description =
          "Print at most N items whose event types the cross-validated tagger missed or added."
              + " Default: ${DEFAULT-VALUE}.")
  int misses = 0;

  @Option(
      names = "--learning-curve",
      description =
          "Also cross-validate on 25, 50 and 75%% of each training fold and print core F1"
              + " against training size.")
  boolean learningCurve;

  @Mixin TaggerFiles files = new TaggerFiles();

  @Override
  public Integer call() throws Exception {
    if (folds < 2 || folds > 20) {
      throw new UserError("--folds must be between 2 and 20, not " + folds);
    }
    if (ngrams < 0 || ngrams > 1 << 20) {
      throw new UserError("--ngrams must be between 0 and 1048576, not " + ngrams);
    }
    List<LabeledItem> items = new ArrayList<>();
    Map<String, String> stories = new HashMap<>();
    List<Integer> ends = new ArrayList<>();
    for (Path file : data) {
      items.addAll(EvalCommand.readGold(file));
      stories.putAll(stories(file));
      ends.add(items.size());
    }
    if (items.size() < folds * 2) {
      throw new UserError("too few labeled items to train on: " + items.size());
    }
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outw = spec.commandLine().getOut();
    Tagger rules = files.rules();
    SentenceEncoder encoder = new CachingEncoder(MiniLmEncoder.shared());
    err.printf(Locale.ROOT, "encoding %d labeled texts...%n", items.size());
    err.flush();
    // the model reads texts with their organizations masked, in training as in tagging
    List<String> texts = items.stream().map(i -> rules.maskOrganizations(i.text())).toList();
    float[][] vectors = features(encoder.encode(texts), texts);
    int[] fold = folds(items, stories);

    Map<Double, List<LabeledItem>> byThreshold = new LinkedHashMap<>();
    List<LabeledItem> rulesOnly = new ArrayList<>();
    for (double t : GRID) {
      byThreshold.put(t, new ArrayList<>());
    }
    for (int f = 0; f < folds; f++) {
      err.printf(Locale.ROOT, "fold %d of %d...%n", f + 1, folds);
      err.flush();
      EventModel model = train(items, vectors, fold, f, 1.0, Map.of());
      for (int i = 0; i < items.size(); i++) {
        if (fold[i] == f) {
          rulesOnly.add(Predictions.of(items.get(i).id(), rules.tag(items.get(i).text())));
        }
      }
      for (double t : GRID) {
        Tagger tagger = rules.withModel(encoder, model.withThresholds(all(t)));
        for (int i = 0; i < items.size(); i++) {
          if (fold[i] == f) {
            byThreshold
                .get(t)
                .add(Predictions.of(items.get(i).id(), tagger.tag(items.get(i).text())));
          }
        }
      }
    }
    Map<EventType, Double> chosen = choose(items, byThreshold);
    List<LabeledItem> combined = combine(byThreshold, chosen);
    outw.printf(Locale.ROOT, "%d items, %d folds by story%n", items.size(), folds);
    report(outw, "rules alone (cross-validated)", Scorecard.score(items, rulesOnly));
    report(outw, "rules + model (cross-validated)", Scorecard.score(items, combined));
    if (data.size() > 1) {
      perFile(outw, items, rulesOnly, combined, ends);
    }
    chosen.forEach((t, v) -> outw.printf(Locale.ROOT, "threshold %-15s %.2f%n", t, v));
    Scorecard.score(items, combined).misses().stream()
        .limit(misses)
        .forEach(m -> outw.printf(Locale.ROOT, "  %s %s: %s%n", m.id(), m.what(), m.text()));
    if (learningCurve) {
      learningCurve(outw, err, items, vectors, fold, rules, encoder, chosen);
    }
    if (out != null) {
      EventModel model = train(items, vectors, new int[items.size()], -1, 1.0, chosen);
      write(model, out);
      outw.printf(Locale.ROOT, "model written to %s%n", out);
    }
    outw.flush();
    return 0;
  }

  private void learningCurve(
      PrintWriter outw,
      PrintWriter err,
      List<LabeledItem> items,
      float[][] vectors,
      int[] fold,
      Tagger rules,
      SentenceEncoder encoder,
      Map<EventType, Double> chosen) {
    outw.println("learning curve (core F1, cross-validated, against share of each training fold):");
    for (double share : new double[] {0.25, 0.5, 0.75, 1.0}) {
      List<LabeledItem> predicted = new ArrayList<>();
      for (int f = 0; f < folds; f++) {
        err.printf(Locale.ROOT, "learning curve %.0f %%, fold %d...%n", share * 100, f + 1);
        err.flush();
        Tagger tagger = rules.withModel(encoder, train(items, vectors, fold, f, share, chosen));
        for (int i = 0; i < items.size(); i++) {
          if (fold[i] == f) {
            predicted.add(Predictions.of(items.get(i).id(), tagger.tag(items.get(i).text())));
          }
        }
      }
      Scorecard s = Scorecard.score(items, predicted);
      int n = (int) Math.round(items.size() * (folds - 1.0) / folds * share);
      outw.printf(
          Locale.ROOT,
          "  %4d training items: core F1 %.3f, micro F1 %.3f%n",
          n,
          s.core().f1(),
          s.micro().f1());
    }
  }

  /** The cross-validated core and micro F1 of each file's items, rules alone and with the model. */
  private void perFile(
      PrintWriter out,
      List<LabeledItem> items,
      List<LabeledItem> rulesOnly,
      List<LabeledItem> combined,
      List<Integer> ends) {
    Map<String, LabeledItem> rules = new HashMap<>();
    rulesOnly.forEach(i -> rules.put(i.id(), i));
    Map<String, LabeledItem> both = new HashMap<>();
    combined.forEach(i -> both.put(i.id(), i));
    for (int f = 0; f < data.size(); f++) {
      List<LabeledItem> gold = items.subList(f == 0 ? 0 : ends.get(f - 1), ends.get(f));
      List<LabeledItem> r = gold.stream().map(g -> rules.get(g.id())).toList();
      List<LabeledItem> c = gold.stream().map(g -> both.get(g.id())).toList();
      Scorecard sr = Scorecard.score(gold, r);
      Scorecard sc = Scorecard.score(gold, c);
      out.printf(
          Locale.ROOT,
          "%s: rules core F1 %.3f micro %.3f; rules + model core F1 %.3f micro %.3f%n",
          data.get(f),
          sr.core().f1(),
          sr.micro().f1(),
          sc.core().f1(),
          sc.micro().f1());
    }
  }

  /**
   * A model trained on the items outside fold {@code heldOut} (every item when it is -1), on the
   * first {@code share} of them in a fixed order.
   */
  private EventModel train(
      List<LabeledItem> items,
      float[][] vectors,
      int[] fold,
      int heldOut,
      double share,
      Map<EventType, Double> thresholds) {
    List<Integer> rows = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      if (fold[i] != heldOut) {
        rows.add(i);
      }
    }
    rows = rows.subList(0, Math.max(1, (int) Math.round(rows.size() * share)));
    float[][] x = new float[rows.size()][];
    for (int r = 0; r < x.length; r++) {
      x[r] = vectors[rows.get(r)];
    }
    LogisticRegression lr = new LogisticRegression(l2, epochs, 0.05);
    Map<EventType, float[]> weights = new EnumMap<>(EventType.class);
    for (EventType t : EventType.values()) {
      boolean[] y = new boolean[rows.size()];
      for (int r = 0; r < y.length; r++) {
        y[r] = has(items.get(rows.get(r)), t);
      }
      weights.put(t, lr.train(x, y));
    }
    return new EventModel(
        MiniLmEncoder.NAME, x[0].length - ngrams, ngrams, hash(), command(), weights, thresholds);
  }

  /** Each item's model input: its sentence vector and its hashed words and word pairs. */
  private float[][] features(float[][] vectors, List<String> texts) {
    NgramHasher hasher = ngrams > 0 ? new NgramHasher(ngrams) : null;
    float[][] out = new float[vectors.length][];
    for (int i = 0; i < out.length; i++) {
      if (hasher == null) {
        out[i] = vectors[i];
      } else {
        float[] grams = hasher.vector(texts.get(i));
        out[i] = new float[vectors[i].length + ngrams];
        System.arraycopy(vectors[i], 0, out[i], 0, vectors[i].length);
        System.arraycopy(grams, 0, out[i], vectors[i].length, ngrams);
      }
    }
    return out;
  }

  /** Each type's threshold with the best cross-validated F1 of that type (ties: the higher). */
  private static Map<EventType, Double> choose(
      List<LabeledItem> gold, Map<Double, List<LabeledItem>> byThreshold) {
    Map<EventType, Double> chosen = new EnumMap<>(EventType.class);
    for (EventType t : EventType.values()) {
      double best = -1;
      double at = 0.5;
      for (Map.Entry<Double, List<LabeledItem>> e : byThreshold.entrySet()) {
        double f1 = Scorecard.score(gold, e.getValue()).type(t.name()).f1();
        if (f1 >= best) {
          best = f1;
          at = e.getKey();
        }
      }
      chosen.put(t, at);
    }
    return chosen;
  }

  /** Each item's predicted events of each type as tagged with that type's chosen threshold. */
  private static List<LabeledItem> combine(
      Map<Double, List<LabeledItem>> byThreshold, Map<EventType, Double> chosen) {
    List<LabeledItem> any = byThreshold.values().iterator().next();
    List<LabeledItem> out = new ArrayList<>();
    for (int i = 0; i < any.size(); i++) {
      List<LabeledEvent> events = new ArrayList<>();
      List<String> companies = any.get(i).companies();
      for (EventType t : EventType.values()) {
        LabeledItem at = byThreshold.get(chosen.get(t)).get(i);
        at.events().stream().filter(e -> e.type().equals(t.name())).forEach(events::add);
      }
      out.add(new LabeledItem(any.get(i).id(), "", companies, events));
    }
    return out;
  }

  private static Map<EventType, Double> all(double t) {
    Map<EventType, Double> m = new EnumMap<>(EventType.class);
    for (EventType e : EventType.values()) {
      m.put(e, t);
    }
    return m;
  }

  private static boolean has(LabeledItem item, EventType t) {
    return item.events().stream().anyMatch(e -> e.type().equals(t.name()));
  }

  /** Fold of each item: by its story when it has one, else by its id, hashed. */
  private int[] folds(List<LabeledItem> items, Map<String, String> stories) {
    int[] fold = new int[items.size()];
    for (int i = 0; i < fold.length; i++) {
      String key = stories.getOrDefault(items.get(i).id(), items.get(i).id());
      fold[i] = Math.floorMod(mix(key), folds);
    }
    return fold;
  }

  private static int mix(String key) {
    int h = 0x9747b28c;
    for (int i = 0; i < key.length(); i++) {
      h ^= key.charAt(i);
      h *= 0x5bd1e995;
      h ^= h >>> 15;
    }
    return h;
  }

  private static Map<String, String> stories(Path file) throws IOException {
    Map<String, String> stories = new HashMap<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        JsonNode n = Json.MAPPER.readTree(line);
        if (n.hasNonNull("story") && n.hasNonNull("id")) {
          stories.put(n.get("id").asText(), n.get("story").asText());
        }
      }
    }
    return stories;
  }

  private String hash() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Path p : data) {
        sha.update(Files.readAllBytes(p));
      }
      return "sha256:" + HexFormat.of().formatHex(sha.digest());
    } catch (IOException | NoSuchAlgorithmException e) {
      throw new UserError("cannot hash the training data: " + e.getMessage());
    }
  }

  private String command() {
    StringBuilder c = new StringBuilder("bellwether train");
    data.forEach(p -> c.append(" --data ").append(p));
    c.append(" --folds ").append(folds).append(" --l2 ").append(l2);
    c.append(" --epochs ").append(epochs).append(" --ngrams ").append(ngrams);
    return c.toString();
  }

  private static void write(EventModel model, Path file) throws IOException {
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      model.write(w);
    }
  }

  private static void report(PrintWriter out, String heading, Scorecard s) {
    out.println(heading + ":");
    for (String t : Scorecard.TYPES) {
      Scorecard.Counts c = s.type(t);
      out.printf(
          Locale.ROOT,
          "  %-15s P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)%n",
          t,
          c.precision(),
          c.recall(),
          c.f1(),
          c.tp(),
          c.fp(),
          c.fn());
    }
    s.checks()
        .forEach(
            (field, c) ->
                out.printf(
                    Locale.ROOT,
                    "  %-15s %d/%d = %.3f%n",
                    field,
                    c.right(),
                    c.asked(),
                    c.accuracy()));
    out.printf(
        Locale.ROOT,
        "  core F1 %.3f  micro F1 %.3f  fields %.3f%n",
        s.core().f1(),
        s.micro().f1(),
        s.fieldAccuracy());
  }
}
