package dev.bellwether.ingest.source;

import java.io.IOException;
import java.net.URI;
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
 * <p>EDGAR sources are off, not refused, while no User-Agent is given at all: the default file
 * lists them so that setting {@code BELLWETHER_EDGAR_USER_AGENT} is all it takes to poll them. A
 * User-Agent that is given but has no contact address is still a problem.
 *
 * @param sources the definitions to poll, in file order, ids unique
 * @param allowPrivate {@code network.allow-private}: whether sources may resolve to loopback or
 *     private addresses
 * @param off sources that are defined but not polled, in file order, each with why
 */
public record SourcesFile(List<SourceDefinition> sources, boolean allowPrivate, List<Off> off) {
  /**
   * The variable holding the User-Agent SEC requires of EDGAR clients; it fills {@code
   * edgar.user-agent} when the file leaves it out, and the page fetcher reads it too.
   */
  public static final String EDGAR_USER_AGENT_VARIABLE = "BELLWETHER_EDGAR_USER_AGENT";

  /**
   * A source that is defined but not polled.
   *
   * @param id, type, name, url as its definition would have them
   * @param reason one sentence: why it is off and what turns it on
   */
  public record Off(String id, String type, String name, URI url, String reason) {}

  /** What an EDGAR source that is off because no User-Agent is set says. */
  public static final String EDGAR_OFF_REASON =
      "off: SEC EDGAR needs a User-Agent with a contact address; set "
          + EDGAR_USER_AGENT_VARIABLE
          + "=\"Your Org you@example.com\" to poll it";

  public SourcesFile {
    sources = List.copyOf(sources);
    off = List.copyOf(off);
  }

  /** Sources to poll, none off. */
  public SourcesFile(List<SourceDefinition> sources, boolean allowPrivate) {
    this(sources, allowPrivate, List.of());
  }

  /**
   * One line for the log when sources are off ({@code 6 edgar sources are off until
   * BELLWETHER_EDGAR_USER_AGENT is set: a, b, ...}); empty when none are.
   */
  public Optional<String> offNotice() {
    if (off.isEmpty()) {
      return Optional.empty();
    }
    List<String> ids = off.stream().map(Off::id).toList();
    return Optional.of(
        ids.size()
            + (ids.size() == 1 ? " edgar source is" : " edgar sources are")
            + " off until "
            + EDGAR_USER_AGENT_VARIABLE
            + " is set (\"Your Org you@example.com\"): "
            + String.join(", ", ids));
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
