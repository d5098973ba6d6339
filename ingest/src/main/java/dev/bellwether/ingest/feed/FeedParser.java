package dev.bellwether.ingest.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Parses RSS (0.9x, 1.0/RDF, 2.0) and Atom (0.3, 1.0) with Rome into {@link FeedEntry} values.
 *
 * <p>Hostile XML is refused: DOCTYPE declarations are disallowed, so neither external entities
 * (XXE) nor entity expansion ("billion laughs") can happen; Rome also turns off external entities
 * and external DTD loading and installs an empty entity resolver. Entries without a usable http(s)
 * link are skipped. Thread-safe.
 */
public final class FeedParser {
  /** Summaries longer than this many characters are cut, ending with an ellipsis. */
  static final int MAX_SUMMARY_CHARS = 8192;

  /**
   * The entries of the feed in {@code body}.
   *
   * @param contentType the HTTP {@code Content-Type}, for its charset; may be null
   * @param feedUrl where the feed came from, to resolve relative links
   * @throws FeedParseException if the body is not a feed this parser accepts
   */
  public List<FeedEntry> parse(byte[] body, @Nullable String contentType, URI feedUrl) {
    if (body.length == 0) {
      throw new FeedParseException("The document is empty.", null);
    }
    SyndFeed feed = read(body, contentType);
    try {
      return entries(feed, base(feed, feedUrl));
    } catch (RuntimeException e) {
      throw new FeedParseException("The feed's entries could not be converted: " + e + ".", e);
    }
  }

  public List<FeedEntry> parse(byte[] body, URI feedUrl) {
    return parse(body, null, feedUrl);
  }

  private static SyndFeed read(byte[] body, @Nullable String contentType) {
    SyndFeedInput input = new SyndFeedInput();
    input.setAllowDoctypes(false);
    input.setPreserveWireFeed(false);
    try (XmlReader reader = xmlReader(new ByteArrayInputStream(body), contentType)) {
      return input.build(reader);
    } catch (ParsingFeedException e) {
      throw new FeedParseException(describe(e), e);
    } catch (FeedException e) {
      throw new FeedParseException("The feed could not be read: " + message(e) + ".", e);
    } catch (IOException e) {
      throw new FeedParseException(
          "The document's character encoding cannot be read: " + message(e) + ".", e);
    } catch (IllegalArgumentException e) {
      throw new FeedParseException("The document is XML but not an RSS or Atom feed.", e);
    } catch (RuntimeException | StackOverflowError e) {
      throw new FeedParseException("The feed could not be read: " + e + ".", e);
    }
  }

  private static XmlReader xmlReader(InputStream in, @Nullable String contentType)
      throws IOException {
    return contentType == null ? new XmlReader(in, true) : new XmlReader(in, contentType, true);
  }

  private static String describe(ParsingFeedException e) {
    String message = message(e);
    if (message.toLowerCase(Locale.ROOT).contains("doctype")) {
      return "The feed declares a DOCTYPE, which is refused to prevent entity attacks (XXE,"
          + " billion laughs).";
    }
    String where = e.getLineNumber() > 0 ? " at line " + e.getLineNumber() : "";
    return "The document is not well-formed XML" + where + ": " + message + ".";
  }

  private static String message(Exception e) {
    Throwable deepest = e;
    while (deepest.getCause() != null && deepest.getCause() != deepest) {
      deepest = deepest.getCause();
    }
    String message = deepest.getMessage() == null ? deepest.toString() : deepest.getMessage();
    message = message.strip().replaceAll("\\s+", " ");
    return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
  }

  private static URI base(SyndFeed feed, URI feedUrl) {
    URI link = absoluteHttp(feedUrl, feed.getLink());
    return link != null ? link : feedUrl;
  }

  private static List<FeedEntry> entries(SyndFeed feed, URI base) {
    List<FeedEntry> entries = new ArrayList<>();
    for (SyndEntry entry : feed.getEntries()) {
      URI link = link(entry, base);
      if (link != null) {
        entries.add(
            new FeedEntry(
                blankToNull(entry.getUri()), link, title(entry), summary(entry), published(entry)));
      }
    }
    return entries;
  }

  private static @Nullable URI link(SyndEntry entry, URI base) {
    URI link = absoluteHttp(base, entry.getLink());
    if (link != null) {
      return link;
    }
    for (SyndLink candidate : entry.getLinks()) {
      String rel = candidate.getRel();
      link =
          rel == null || rel.equals("alternate") ? absoluteHttp(base, candidate.getHref()) : null;
      if (link != null) {
        return link;
      }
    }
    return absoluteHttp(base, entry.getUri());
  }

  /** {@code href} resolved against {@code base}, if the result is an http(s) URL. */
  static @Nullable URI absoluteHttp(URI base, @Nullable String href) {
    if (href == null || href.isBlank()) {
      return null;
    }
    try {
      URI resolved = base.resolve(href.strip());
      String scheme = resolved.getScheme();
      boolean http = scheme != null && scheme.toLowerCase(Locale.ROOT).startsWith("http");
      return http && resolved.getHost() != null ? resolved : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String title(SyndEntry entry) {
    String title = PlainText.of(entry.getTitle());
    return title == null ? "" : title;
  }

  private static @Nullable String summary(SyndEntry entry) {
    String summary = PlainText.of(value(entry.getDescription()));
    if (summary == null) {
      for (SyndContent content : entry.getContents()) {
        summary = summary == null ? PlainText.of(value(content)) : summary;
      }
    }
    if (summary != null && summary.length() > MAX_SUMMARY_CHARS) {
      return summary.substring(0, MAX_SUMMARY_CHARS - 1) + "\u2026";
    }
    return summary;
  }

  private static @Nullable String value(@Nullable SyndContent content) {
    return content == null ? null : content.getValue();
  }

  private static @Nullable Instant published(SyndEntry entry) {
    Date date =
        entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
    return date == null ? null : date.toInstant();
  }

  private static @Nullable String blankToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
