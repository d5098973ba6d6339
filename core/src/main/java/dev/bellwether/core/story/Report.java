package dev.bellwether.core.story;

import dev.bellwether.core.tagging.EventType;
import dev.bellwether.core.tagging.MoneyMentions;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * One outlet's report of one event: what a story is built from, with what is needed to tell whether
 * two reports tell the same event. An article that reports two unrelated events gives two reports.
 *
 * <p>Besides what the article says (outlet, URL, publication time, title, a one-line summary, the
 * event), it keeps what later articles are compared with: a fingerprint of title and text, the
 * salient terms of title and lead ({@link Terms}), the money figures of title and lead ({@link
 * MoneyMentions}), whether it describes an AI company ({@link AiContext}), and, read once, the
 * organizations the event names.
 */
public final class Report {
  /** Characters of an article's start kept as its summary. */
  public static final int SUMMARY_LIMIT = 400;

  /** Facts that name organizations taking part in the event. */
  private static final List<String> ORGANIZATION_FACTS =
      List.of("company", "target", "acquirer", "investors", "parties", "authority");

  private final String articleId;
  private final String outlet;
  private final String url;
  private final Instant published;
  private final String title;
  private final String summary;
  private final StoryEvent event;
  private final Fingerprint fingerprint;
  private final List<String> terms;
  private final List<Long> amounts;
  private final long[] amountValues;
  private final boolean aiContext;
  // read once, compared many times: the story stage links each report with many others
  private final Set<String> organizations;
  private final double termWeight;
  private final @Nullable String lead;
  private final Set<String> principals;
  private final @Nullable Long amountUsd;
  private final String identity;

  public Report(
      String articleId,
      String outlet,
      String url,
      Instant published,
      String title,
      String summary,
      StoryEvent event,
      Fingerprint fingerprint,
      List<String> terms,
      List<Long> amounts,
      boolean aiContext) {
    this.articleId = Objects.requireNonNull(articleId, "articleId");
    this.outlet = Objects.requireNonNull(outlet, "outlet");
    this.url = Objects.requireNonNull(url, "url");
    this.published = Objects.requireNonNull(published, "published");
    this.title = Objects.requireNonNull(title, "title");
    this.summary = Objects.requireNonNull(summary, "summary");
    this.event = Objects.requireNonNull(event, "event");
    this.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
    this.terms = List.copyOf(new TreeSet<>(terms));
    this.amounts = List.copyOf(new TreeSet<>(amounts));
    this.amountValues = this.amounts.stream().mapToLong(Long::longValue).toArray();
    this.aiContext = aiContext;
    this.organizations = Collections.unmodifiableSet(readOrganizations(event));
    TermWeights weights = TermWeights.builtIn();
    double w = 0;
    for (String t : this.terms) {
      w += weights.weight(t);
    }
    this.termWeight = w;
    this.lead = readLead(event);
    Set<String> two = new TreeSet<>();
    event.companies().stream().limit(2).forEach(c -> two.add(name(c)));
    this.principals = two.size() == 2 ? Collections.unmodifiableSet(two) : Set.of();
    this.amountUsd = readAmount(event);
    this.identity = url + "\n" + event.type() + "\n" + event.lead().orElse("");
  }

  /**
   * Whether its title names one of the organizations it is about: the article's headline event, not
   * one it tells in passing (an earlier round, a past acquisition, another firm's deal).
   */
  boolean inTitle() {
    String words = " " + name(title) + " ";
    for (String o : organizations) {
      if (words.contains(" " + o + " ")) {
        return true;
      }
    }
    return false;
  }

  /** What makes a report itself: its article, event type and lead company. */
  String identity() {
    return identity;
  }

