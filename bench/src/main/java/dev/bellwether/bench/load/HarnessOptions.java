package dev.bellwether.bench.load;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** The load harness's arguments: {@code --name value} pairs, every one optional. */
record HarnessOptions(
    int items,
    int warmupItems,
    List<Integer> threads,
    List<Integer> ratePercents,
    int rateSeconds,
    int warmupSeconds,
    List<Integer> commitIntervals,
    int stepSeconds,
    long seed,
    boolean latency,
    boolean ladder,
    int producerLingerMs,
    @Nullable Path workDir) {

  static final String USAGE =
      """
      LoadHarness [--items 100000] [--warmup-items 3000] [--threads 1,2] [--rates 20,50,80] [--rate-seconds 30]
                  [--warmup-seconds 5] [--commit-intervals 200,100] [--step-seconds 5]
                  [--seed 42] [--latency true] [--ladder true]
                  [--producer-linger-ms 20] [--work-dir <temp>]
        items             items pre-loaded for the saturation runs (one run per thread count)
        warmup-items      items of a first, unreported run on a broker of its own (JIT warm-up)
        threads           num.stream.threads of each saturation run
        rates             paced rates for latency, in % of the first run's saturation rate
        rate-seconds      measured seconds at each rate, after warmup-seconds
        commit-intervals  commit.interval.ms values tried at each rate
        step-seconds      simulated seconds between two items' publication times
        latency           false skips the latency runs
        ladder            false skips the partial topologies between pass-through and full
                          (Avro in and out; + dedupe; + articles and tagging)
        producer-linger-ms linger.ms of the paced producer of the latency runs; 20 is what
                          Bellwether's ingest workers use, 0 sends every item on its own
      """;

  private static final Set<String> NAMES =
      Set.of(
          "items",
          "warmup-items",
          "threads",
          "rates",
          "rate-seconds",
          "warmup-seconds",
          "commit-intervals",
          "step-seconds",
          "seed",
          "latency",
          "ladder",
          "producer-linger-ms",
          "work-dir");

  static HarnessOptions parse(String[] args) {
    if (args.length % 2 != 0) {
      throw new IllegalArgumentException("arguments come in --name value pairs\n" + USAGE);
    }
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      String name = args[i].startsWith("--") ? args[i].substring(2) : "";
      if (!NAMES.contains(name)) {
        throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
      }
      given.put(name, args[i + 1]);
    }
    String work = given.get("work-dir");
    return new HarnessOptions(
        Integer.parseInt(given.getOrDefault("items", "100000")),
        Integer.parseInt(given.getOrDefault("warmup-items", "3000")),
        ints(given.getOrDefault("threads", "1,2")),
        ints(given.getOrDefault("rates", "20,50,80")),
        Integer.parseInt(given.getOrDefault("rate-seconds", "30")),
        Integer.parseInt(given.getOrDefault("warmup-seconds", "5")),
        ints(given.getOrDefault("commit-intervals", "200,100")),
        Integer.parseInt(given.getOrDefault("step-seconds", "5")),
        Long.parseLong(given.getOrDefault("seed", "42")),
        Boolean.parseBoolean(given.getOrDefault("latency", "true")),
        Boolean.parseBoolean(given.getOrDefault("ladder", "true")),
        Integer.parseInt(given.getOrDefault("producer-linger-ms", "20")),
        work == null ? null : Path.of(work));
  }

  private static List<Integer> ints(String list) {
    return Arrays.stream(list.split(",")).map(String::trim).map(Integer::valueOf).toList();
  }
}
