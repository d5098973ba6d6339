package dev.bellwether.ingest.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed sources file.
 *
 * <pre>{@code
 * sources:
 *   - id: openai-news
 *     type: rss                 # rss covers RSS and Atom; the default
 *     name: OpenAI News         # optional, defaults to the id
 *     url: https://openai.com/news/rss.xml
 *     interval: 10m             # 30s, 10m, 1h, 1d; default 15m; at least 30s
 *     min-interval: 3m          # optional bounds for adaptive polling
 *     max-interval: 1h
 *   - id: alphabet-sec
 *     type: edgar               # also federal-register and html; see docs/configuration.md
 *     cik: "0001652044"
 *     forms: [8-K, S-1, D]
 * network:
 *   allow-private: false        # loopback and private addresses are refused unless true
 * edgar:
 *   user-agent: "Example Research ops@example.com"   # or BELLWETHER_EDGAR_USER_AGENT
 * }</pre>
 *
 * <p>{@code ${NAME}} in any value is replaced from the variables given (usually the environment);
 * {@code BELLWETHER_EDGAR_USER_AGENT} among them overrides {@code edgar.user-agent}.
 *
 * @param sources the definitions, in file order, ids unique
 * @param allowPrivate {@code network.allow-private}: whether sources may resolve to loopback or
 *     private addresses
 */
public record SourcesFile(List<SourceDefinition> sources, boolean allowPrivate) {
  /**
   * The variable holding the User-Agent SEC requires of EDGAR clients; it fills {@code
   * edgar.user-agent} when the file leaves it out, and the page fetcher reads it too.
   */
  public static final String EDGAR_USER_AGENT_VARIABLE = "BELLWETHER_EDGAR_USER_AGENT";

  public SourcesFile {
    sources = List.copyOf(sources);
  }

  /**
   * Parses and validates {@code yaml}.
   *
   * @param origin the file name used in problem messages
   * @throws SourcesException listing every problem found, each with its line
   */
  public static SourcesFile parse(String yaml, String origin, Map<String, String> variables) {
    return new SourcesFileReader(origin, variables).read(yaml);
  }

  /**
   * Reads, parses and validates the file at {@code file}.
   *
   * @throws SourcesException if it cannot be read or has problems
   */
  public static SourcesFile load(Path file, Map<String, String> variables) {
    String yaml;
    try {
      yaml = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new SourcesException(
          file.toString(), List.of(file + ": cannot read the sources file (" + e + ")"));
    }
    return parse(yaml, file.toString(), variables);
  }

  /** The definition with {@code id}, if any. */
  public Optional<SourceDefinition> find(String id) {
    return sources.stream().filter(s -> s.id().equals(id)).findFirst();
  }
}
