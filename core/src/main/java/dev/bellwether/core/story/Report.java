package dev.bellwether.core.story;

import dev.bellwether.core.tagging.MoneyMentions;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One outlet's report of one event: what a story is built from, with what is needed to tell whether
 * two reports tell the same event. An article that reports two unrelated events gives two reports.
 *
 * @param articleId the article's stable id (the item id)
 * @param outlet the source's name ("Reuters")
 * @param title the article's title, the story's headline when this is its earliest source
 * @param summary the start of the article's text on one line (at most {@value #SUMMARY_LIMIT}
 *     characters)
 * @param fingerprint of the article's title and text, for syndicated copies
 * @param terms the salient terms of its title and lead ({@link Terms}), sorted
 * @param amounts the amounts of money its title and lead write ({@link MoneyMentions}), ascending
 * @param aiContext whether its title or lead describes an AI company ({@link AiContext})
 */
public record Report(
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
  /** Characters of an article's start kept as its summary. */
  public static final int SUMMARY_LIMIT = 400;

  /** Facts that name organizations taking part in the event. */
  private static final List<String> ORGANIZATION_FACTS =
      List.of("company", "target", "acquirer", "investors", "parties", "authority");

  public Report {
    Objects.requireNonNull(articleId, "articleId");
    Objects.requireNonNull(outlet, "outlet");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(published, "published");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(fingerprint, "fingerprint");
    terms = List.copyOf(new TreeSet<>(terms));
    amounts = List.copyOf(new TreeSet<>(amounts));
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
    Set<String> out = new TreeSet<>();
    event.companies().forEach(c -> out.add(c.toLowerCase(Locale.ROOT)));
    for (String key : ORGANIZATION_FACTS) {
      if (StoryEvent.LIST_FACTS.contains(key)) {
        event.listFact(key).forEach(v -> out.add(v.toLowerCase(Locale.ROOT)));
      } else {
        event.fact(key).ifPresent(v -> out.add(v.toLowerCase(Locale.ROOT)));
      }
    }
    return out;
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
}
