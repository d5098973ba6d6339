package dev.bellwether.bench.load;

import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.tagging.CueBook;
import dev.bellwether.core.tagging.Tagger;
import dev.bellwether.core.watchlist.Watchlist;
import dev.bellwether.processors.BellwetherTopology;
import dev.bellwether.schemas.Topics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.TopologyDescription;

/**
 * The load harness (issue 10): one JVM, one in-process broker per thread count. For each: the same
 * pre-loaded items through a pass-through topology, the partial topologies of the {@link
 * StageLadder} and the full topology, all with the processors' Streams settings (exactly_once_v2);
 * then, on the first, publish-to-alert latency at fractions of the full topology's saturation rate
 * and for each commit interval. Prints a report on stdout; logs go to stderr.
 */
public final class LoadHarness {
  private static final String FULL = "bench-full";
  private static final String PASS = "bench-pass-through";
  private static final String LADDER = "bench-ladder";
  private static final Duration DRAIN_BOUND = Duration.ofMinutes(60);
  private static final CompanyKnowledgeBase KNOWLEDGE = CompanyKnowledgeBase.builtIn();

  private final HarnessOptions options;
  private final Path work;

  private LoadHarness(HarnessOptions options, Path work) {
    this.options = options;
    this.work = work;
  }

  public static void main(String[] args) throws Exception {
    HarnessOptions options;
    try {
      options = HarnessOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    Path work =
        options.workDir() != null
            ? Files.createDirectories(options.workDir())
            : Files.createTempDirectory("bellwether-load");
    new LoadHarness(options, work).run();
    System.exit(0); // the broker's non-daemon threads are closed, but do not wait on stragglers
  }

  private void run() {
    say("Bellwether load harness, %s", Instant.now());
    say(
        "java %s, %d processors, max heap %s, work dir %s",
        System.getProperty("java.version"),
        Runtime.getRuntime().availableProcessors(),
        Machine.mib(Runtime.getRuntime().maxMemory()),
        work);
    say("options %s", options);
    if (options.warmupItems() > 0) {
      say("%n## warm-up (JIT), not a result");
      try (LoadRun run = LoadRun.start(work.resolve("warm-up"))) {
        saturationRuns(run, options.threads().get(0), options.warmupItems());
      }
      say("%n## measured");
    }
    double saturation = 0;
    for (int threads : options.threads()) {
      try (LoadRun run = LoadRun.start(work.resolve("threads-" + threads))) {
        double rate = saturationRuns(run, threads, options.items());
        if (saturation == 0) {
          saturation = rate;
          if (options.latency()) {
            latencyRuns(run, threads, rate);
          }
        }
      }
    }
    say("done %s", Instant.now());
  }

  /** The pass-through, then the full topology, over the same pre-loaded items. */
  private double saturationRuns(LoadRun run, int threads, int items) {
    ArticleGenerator generator = generator(items);
    long preloadStart = System.nanoTime();
    run.preload(generator, items);
    say(
        "%n== %d stream thread(s): %d items pre-loaded in %.1f s",
        threads, items, (System.nanoTime() - preloadStart) / 1e9);
    int commit = options.commitIntervals().get(0);
    long heapBefore = Machine.heapAfterGc();

    KafkaStreams pass =
        new KafkaStreams(PassThroughTopology.build(), run.streamsConfig(PASS, threads, commit));
    LoadRun.Drained passed =
        run.runToEnd(pass, PASS, List.of(PassThroughTopology.INPUT), DRAIN_BOUND);
    pass.close(Duration.ofSeconds(30));
    double passRate = passed.rate();
    report("pass-through", items, passed);
    if (options.ladder()) {
      ladder(run, threads, commit, items, passRate);
    }

    KafkaStreams full = new KafkaStreams(fullTopology(), run.streamsConfig(FULL, threads, commit));
    long lettersBefore = run.messages(Topics.DLQ.name());
    LoadRun.Drained done = run.runToEnd(full, FULL, sourceTopics(fullTopology()), DRAIN_BOUND);
    double fullRate = done.rate();
    report("full topology", items, done);
    deadLetters(run, lettersBefore);
    say(
        "ratio full / pass-through: %.3f  (commit.interval.ms %d, exactly_once_v2)",
        fullRate / passRate, commit);

    long heapRunning = Machine.heapAfterGc();
    say(
        "heap after GC: %s before the applications, %s with the full topology running and"
            + " caught up: %s more (broker in the same JVM)",
        Machine.mib(heapBefore), Machine.mib(heapRunning), Machine.mib(heapRunning - heapBefore));
    say("state stores on disk while running: %s", sizes(run.storeBytes(FULL)));
    full.close(Duration.ofSeconds(60));
    say("state stores on disk after close: %s", sizes(run.storeBytes(FULL)));
    return fullRate;
  }

  /**
   * Says how many records the run sent to the dead-letter topic: a rate measured over records that
   * failed is not the rate of the work, so any number but zero is a defect to look at first.
   */
  private void deadLetters(LoadRun run, long before) {
    long letters = run.messages(Topics.DLQ.name()) - before;
    if (letters > 0) {
      say(
          "  WARNING: %d records went to the dead letters (%s): this rate is not valid",
          letters, Topics.DLQ.name());
    } else {
      say("  dead letters: none");
    }
  }

  /** Each rung of the stage ladder over the same items, as a ratio to the pass-through. */
  private void ladder(LoadRun run, int threads, int commit, int items, double passRate) {
    int rung = 0;
    for (StageLadder.Stage stage : StageLadder.stages(tagger(), Watchlist.builtIn(KNOWLEDGE))) {
      String appId = LADDER + "-" + ++rung;
      KafkaStreams streams =
          new KafkaStreams(stage.topology().get(), run.streamsConfig(appId, threads, commit));
      long lettersBefore = run.messages(Topics.DLQ.name());
      LoadRun.Drained drained =
          run.runToEnd(streams, appId, List.of(Topics.DISCOVERED.name()), DRAIN_BOUND);
      streams.close(Duration.ofSeconds(30));
      report("ladder " + rung + ", " + stage.name(), items, drained);
      deadLetters(run, lettersBefore);
      say("  ratio to the pass-through: %.3f", drained.rate() / passRate);
    }
  }

  /** Publish-to-alert latency at each rate and commit interval, continuing on the same state. */
  private void latencyRuns(LoadRun run, int threads, double saturation) {
    ArticleGenerator generator = generator(options.items());
    for (int i = 0; i < options.items(); i++) {
      generator.next(); // continue past the pre-loaded items: new ids, stories go on
    }
    say("%n== latency, %d stream thread(s), saturation %.0f items/s", threads, saturation);
    List<String> inputs = sourceTopics(fullTopology());
    for (int commit : options.commitIntervals()) {
      KafkaStreams full =
          run.startStreams(fullTopology(), run.streamsConfig(FULL, threads, commit));
      try {
        run.awaitIdle(FULL, inputs, DRAIN_BOUND);
        for (int percent : options.ratePercents()) {
          double rate = saturation * percent / 100.0;
          PacedLoad.Outcome outcome =
              new PacedLoad(run.bootstrap(), generator, options.producerLingerMs())
                  .run(
                      rate,
                      Duration.ofSeconds(options.warmupSeconds()),
                      Duration.ofSeconds(options.rateSeconds()),
                      Duration.ofSeconds(30),
                      () -> run.awaitIdle(FULL, inputs, Duration.ofMinutes(10)));
          say(
              "commit.interval.ms %d, linger.ms %d, %d%% = %.0f items/s (achieved %.0f, %d sent):"
                  + " %s;"
                  + " alerts seen %d, carrying a publish time %d, before warm-up end %d",
              commit,
              options.producerLingerMs(),
              percent,
              rate,
              outcome.achievedRate(),
              outcome.sent(),
              outcome.latency().summary(),
              outcome.alertsSeen(),
              outcome.alertsWithSentTimestamp(),
              outcome.latency().early());
        }
      } finally {
        full.close(Duration.ofSeconds(60));
      }
    }
  }

  private ArticleGenerator generator(int items) {
    Duration step = Duration.ofSeconds(options.stepSeconds());
    return new ArticleGenerator(
        options.seed(), Instant.now().minus(step.multipliedBy(items)), step);
  }

  static Topology fullTopology() {
    return BellwetherTopology.build(
        BellwetherTopology.Settings.builder(tagger(), Watchlist.builtIn(KNOWLEDGE))
            .articlesFromFeedSummaries(true)
            .build());
  }

  private static Tagger tagger() {
    return new Tagger(KNOWLEDGE, CueBook.builtIn());
  }

  /**
   * The Bellwether topics the topology reads (its own repartition topics are followed apart): the
   * group has caught up when it has committed to the end of each.
   */
  static List<String> sourceTopics(Topology topology) {
    Set<String> topics = new TreeSet<>();
    for (TopologyDescription.Subtopology sub : topology.describe().subtopologies()) {
      for (TopologyDescription.Node node : sub.nodes()) {
        if (node instanceof TopologyDescription.Source source && source.topicSet() != null) {
          source.topicSet().stream().filter(t -> t.startsWith("bellwether.")).forEach(topics::add);
        }
      }
    }
    return List.copyOf(topics);
  }

  private static void report(String what, int items, LoadRun.Drained drained) {
    say(
        "%s: %.0f items/s from the first commit to caught up (%d items in %.1f s); %.0f items/s"
            + " from RUNNING (%.1f s; %.1f s from start incl. rebalance); process CPU %.1f s ="
            + " %.2f cores, %.2f ms CPU per item",
        what,
        drained.rate(),
        drained.leftAtFirstCommit(),
        (drained.drainedNanos() - drained.firstCommitNanos()) / 1e9,
        items / drained.secondsFromRunning(),
        drained.secondsFromRunning(),
        drained.secondsFromStart(),
        drained.cpuNanos() / 1e9,
        drained.cpuNanos() / 1e9 / drained.secondsFromStart(),
        drained.cpuNanos() / 1e6 / items);
  }

  private static String sizes(Map<String, Long> byStore) {
    long total = byStore.values().stream().mapToLong(Long::longValue).sum();
    StringBuilder text = new StringBuilder(Machine.mib(total)).append(" total");
    byStore.forEach(
        (store, bytes) -> text.append(", ").append(store).append(' ').append(Machine.mib(bytes)));
    return text.toString();
  }

  private static void say(String format, Object... args) {
    System.out.println(String.format(Locale.ROOT, format, args));
    System.out.flush();
  }
}
