package dev.bellwether.core.tagging;

import dev.bellwether.core.ConfigException;
import dev.bellwether.core.company.CompanyKnowledgeBase;
import dev.bellwether.core.text.Regex;
import dev.bellwether.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;

/**
 * The lexicons and patterns of the event cues, read from YAML ({@code cues.yaml}): per event type,
 * the trigger words without one of which a sentence is not read for that type, and the named
 * regular expressions the cue code applies. The code decides how the patterns combine; the file
 * says what words and phrasings count.
 *
 * <p>A pattern is one text or a list of fragments joined without separators, so a long alternation
 * can be split over lines with a comment above each part. {@code {name}} inside a pattern is
 * replaced by the {@code vocabulary} entry of that name. Every problem in the file (syntax, an
 * unknown or missing pattern, a regular expression that does not compile) is reported at once with
 * its line.
 */
public final class CueBook {
  /** The classpath resource holding the built-in cues. */
  public static final String BUILT_IN = "/dev/bellwether/core/tagging/cues.yaml";

  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z][a-z0-9-]*)\\}");

  /** The sections of the file besides the event types, and the pattern names each must define. */
  private static final Map<String, List<String>> REQUIRED = new LinkedHashMap<>();

  static {
    REQUIRED.put(
        "funding",
        List.of(
            "raise",
            "round",
            "round-phrase",
            "invest",
            "into",
            "debt",
            "not-funding",
            "round-name",
            "own-round",
            "led-round",
            "leads-after"));
    REQUIRED.put(
        "export-control",
        List.of(
            "strong",
            "granted",
            "bill",
            "hurts",
            "calls",
            "relaxed",
            "listing",
            "listed",
            "blacklist",
            "item",
            "model",
            "bare-item",
            "abbreviation"));
    REQUIRED.put(
        "partnership",
        List.of(
            "named",
            "person-partner",
            "cue",
            "continues",
            "ended",
            "amended",
            "unnamed",
            "with",
            "arrives",
            "selects",
            "selected-for",
            "person-after",
            "subject-gap"));
    REQUIRED.put(
        "acquisition",
        List.of(
            "cue",
            "stake",
            "noun-cue",
            "possessive-gap",
            "corporate-suffix",
            "passive-gap",
            "relative-gap",
            "acqui-hire",
            "list-gap",
            "subject-gap",
            "goods-after",
            "spac"));
    REQUIRED.put("ipo", List.of("cue"));
    REQUIRED.put(
        "status",
        List.of(
            "reported",
            "negated",
            "speculation",
            "hypothetical-before",
            "question",
            "continuation"));
    REQUIRED.put("context", List.of("epithet", "investor-before"));
  }

  /** Patterns a section may have; a cue book written before they existed still loads. */
  private static final Map<String, List<String>> OPTIONAL =
      Map.of(
          "funding",
          List.of("receive"),
          "status",
          List.of("done", "completed", "clause-break"),
          "context",
          List.of("former-before", "staff-after"));

  private static final List<String> TYPE_KEYS = List.of("triggers", "also-triggers", "patterns");
  private static final List<String> EXPORT_CONTROL_KEYS =
      List.of("triggers", "also-triggers", "authority-triggers", "patterns");

  private final WordLexicon triggers;
  private final boolean[] hasAlso;
  private final Map<String, Regex> patterns;
  private final Map<Regex, Long> patternTriggers;
  private final Map<String, Map<String, Regex>> tables;
  private final Map<String, Set<String>> wordLists;
  private final MoneyParser money;

  private CueBook(
      WordLexicon triggers,
      boolean[] hasAlso,
      Map<String, Regex> patterns,
      Map<Regex, Long> patternTriggers,
      Map<String, Map<String, Regex>> t,
      Map<String, Set<String>> wordLists,
      MoneyParser money) {
    this.wordLists = Map.copyOf(wordLists);
    this.money = money;
    this.patternTriggers = new IdentityHashMap<>(patternTriggers);
    this.triggers = triggers;
    this.hasAlso = hasAlso.clone();
    this.patterns = Map.copyOf(patterns);
    this.tables = Map.copyOf(t);
  }

  /** The cues shipped with Bellwether. */
  public static CueBook builtIn() {
    return parse(CompanyKnowledgeBase.resource(BUILT_IN), "cues.yaml");
  }

  /**
   * Reads cues from YAML.
   *
   * @param origin the file name used in error messages
   * @throws dev.bellwether.core.ConfigException listing every problem in the file
   */
  public static CueBook parse(String yaml, String origin) {
    return new Reader(origin).read(yaml);
  }

  /** The section name of an event type in the file ("export-control"). */
  static String section(EventType type) {
    return type.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /** The flag an event type's trigger words raise in {@link #triggerFlags}. */
  static int flag(EventType type) {
    return 1 << type.ordinal();
  }

  /** The bit of the first pattern-level trigger list; types, authority and also use those below. */
  private static final int FIRST_PATTERN_BIT = 2 * EventType.values().length + 1;

  /** The flag an event type's second trigger words ({@code also-triggers}) raise. */
  private static long alsoFlag(EventType type) {
    return 1L << (EventType.values().length + 1 + type.ordinal());
  }

  /**
   * The event types a sentence is read for, as {@link #flag}s: those with a trigger word, and a
   * second trigger word where the type has {@code also-triggers}.
   */
  int typesToRead(long triggerFlags) {
    int types = 0;
    for (EventType t : EventType.values()) {
      if ((triggerFlags & flag(t)) != 0
          && (!hasAlso[t.ordinal()] || (triggerFlags & alsoFlag(t)) != 0)) {
        types |= flag(t);
      }
    }
    return types;
  }

  /**
   * The flag of the words that name an authority able to impose an export control ("Commerce",
   * "U.S.", "Beijing"): without a company, only such a sentence is read for export controls.
   */
  static final long AUTHORITY = 1L << EventType.values().length;

  /**
   * The flags of the event types whose trigger words occur in {@code text[from, to)}, and {@link
   * #AUTHORITY} when an authority word does.
   */
  long triggerFlags(String text, int from, int to) {
    return triggers.scan(text, from, to);
  }

  /** {@link #triggerFlags} of each sentence of a text. */
  long[] triggerFlags(String text, Sentences sentences) {
    return triggers.scanEach(text, sentences);
  }

  /** Whether a sentence without any company may still hold an event: an authority's control. */
  static boolean mayNeedNoCompany(int types, long triggerFlags) {
    return (types & flag(EventType.EXPORT_CONTROL)) != 0 && (triggerFlags & AUTHORITY) != 0;
  }

  /** The pattern {@code name} of a section ("funding", "raise"). */
  /** An optional pattern of a section ({@code status.done}), if the cue book has it. */
  Optional<Regex> optionalPattern(String section, String name) {
    return Optional.ofNullable(patterns.get(section + "." + name));
  }

  Regex pattern(String section, String name) {
    Regex p = patterns.get(section + "." + name);
    if (p == null) {
      throw new IllegalStateException("no pattern " + section + "." + name + " in the cue book");
    }
    return p;
  }

  /** The reader of amounts of money, over the file's currencies. */
  MoneyParser money() {
    return money;
  }

  /** A named list of words ("not-organizations"). */
  Set<String> words(String name) {
    Set<String> w = wordLists.get(name);
    if (w == null) {
      throw new IllegalStateException("no word list " + name + " in the cue book");
    }
    return w;
  }

  /**
   * Whether the pattern may match a sentence whose words raised {@code triggerFlags}: false only
   * when the pattern has trigger words of its own and the sentence lacks a word of one of its
   * trigger lists (each list is one flag, and every one must be raised).
   */
  boolean mayMatch(Regex p, long triggerFlags) {
    Long need = patternTriggers.get(p);
    return need == null || (triggerFlags & need) == need;
  }

  /**
   * Every pattern of the book by name: {@code section.name} for the sections' patterns, {@code
   * table.key} for the tables' entries.
   */
  Map<String, Regex> everyPattern() {
    Map<String, Regex> all = new java.util.TreeMap<>(patterns);
    tables.forEach((table, entries) -> entries.forEach((k, p) -> all.put(table + "." + k, p)));
    return all;
  }

  /** A named table of patterns ("authorities", "exchanges", "targets"), in file order. */
  Map<String, Regex> table(String name) {
    Map<String, Regex> t = tables.get(name);
    if (t == null) {
      throw new IllegalStateException("no table " + name + " in the cue book");
    }
    return t;
  }

  private static final class Reader {
    private static final List<String> TABLES = List.of("authorities", "exchanges", "targets");
    private static final List<String> WORD_LISTS =
        List.of("not-organizations", "abbreviations", "model-gate");

    private final YamlDocument yaml;
    private final Map<String, String> vocabulary = new LinkedHashMap<>();
    private final List<WordLexicon.Entry> triggers = new ArrayList<>();
    private final boolean[] hasAlso = new boolean[EventType.values().length];
    private final Map<Regex, Long> patternTriggers = new IdentityHashMap<>();
    private int nextPatternBit = FIRST_PATTERN_BIT;
    private final Map<String, Regex> patterns = new LinkedHashMap<>();
    private final Map<String, Map<String, Regex>> tables = new LinkedHashMap<>();
    private final Map<String, Set<String>> wordLists = new LinkedHashMap<>();
    private final Map<String, MoneyParser.Words> currencies = new LinkedHashMap<>();

    Reader(String origin) {
      this.yaml = YamlDocument.of(origin);
    }

    CueBook read(String text) {
      yaml.parse(text, "the event cues: sections, tables, word-lists and money")
          .ifPresent(this::readRoot);
      if (yaml.hasProblems()) {
        throw new ConfigException(yaml.problems());
      }
      return new CueBook(
          WordLexicon.of(triggers),
          hasAlso,
          patterns,
          patternTriggers,
          tables,
          wordLists,
          new MoneyParser(currencies));
    }

    private void readRoot(Node root) {
      List<String> known = new ArrayList<>(List.of("vocabulary"));
      known.addAll(REQUIRED.keySet());
      known.addAll(TABLES);
      known.add("word-lists");
      known.add("money");
      Map<String, Node> top = yaml.mapping(root, "the file", known).orElse(Map.of());
      Node money = top.get("money");
      if (money == null) {
        yaml.problem(root, "missing section 'money'");
      } else {
        readMoney(money);
      }
      Node lists = top.get("word-lists");
      Map<String, Node> named =
          lists == null ? Map.of() : yaml.mapping(lists, "word-lists", WORD_LISTS).orElse(Map.of());
      for (String list : WORD_LISTS) {
        if (!named.containsKey(list)) {
          yaml.problem(lists == null ? root : lists, "missing word list '" + list + "'");
        } else {
          List<String> words = yaml.texts(named.get(list), list);
          wordLists.put(
              list,
              Set.copyOf(
                  !list.equals("not-organizations")
                      ? words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList()
                      : words));
        }
      }
      Node vocab = top.get("vocabulary");
      if (vocab != null) {
        yaml.mapping(vocab, "vocabulary")
            .orElse(Map.of())
            .forEach((k, v) -> yaml.text(v, "vocabulary " + k).ifPresent(t -> put(k, t)));
      }
      for (String section : REQUIRED.keySet()) {
        Node node = top.get(section);
        if (node == null) {
          yaml.problem(root, "missing section '" + section + "'");
          continue;
        }
        readSection(section, node);
      }
      for (String table : TABLES) {
        Node node = top.get(table);
        if (node == null) {
          yaml.problem(root, "missing table '" + table + "'");
          continue;
        }
        Map<String, Regex> entries = new LinkedHashMap<>();
        yaml.mapping(node, table)
            .orElse(Map.of())
            .forEach((k, v) -> compile(table + " " + k, v).ifPresent(p -> entries.put(k, p)));
        tables.put(table, entries);
      }
    }

    private void put(String name, String text) {
      vocabulary.put(name, text);
    }

    private void readSection(String section, Node node) {
      Optional<EventType> type = typeOf(section);
      List<String> keys =
          type.isEmpty()
              ? List.of("patterns")
              : type.get() == EventType.EXPORT_CONTROL ? EXPORT_CONTROL_KEYS : TYPE_KEYS;
      Map<String, Node> entries = yaml.mapping(node, section, keys).orElse(Map.of());
      if (type.isPresent()) {
        readTriggers(section, node, entries.get("triggers"), flag(type.get()), "triggers");
        if (entries.containsKey("also-triggers")) {
          hasAlso[type.get().ordinal()] = true;
          readTriggers(
              section, node, entries.get("also-triggers"), alsoFlag(type.get()), "also-triggers");
        }
      }
      if (type.isPresent() && type.get() == EventType.EXPORT_CONTROL) {
        readTriggers(
            section, node, entries.get("authority-triggers"), AUTHORITY, "authority-triggers");
      }
      Node list = entries.get("patterns");

      if (list == null) {
        yaml.problem(node, section + " needs 'patterns'");
        return;
      }
      Map<String, Node> named = yaml.mapping(list, section + " patterns").orElse(Map.of());
      List<String> required = REQUIRED.get(section);
      List<String> optional = OPTIONAL.getOrDefault(section, List.of());
      for (Map.Entry<String, Node> e : named.entrySet()) {
        if (!required.contains(e.getKey()) && !optional.contains(e.getKey())) {
          yaml.problem(
              e.getValue(),
              "pattern '"
                  + e.getKey()
                  + "' is not used by "
                  + section
                  + " (used: "
                  + String.join(", ", required)
                  + ")");
          continue;
        }
        readPattern(section + "." + e.getKey(), e.getValue())
            .ifPresent(p -> patterns.put(section + "." + e.getKey(), p));
      }
      required.stream()
          .filter(r -> !named.containsKey(r))
          .forEach(r -> yaml.problem(list, section + " is missing pattern '" + r + "'"));
    }

    private void readMoney(Node node) {
      Map<String, Node> money = yaml.mapping(node, "money", List.of("currencies")).orElse(Map.of());
      Node list = money.get("currencies");
      if (list == null) {
        yaml.problem(node, "money needs 'currencies'");
        return;
      }
      for (Map.Entry<String, Node> e :
          yaml.mapping(list, "currencies").orElse(Map.of()).entrySet()) {
        String code = e.getKey();
        if (!code.matches("[A-Z]{3}")) {
          yaml.problem(
              e.getValue(), "currency '" + code + "' must be an ISO code of three capitals");
          continue;
        }
        Map<String, Node> words =
            yaml.mapping(e.getValue(), "currency " + code, List.of("before", "after"))
                .orElse(Map.of());
        List<String> before =
            words.containsKey("before")
                ? yaml.texts(words.get("before"), code + " before")
                : List.of();
        List<String> after =
            words.containsKey("after")
                ? yaml.texts(words.get("after"), code + " after")
                : List.of();
        if (before.isEmpty() && after.isEmpty()) {
          yaml.problem(e.getValue(), "currency " + code + " needs 'before' or 'after' words");
        }
        currencies.put(code, new MoneyParser.Words(before, after));
      }
      if (currencies.isEmpty()) {
        yaml.problem(list, "money needs at least one currency");
      }
    }

    private void readTriggers(String section, Node parent, Node words, long flag, String key) {
      if (words == null) {
        yaml.problem(
            parent,
            section
                + " needs '"
                + key
                + "': the words without which a sentence is not read for this event type");
        return;
      }
      for (String w : yaml.texts(words, section + " " + key)) {
        String word = w.toLowerCase(Locale.ROOT);
        if (!word.matches("[a-z0-9]+\\*?")) {
          yaml.problem(
              words,
              "trigger '"
                  + w
                  + "' must be one word of letters a-z and digits, optionally ending in *");
        } else {
          triggers.add(new WordLexicon.Entry(word, flag));
        }
      }
    }

    /**
     * A pattern: a text, a list of parts, or a mapping with {@code regex} (either form) and {@code
     * triggers}, the words without one of which the pattern is not tried on a sentence.
     */
    private Optional<Regex> readPattern(String what, Node node) {
      if (!(node instanceof MappingNode)) {
        return compile(what, node);
      }
      Map<String, Node> parts =
          yaml.mapping(node, what, List.of("regex", "triggers")).orElse(Map.of());
      Node regex = parts.get("regex");
      if (regex == null) {
        yaml.problem(node, what + " needs 'regex'");
        return Optional.empty();
      }
      Optional<Regex> pattern = compile(what, regex);
      Node words = parts.get("triggers");
      if (pattern.isPresent() && words != null) {
        // a list of words is one trigger list; a list of lists needs a word of each
        List<Node> lists =
            words instanceof SequenceNode seq
                    && !seq.getValue().isEmpty()
                    && seq.getValue().stream().allMatch(n -> n instanceof SequenceNode)
                ? seq.getValue()
                : List.of(words);
        long need = 0;
        for (Node list : lists) {
          if (nextPatternBit >= Long.SIZE) {
            yaml.problem(
                list,
                "too many trigger lists on patterns (at most "
                    + (Long.SIZE - FIRST_PATTERN_BIT)
                    + " in the file)");
            return pattern;
          }
          long bit = 1L << nextPatternBit++;
          readTriggers(what, node, list, bit, "triggers");
          need |= bit;
        }
        patternTriggers.put(pattern.get(), need);
      }
      return pattern;
    }

    private Optional<Regex> compile(String what, Node node) {
      String text;
      if (node instanceof ScalarNode s) {
        text = s.getValue();
      } else {
        text =
            String.join(
                "",
                yaml.sequence(node, what).stream()
                    .map(n -> n instanceof ScalarNode s ? s.getValue() : "")
                    .toList());
      }
      if (text.isEmpty()) {
        yaml.problem(node, what + " is empty");
        return Optional.empty();
      }
      Matcher m = PLACEHOLDER.matcher(text);
      StringBuilder expanded = new StringBuilder();
      while (m.find()) {
        String value = vocabulary.get(m.group(1));
        if (value == null) {
          yaml.problem(
              node, what + " uses {" + m.group(1) + "}, which 'vocabulary' does not define");
          return Optional.empty();
        }
        m.appendReplacement(expanded, Matcher.quoteReplacement(value));
      }
      m.appendTail(expanded);
      try {
        return Optional.of(Regex.compile(expanded.toString()));
      } catch (PatternSyntaxException e) {
        yaml.problem(
            node,
            what
                + " is not a valid regular expression: "
                + e.getDescription()
                + " near index "
                + e.getIndex());
        return Optional.empty();
      }
    }

    private static Optional<EventType> typeOf(String section) {
      for (EventType t : EventType.values()) {
        if (section(t).equals(section)) {
          return Optional.of(t);
        }
      }
      return Optional.empty();
    }
  }
}
