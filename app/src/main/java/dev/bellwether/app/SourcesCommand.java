package dev.bellwether.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bellwether.ingest.feed.FeedParser;
import dev.bellwether.ingest.http.HttpSettings;
import dev.bellwether.ingest.http.PolitenessSettings;
import dev.bellwether.ingest.http.RobotsCache;
import dev.bellwether.ingest.http.SafeHttpClient;
import dev.bellwether.ingest.poll.FeedPoller;
import dev.bellwether.ingest.poll.SourceCheck;
import dev.bellwether.ingest.poll.SourceCheck.Outcome;
import dev.bellwether.ingest.source.SourceDefinition;
import dev.bellwether.ingest.source.SourcesFile;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code bellwether sources}: tools for the sources file. */
@Command(
    name = "sources",
    mixinStandardHelpOptions = true,
    description = {"Work with the sources file (config/sources.yaml): check every source live."},
    subcommands = {SourcesCommand.Check.class},
    footer = {"", "Examples:", "  bellwether sources check", "  bellwether sources check --help"})
final class SourcesCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: try 'sources check'.");
  }

  /** {@code bellwether sources check}: polls every source once and reports each. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Poll every source of the sources file once, as the ingest role would (robots.txt"
            + " obeyed, the sources of one host one after another, a second or the host's"
            + " Crawl-delay apart), and print one line per source as it is done: OK, FAILED or"
            + " OFF, the HTTP status, the time taken, the items found and the newest item's"
            + " date, or why it failed:",
        "  robots (robots.txt disallows it), robots-unreadable (robots.txt could not be read: the"
            + " host is down or refuses connections, or answers it with 5xx; visits wait), http-status (403, 404, 5xx ...), not-a-feed (an rss"
            + " source that answers with something else), selector (an html source whose"
            + " selectors find nothing), parse, timeout, unreachable, blocked-address (a private"
            + " address the file does not allow), too-large, too-many-redirects.",
        "OFF sources are defined but not polled: edgar sources until BELLWETHER_EDGAR_USER_AGENT"
            + " is set. Nothing is written to Kafka.",
        "Exit status: 0 when no source failed, 1 when any did, 2 when the file or an option is"
            + " wrong."
      },
      footer = {
        "",
        "Examples:",
        "  bellwether sources check",
        "  bellwether sources check --sources my-sources.yaml --only anthropic-news",
        "  bellwether sources check --json | jq -c 'select(.verdict == \"failed\")'",
        "  BELLWETHER_EDGAR_USER_AGENT='Acme Research ops@acme.example' bellwether sources check"
      })
  static final class Check implements Callable<Integer> {
    static final int ANY_FAILED = 1;

    /** robots.txt trust and the longest Crawl-delay waited, as the ingest role has them. */
    private static final PolitenessSettings POLITENESS = PolitenessSettings.defaults();

    @Spec CommandSpec spec;

    @Option(
        names = "--sources",
        paramLabel = "FILE",
        defaultValue = "config/sources.yaml",
        description = "Sources YAML file. Default: ${DEFAULT-VALUE}.")
    Path sources;

    @Option(
        names = "--only",
        paramLabel = "ID",
        split = ",",
        description = "Check only these sources (repeat or separate with commas).")
    List<String> only = new ArrayList<>();

    @Option(
        names = "--json",
        description =
            "One JSON object per source instead of a line of text: {\"id\", \"type\", \"name\","
                + " \"url\", \"verdict\" (ok, failed, off), \"status\", \"millis\", \"items\","
                + " \"newest\", \"failure\", \"why\"}.")
    boolean json;

    @Option(
        names = "--parallel",
        paramLabel = "N",
        defaultValue = "4",
        description = "Hosts polled at once (1 to 16). Default: ${DEFAULT-VALUE}.")
    int parallel;

    @Option(
        names = "--timeout",
        paramLabel = "DURATION",
        defaultValue = "20s",
        description = "The longest one fetch may take. Default: ${DEFAULT-VALUE}.")
    Duration timeout;

    /** The environment variables the sources file reads; tests put their own. */
    Map<String, String> env = System.getenv();

    @Override
    public Integer call() throws Exception {
      if (parallel < 1 || parallel > 16) {
        throw new ParameterException(
            spec.commandLine(), "--parallel must be from 1 to 16, not " + parallel);
      }
      if (timeout.isZero() || timeout.isNegative()) {
        throw new ParameterException(spec.commandLine(), "--timeout must be positive");
      }
      if (!Files.isRegularFile(sources)) {
        throw new UserError("no sources file at " + sources.toAbsolutePath());
      }
      SourcesFile file = chosen(SourcesFile.load(sources, env));
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      long hosts = file.sources().stream().map(s -> s.url().getHost()).distinct().count();
      err.printf(
          "Checking %d sources on %d hosts from %s (%d hosts at a time; robots.txt obeyed)%n",
          file.sources().size(), hosts, sources, Math.min(parallel, Math.max(1, hosts)));
      err.flush();
      SourceCheck check =
          new SourceCheck(
              poller(file, POLITENESS), SourceCheck.HOST_GAP, POLITENESS.maxCrawlDelay(), parallel);
      List<Outcome> outcomes =
          check.check(
              file,
              outcome -> {
                synchronized (out) {
                  out.println(json ? json(outcome) : line(outcome));
                  out.flush();
                }
              });
      long failed = outcomes.stream().filter(Outcome::failed).count();
      long off = outcomes.stream().filter(o -> o.verdict() == SourceCheck.Verdict.OFF).count();
      String summary =
          String.format(
              Locale.ROOT,
              "%d sources: %d ok, %d failed, %d off",
              outcomes.size(),
              outcomes.size() - failed - off,
              failed,
              off);
      (json ? err : out).println(summary);
      (json ? err : out).flush();
      return failed == 0 ? 0 : ANY_FAILED;
    }

    /** The file with only the sources of {@code --only}; every id named must exist. */
    private SourcesFile chosen(SourcesFile file) {
      if (only.isEmpty()) {
        return file;
      }
      Set<String> wanted = new LinkedHashSet<>(only);
      Set<String> known = new LinkedHashSet<>();
      file.sources().forEach(s -> known.add(s.id()));
      file.off().forEach(o -> known.add(o.id()));
      List<String> unknown = wanted.stream().filter(Predicate.not(known::contains)).toList();
      if (!unknown.isEmpty()) {
        throw new UserError(
            "no source "
                + String.join(", ", unknown)
                + " in "
                + sources
                + "; its sources are "
                + String.join(", ", known));
      }
      List<SourceDefinition> kept =
          file.sources().stream().filter(s -> wanted.contains(s.id())).toList();
      List<SourcesFile.Off> keptOff =
          file.off().stream().filter(o -> wanted.contains(o.id())).toList();
      return new SourcesFile(kept, file.allowPrivate(), keptOff);
    }

    private FeedPoller poller(SourcesFile file, PolitenessSettings politeness) {
      SafeHttpClient http = new SafeHttpClient(HttpSettings.defaults().withRequestTimeout(timeout));
      RobotsCache robots =
          new RobotsCache(
              http, Clock.systemUTC(), politeness.robotsTtl(), politeness.robotsFailureTtl());
      return new FeedPoller(http, new FeedParser(), Clock.systemUTC(), file.allowPrivate(), robots);
    }

    static String line(Outcome o) {
      String head = String.format(Locale.ROOT, "%-6s  %-24s  %-16s", o.verdict(), o.id(), o.type());
      if (o.verdict() == SourceCheck.Verdict.OFF) {
        return head + "  " + o.why();
      }
      String status = o.httpStatus() == 0 ? "no answer" : "HTTP " + o.httpStatus();
      String time = String.format(Locale.ROOT, "%.1f s", o.time().toMillis() / 1000.0);
      StringBuilder line =
          new StringBuilder(head)
              .append("  ")
              .append(String.format(Locale.ROOT, "%-9s  %7s  ", status, time));
      if (o.failed()) {
        line.append(o.failure()).append(": ").append(o.why());
      } else {
        line.append(o.items()).append(o.items() == 1 ? " item" : " items");
        if (o.newest() != null) {
          line.append(", newest ").append(o.newest().truncatedTo(ChronoUnit.MINUTES));
        }
        if (o.why() != null) {
          line.append(" (").append(o.why()).append(')');
        }
      }
      return line.toString();
    }

    static String json(Outcome o) {
      ObjectNode node = Json.MAPPER.createObjectNode();
      node.put("id", o.id());
      node.put("type", o.type());
      node.put("name", o.name());
      node.put("url", o.url().toString());
      node.put("verdict", o.verdict().name().toLowerCase(Locale.ROOT));
      node.put("status", o.httpStatus() == 0 ? null : o.httpStatus()); // null when no answer
      node.put("millis", o.time().toMillis());
      node.put("items", o.items());
      node.put("newest", o.newest() == null ? null : o.newest().toString());
      node.put("failure", o.failure());
      node.put("why", o.why());
      return node.toString();
    }
  }
}
