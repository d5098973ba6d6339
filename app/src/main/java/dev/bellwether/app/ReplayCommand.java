package dev.bellwether.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bellwether.app.console.AlertLines;
import dev.bellwether.core.ConfigException;
import dev.bellwether.core.tagging.Tagger;
import dev.bellwether.core.watchlist.Watchlist;
import dev.bellwether.processors.BellwetherTopology;
import dev.bellwether.processors.replay.TopologyReplay;
import dev.bellwether.schemas.avro.Alert;
import dev.bellwether.schemas.avro.Article;
import dev.bellwether.schemas.avro.TextOrigin;
import dev.bellwether.schemas.json.JsonLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bellwether replay}: the alerts the processors would give for some articles. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Run the processors' topology offline over articles and print the alerts it would publish:"
          + " how to try watchlist rules before deploying them.",
      "",
      "Reads one JSON object a line: {\"id\", \"source\", \"url\", \"title\", \"text\","
          + " \"published\"} (published: ISO-8601, e.g. 2026-11-20T08:00:00Z). Articles are"
          + " taken in publication order; articles about one event within the story window are"
          + " one story: one NEW alert, then UPDATEs. No broker is needed.",
      "",
      "With --diff-rules OLD.yaml the articles are replayed under OLD.yaml and under the rules"
          + " of --rules (or the built-in watchlist), and only the alerts that differ are"
          + " printed: '+' for alerts the new rules add, '-' for those they remove."
    },
    footer = {
      "",
      "Examples:",
      "  bellwether replay --articles week.jsonl",
      "  bellwether replay --articles week.jsonl --rules my-watchlist.yaml --json | jq .kind",
      "  bellwether replay --articles week.jsonl --rules new.yaml --diff-rules current.yaml"
    })
final class ReplayCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--articles",
      required = true,
      paramLabel = "FILE.jsonl",
      description = "Articles as JSON lines (see above).")
  Path articles;

  @Option(
      names = "--rules",
      paramLabel = "FILE.yaml",
      description = "Watchlist rules. Default: the built-in watchlist (docs/configuration.md).")
  @Nullable Path rules;

  @Option(
      names = "--diff-rules",
      paramLabel = "OLD.yaml",
      description = "Show only the alerts that change from these rules to --rules.")
  @Nullable Path oldRules;

  @Mixin TaggerFiles files = new TaggerFiles();

  @Mixin StoryWindowOption storyWindow = new StoryWindowOption();

  @Option(names = "--json", description = "One alert per line as JSON instead of text.")
  boolean json;

  @Override
  public Integer call() {
    List<Article> input = read(articles);
    Knowledge knowledge =
        Knowledge.load(files.companies, files.cues, rules).withModel(files.model.model);
    Tagger tagger = knowledge.tagger();
    PrintWriter out = spec.commandLine().getOut();
    List<Alert> alerts = replay(tagger, knowledge.watchlist(), input);
    if (oldRules == null) {
      alerts.forEach(a -> out.println(line(a)));
      spec.commandLine()
          .getErr()
          .printf("%d articles, %d alerts%n", input.size(), alerts.size())
          .flush();
    } else {
      Map<String, Alert> before = byStep(replay(tagger, knowledge.watchlist(oldRules), input));
      Map<String, Alert> after = byStep(alerts);
      int changes = 0;
      for (Map.Entry<String, Alert> e : before.entrySet()) {
        if (!after.containsKey(e.getKey())) {
          out.println("- " + line(e.getValue()));
          changes++;
        }
      }
      for (Map.Entry<String, Alert> e : after.entrySet()) {
        if (!before.containsKey(e.getKey())) {
          out.println("+ " + line(e.getValue()));
          changes++;
        }
      }
      spec.commandLine()
          .getErr()
          .printf(
              "%d articles: %d alerts under %s, %d under %s, %d differ%n",
              input.size(),
              before.size(),
              oldRules,
              after.size(),
              rules == null ? "the built-in watchlist" : rules,
              changes)
          .flush();
    }
    out.flush();
    return 0;
  }

  private List<Alert> replay(Tagger tagger, Watchlist watchlist, List<Article> input) {
    BellwetherTopology.Settings settings =
        BellwetherTopology.Settings.builder(tagger, watchlist)
            .storyWindow(storyWindow.window)
            .build();
    return TopologyReplay.alerts(settings, input);
  }

  /**
   * Alerts by what they are a step of: the story, the kind, the rule and the number of sources the
   * story had, so that the same step under two rule files compares equal.
   */
  private static Map<String, Alert> byStep(List<Alert> alerts) {
    Map<String, Alert> out = new LinkedHashMap<>();
    for (Alert a : alerts) {
      out.put(
          a.getStoryId() + "|" + a.getKind() + "|" + a.getRuleId() + "|" + a.getSources().size(),
          a);
    }
    return out;
  }

  private String line(Alert alert) {
    return json ? JsonLines.line(alert) : AlertLines.format(alert);
  }

  /** The articles of the file; every line that cannot be read is reported, none is skipped. */
  static List<Article> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserError("no such file: " + file.toAbsolutePath());
    } catch (IOException e) {
      throw new UserError("cannot read " + file.toAbsolutePath() + ": " + e.getMessage());
    }
    List<Article> out = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank()) {
        continue;
      }
      String where = file.getFileName() + ":" + (i + 1) + ": ";
      try {
        out.add(article(Json.MAPPER.readTree(line)));
      } catch (JsonProcessingException e) {
        problems.add(where + "not JSON: " + e.getOriginalMessage());
      } catch (IllegalArgumentException e) {
        problems.add(where + e.getMessage());
      }
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(problems);
    }
    return out;
  }

  private static Article article(JsonNode n) {
    if (!n.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    for (String key : List.of("id", "url", "text", "published")) {
      if (!n.path(key).isTextual() || n.path(key).asText().isBlank()) {
        throw new IllegalArgumentException("needs a \"" + key + "\" string");
      }
    }
    Instant published;
    try {
      published = Instant.parse(n.get("published").asText());
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "\"published\" is not an ISO-8601 instant such as 2026-11-20T08:00:00Z: "
              + n.get("published").asText());
    }
    String source = n.path("source").asText("replay");
    return Article.newBuilder()
        .setId(n.get("id").asText())
        .setSourceId(source)
        .setOutlet(source)
        .setUrl(n.get("url").asText())
        .setTitle(n.path("title").asText(""))
        .setText(n.get("text").asText())
        .setPublished(published)
        .setDiscovered(published)
        .setTextOrigin(TextOrigin.PAGE)
        .build();
  }
}
