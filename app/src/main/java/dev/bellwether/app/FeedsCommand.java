package dev.bellwether.app;

import dev.bellwether.ingest.feed.FeedCheck;
import dev.bellwether.ingest.feed.FeedParser;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bellwether feeds}: tools for feed documents. */
@Command(
    name = "feeds",
    mixinStandardHelpOptions = true,
    description = {"Work with feed documents (RSS, Atom, RDF, CDF, JSON Feed) offline."},
    subcommands = {FeedsCommand.Check.class},
    footer = {
      "",
      "Examples:",
      "  bellwether feeds check saved-feed.xml",
      "  bellwether feeds check --help"
    })
final class FeedsCommand implements Runnable {
  @Spec CommandSpec spec;

  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "Missing subcommand: try 'feeds check'.");
  }

  /** {@code bellwether feeds check}: parses feed files and reports each as one JSON line. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Parse feed files offline, as the poller would, and print one JSON object per file:",
        "  {\"file\", \"ok\", \"format\", \"entries\", \"error\"}, plus \"recovered\": true and the"
            + " \"problems\" when a broken feed could only be read after repair.",
        "A directory stands for every file under it. Bad input (missing, empty, binary) gets"
            + " ok=false and a one-sentence error; the exit code is 0 once every file was"
            + " examined."
      },
      footer = {
        "",
        "Examples:",
        "  bellwether feeds check feed.xml                   # one line of JSON",
        "  bellwether feeds check downloads/ | jq 'select(.ok | not)'",
        "  bellwether feeds check --format jsonl a.xml b.json | jq -r .format"
      })
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin JsonLinesFormat format;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Feed files or directories.")
    List<String> files;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      FeedCheck check = new FeedCheck(new FeedParser());
      for (String file : files) {
        check.check(List.of(file)).forEach(result -> out.println(result.toJson()));
        out.flush();
      }
      return 0;
    }
  }
}
