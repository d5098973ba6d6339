package dev.bellwether.ingest.feed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * Checks feed files offline: whether each parses, as what, with how many entries, whether it had to
 * be repaired, and otherwise why not. Never throws for a bad input: a missing, unreadable, empty or
 * binary file is a result with {@code ok == false} and a one-sentence error.
 */
public final class FeedCheck {
  /** Files larger than this are not read. */
  public static final long MAX_FILE_BYTES = 32L * 1024 * 1024;

  private static final URI OFFLINE_BASE = URI.create("https://offline.invalid/feed");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final FeedParser parser;

  public FeedCheck(FeedParser parser) {
    this.parser = Objects.requireNonNull(parser, "parser");
  }

  /**
   * The outcome for one file.
   *
   * @param file the path as given (for a file found in a given directory: that directory joined
   *     with its relative path)
   * @param format the feed's format when it parsed, e.g. {@code rss_2.0}
   * @param error one sentence saying why it is not a usable feed, when it is not
   * @param problems what had to be worked around, when it parsed only after repair
   */
  public record Result(
      String file,
      boolean ok,
      @Nullable String format,
      int entries,
      @Nullable String error,
      List<String> problems) {
    public Result {
      Objects.requireNonNull(file, "file");
      problems = List.copyOf(problems);
    }

    static Result parsed(String file, ParsedFeed feed) {
      return new Result(file, true, feed.format(), feed.entries().size(), null, feed.problems());
    }

    static Result failed(String file, String error) {
      return new Result(file, false, null, 0, error, List.of());
    }

    public boolean recovered() {
      return !problems.isEmpty();
    }

    /** One line of JSON: file, ok, format, entries, error, and recovered/problems if repaired. */
    public String toJson() {
      ObjectNode node = JSON.createObjectNode();
      node.put("file", file).put("ok", ok).put("format", format);
      node.put("entries", entries).put("error", error);
      if (recovered()) {
        node.put("recovered", true);
        problems.forEach(node.putArray("problems")::add);
      }
      try {
        return JSON.writeValueAsString(node);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("a tree of strings always serialises", e);
      }
    }
  }

  /** One result per file: each path given, or every regular file under a given directory. */
  public List<Result> check(List<String> paths) {
    List<Result> results = new ArrayList<>();
    for (String given : paths) {
      results.addAll(checkPath(given));
    }
    return results;
  }

  private List<Result> checkPath(String given) {
    try {
      Path path = Path.of(given);
      if (!Files.isDirectory(path)) {
        return List.of(checkFile(given, path));
      }
      return filesUnder(path).stream().map(file -> checkFile(file.toString(), file)).toList();
    } catch (InvalidPathException e) {
      return List.of(Result.failed(given, "The path is not valid: " + e.getReason() + "."));
    } catch (UncheckedIOException e) {
      return List.of(
          Result.failed(given, "The directory cannot be read: " + FeedParser.Messages.of(e) + "."));
    }
  }

  /** The result for one file, named {@code shown} in the result. */
  public Result checkFile(String shown, Path file) {
    byte[] body;
    try {
      body = read(file);
    } catch (NoSuchFileException e) {
      return Result.failed(shown, "The file does not exist.");
    } catch (IOException | UncheckedIOException e) {
      return Result.failed(shown, "The file cannot be read: " + FeedParser.Messages.of(e) + ".");
    }
    if (body == null) {
      return Result.failed(shown, "The file is larger than " + MAX_FILE_BYTES + " bytes.");
    }
    try {
      return Result.parsed(shown, parser.read(body, null, OFFLINE_BASE));
    } catch (FeedParseException e) {
      return Result.failed(shown, e.getMessage());
    }
  }

  private static byte @Nullable [] read(Path file) throws IOException {
    if (Files.isDirectory(file)) {
      throw new IOException("it is a directory");
    }
    try (InputStream in = Files.newInputStream(file)) {
      byte[] body = in.readNBytes((int) MAX_FILE_BYTES + 1);
      return body.length > MAX_FILE_BYTES ? null : body;
    }
  }

  private static List<Path> filesUnder(Path directory) {
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
