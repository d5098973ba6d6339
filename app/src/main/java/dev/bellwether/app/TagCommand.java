package dev.bellwether.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.bellwether.app.console.LabeledJson;
import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.tagging.CueBook;
import dev.bellwether.core.tagging.Tagger;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bellwether tag}: tags JSON lines of news text with companies and events. */
@Command(
    name = "tag",
    mixinStandardHelpOptions = true,
    description = {
      "Tag news texts with the companies they name and the events they report, offline.",
      "",
      "Reads one JSON object a line, {\"id\", \"text\", \"title\"?}, from --input or stdin, and"
          + " writes one line per input in the labeled set's format (see"
          + " ../shared/eval/README.md): {\"id\", \"companies\", \"events\"}. A line that cannot"
          + " be read gets {\"id\", \"error\"} and the rest go on."
    },
    footer = {
      "",
      "Examples:",
      "  echo '{\"id\":\"1\",\"text\":\"Anthropic raised $3.5 billion.\"}' | bellwether tag",
      "  bellwether tag --input news.jsonl > pred.jsonl",
      "  python3 score_events.py --gold events-dev.jsonl --pred pred.jsonl",
      "  bellwether tag --input news.jsonl --companies my.yaml | jq .companies",
      "  bellwether tag --input news.jsonl --cues my-cues.yaml"
    })
final class TagCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--input",
      paramLabel = "FILE.jsonl",
      description = "JSON lines to tag. Default: standard input.")
  @Nullable Path input;

  @Mixin TaggerFiles files = new TaggerFiles();

  @Option(
      names = "--show-cues",
      description = "Print the built-in cues.yaml (a starting point for --cues FILE) and exit.")
  boolean showCues;

  /** Standard input, replaceable in tests. */
  InputStream stdin = System.in;

  @Override
  public Integer call() {
    if (showCues) {
      spec.commandLine().getOut().print(CompanyKnowledgeBase.resource(CueBook.BUILT_IN));
      spec.commandLine().getOut().flush();
      return 0;
    }
    Tagger tagger = files.tagger();
    PrintWriter out = spec.commandLine().getOut();
    try (BufferedReader reader = reader()) {
      int n = 0;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        n++;
        if (!line.isBlank()) {
          out.println(tagLine(tagger, line, n));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.flush();
    return 0;
  }

  private BufferedReader reader() {
    if (input == null) {
      return new BufferedReader(new InputStreamReader(stdin, StandardCharsets.UTF_8));
    }
    try {
      return Files.newBufferedReader(input, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new UserError("no such file: " + input.toAbsolutePath());
    } catch (IOException e) {
      throw new UserError("cannot read " + input.toAbsolutePath() + ": " + e.getMessage());
    }
  }

  /** The output line for one input line: its tagging, or an error naming the line. */
  static String tagLine(Tagger tagger, String line, int number) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      return error(null, "line " + number + " is not JSON: " + e.getOriginalMessage() + ".");
    }
    String id = node.isObject() && node.path("id").isValueNode() ? node.get("id").asText() : null;
    if (id == null || node.get("id").isNull()) {
      return error(null, "line " + number + " has no \"id\".");
    }
    if (!node.path("text").isTextual()) {
      return error(id, "line " + number + " has no \"text\" string.");
    }
    return LabeledJson.prediction(id, tagger.tag(LabeledJson.textToTag(node))).toString();
  }

  private static String error(@Nullable String id, String sentence) {
    return LabeledJson.error(id, sentence).toString();
  }
}