  private static @Nullable Long readAmount(StoryEvent event) {
    try {
      return event
          .fact("amount_usd")
          .map(v -> new java.math.BigDecimal(v).longValue())
          .orElse(null);
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }

  /** The lead company, lower-cased; null when the event names none. */
  @Nullable String lead() {
    return lead;
  }

  /**
   * The two companies the event is most about, lower-cased (its first two: a stake's buyer and
   * seller, an investor and the company it backs, whichever an outlet names first); empty when it
   * names fewer.
   */
  Set<String> principals() {
    return principals;
  }

  /** The event's amount in US dollars, if it gives one as a number. */
  @Nullable Long amountUsd() {
    return amountUsd;
  }

  public String articleId() {
    return articleId;
  }

  public String outlet() {
    return outlet;
  }

  public String url() {
    return url;
  }

  public Instant published() {
    return published;
  }

  /** The article's title, the story's headline when this is its earliest source. */
  public String title() {
    return title;
  }

  /** The start of the article's text on one line (at most {@value #SUMMARY_LIMIT} characters). */
  public String summary() {
    return summary;
  }

  public StoryEvent event() {
    return event;
  }

  /** Of the article's title and text, for syndicated copies. */
  public Fingerprint fingerprint() {
    return fingerprint;
  }

  /** The salient terms of its title and lead ({@link Terms}), sorted. */
  public List<String> terms() {
    return terms;
  }

  /** The summed weight of its terms ({@link TermWeights}). */
  double termWeight() {
    return termWeight;
  }

  /** The amounts of money its title and lead write ({@link MoneyMentions}), ascending. */
  public List<Long> amounts() {
    return amounts;
  }

  /** {@link #amounts} as an ascending array, for the link test. */
  long[] amountValues() {
    return amountValues;
  }

  /** Whether its title or lead describes an AI company ({@link AiContext}). */
  public boolean aiContext() {
    return aiContext;
  }

  /** A report whose fingerprint, terms and summary are read from the article's title and text. */
  public static Report of(
      String articleId,
      String outlet,
      String url,
      Instant published,
      String title,
      String text,
      StoryEvent event) {
    return new Report(
        articleId,
        outlet,
        url,
        published,
        title,
        summary(text),
        event,
        Fingerprint.of(title + "\n\n" + text),
        Terms.of(title, text),
        MoneyMentions.of(title + "\n" + text),
        AiContext.of(title, text));
  }

  /** The source this report adds to a story. */
  public Source source() {
    return new Source(outlet, url, published);
  }

  /**
   * Every organization the event names, lower-cased: its companies and the organizations of its
   * facts (company, target, acquirer, investors, parties, authority).
   */
  public Set<String> organizations() {
    return organizations;
  }

  private static Set<String> readOrganizations(StoryEvent event) {
    Set<String> out = new TreeSet<>();
    event.companies().forEach(c -> out.add(name(c)));
    for (String key : ORGANIZATION_FACTS) {
      if (StoryEvent.LIST_FACTS.contains(key)) {
        event.listFact(key).forEach(v -> out.add(name(v)));
      } else {
        event.fact(key).ifPresent(v -> out.add(name(v)));
      }
    }
    out.remove("");
    return out;
  }

  /**
   * Who the event is about first: the company raising or listing when the tagger says which (an
   * outlet that leads with the investor still tells the company's round), else the first company
   * named; for an export control that names no company, the authority acting.
   */
  private static @Nullable String readLead(StoryEvent event) {
    Optional<String> raiser =
        event.type() == EventType.FUNDING || event.type() == EventType.IPO
            ? event.fact("company")
            : Optional.empty();
    Optional<String> lead = raiser.isPresent() ? raiser : event.lead();
    if (lead.isEmpty() && event.type() == EventType.EXPORT_CONTROL) {
      lead = event.fact("authority");
    }
    String n = lead.map(Report::name).orElse("");
    return n.isEmpty() ? null : n;
  }

  /** Words that end a company's name without telling it apart ("Figure AI", "Featherless.ai"). */
  private static final Set<String> NAME_ENDINGS =
      Set.of("ai", "inc", "corp", "corporation", "co", "ltd", "llc", "plc", "group", "holdings");

  /**
   * An organization's name as reports compare it: lower case, punctuation as spaces, without the
   * endings of {@link #NAME_ENDINGS} ("Figure AI" and "Figure", "Featherless.ai" and "Featherless
   * AI" are one name).
   */
  static String name(String organization) {
    String[] words =
        organization.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").trim().split(" ");
    int end = words.length;
    while (end > 1 && NAME_ENDINGS.contains(words[end - 1])) {
      end--;
    }
    return String.join(" ", java.util.Arrays.asList(words).subList(0, end));
  }

  /**
   * The text's start on one line: runs of white space as one space, cut at {@value #SUMMARY_LIMIT}
   * characters with an ellipsis. Reads only as much of the text as the summary needs (an article
   * can hold 100,000 characters).
   */
  public static String summary(String text) {
    StringBuilder oneLine = new StringBuilder(SUMMARY_LIMIT + 1);
    boolean space = false;
    for (int i = 0; i < text.length() && oneLine.length() <= SUMMARY_LIMIT; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        space = oneLine.length() > 0;
      } else {
        if (space) {
          oneLine.append(' ');
          space = false;
        }
        oneLine.append(c);
      }
    }
    return oneLine.length() <= SUMMARY_LIMIT
        ? oneLine.toString()
        : oneLine.substring(0, SUMMARY_LIMIT - 1).strip() + "…";
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof Report r
        && articleId.equals(r.articleId)
        && outlet.equals(r.outlet)
        && url.equals(r.url)
        && published.equals(r.published)
        && title.equals(r.title)
        && summary.equals(r.summary)
        && event.equals(r.event)
        && fingerprint.equals(r.fingerprint)
        && terms.equals(r.terms)
        && amounts.equals(r.amounts)
        && aiContext == r.aiContext;
  }

  @Override
  public int hashCode() {
    return Objects.hash(articleId, url, published, event);
  }

  @Override
  public String toString() {
    return "Report[" + articleId + ", " + outlet + ", " + published + ", " + event + "]";
  }
}
