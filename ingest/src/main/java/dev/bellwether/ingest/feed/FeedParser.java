package dev.bellwether.ingest.feed;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Document;
import org.jspecify.annotations.Nullable;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Parses the feeds of the real web into {@link FeedEntry} values: RSS 0.90 to 2.0, RSS 1.0 (RDF),
 * Atom 0.3 and 1.0 through Rome; CDF; and JSON Feed 1.0/1.1.
 *
 * <p>The character encoding comes from the byte-order mark, the HTTP charset and the XML
 * declaration, in that order ({@link CharsetSniffer}). DOCTYPEs are allowed but nothing external is
 * ever read and entity expansion is capped ({@link SafeXml}), so XXE and "billion laughs" fail
 * harmlessly. A document that is not well-formed XML gets one repair pass ({@link FeedRepair}); if
 * that parses, the result lists what was wrong in {@link ParsedFeed#problems()}. Anything else is a
 * {@link FeedParseException} whose message is one sentence. Entries without a usable http(s) link
 * are skipped. Thread-safe.
 */
public final class FeedParser {
  /** Summaries longer than this many characters are cut, ending with an ellipsis. */
  static final int MAX_SUMMARY_CHARS = EntryFields.MAX_SUMMARY_CHARS;

  /**
   * The entries of the feed in {@code body}.
   *
   * @param contentType the HTTP {@code Content-Type}, for its charset; may be null
   * @param feedUrl where the feed came from, to resolve relative links
   * @throws FeedParseException if the body is not a feed this parser can read
   */
  public List<FeedEntry> parse(byte[] body, @Nullable String contentType, URI feedUrl) {
    return read(body, contentType, feedUrl).entries();
  }

  public List<FeedEntry> parse(byte[] body, URI feedUrl) {
    return parse(body, null, feedUrl);
  }

  /**
   * The feed in {@code body}, with its format and any problems worked around.
   *
   * @param contentType the HTTP {@code Content-Type}, for its charset and media type; may be null
   * @param feedUrl where the feed came from, to resolve relative links
   * @throws FeedParseException if the body is not a feed this parser can read
   */
  public ParsedFeed read(byte[] body, @Nullable String contentType, URI feedUrl) {
    if (body.length == 0) {
      throw new FeedParseException("The document is empty.", null);
    }
    try {
      return readDocument(body, contentType, feedUrl);
    } catch (FeedParseException e) {
      throw e;
    } catch (RuntimeException | StackOverflowError e) {
      throw new FeedParseException("The feed could not be read: " + Messages.of(e) + ".", e);
    }
  }

  private static ParsedFeed readDocument(byte[] body, @Nullable String contentType, URI feedUrl) {
    CharsetSniffer.Decoded decoded = CharsetSniffer.decode(body, contentType);
    List<String> problems = new ArrayList<>();
    if (decoded.problem() != null) {
      problems.add(decoded.problem());
    }
    if (!XmlPrelude.isFeedMediaType(contentType)) {
      problems.add(
          "The Content-Type " + XmlPrelude.mediaType(contentType) + " is not a feed's media type.");
    }
    String text = decoded.text();
    String charset = decoded.charset().name();
    if (text.isBlank()) {
      throw new FeedParseException("The document is empty.", null);
    }
    if (XmlPrelude.isJsonMediaType(contentType) || XmlPrelude.looksLikeJson(text)) {
      return JsonFeedReader.read(text, charset, feedUrl, problems);
    }
    Document document = parseXml(text, problems);
    noteUndeclaredHtmlEntities(text, problems);
    return toFeed(document, charset, feedUrl, problems);
  }

  /** The XML document, strictly parsed if possible, else after one repair pass. */
  private static Document parseXml(String text, List<String> problems) {
    try {
      return SafeXml.parse(text);
    } catch (SAXException | IOException strict) {
      if (SafeXml.isEntityLimit(strict)) {
        throw new FeedParseException(
            "The document's entities expand beyond safe limits, as in a \"billion laughs\""
                + " attack, so it was refused.",
            strict);
      }
      if (XmlPrelude.looksLikeHtml(text)) {
        throw new FeedParseException("The document is an HTML page, not a feed.", strict);
      }
      FeedRepair.Repaired repaired = FeedRepair.repair(text);
      try {
        Document document = SafeXml.parse(repaired.text());
        problems.add(Messages.notWellFormed(strict) + "; repaired: " + repaired.fixes() + ".");
        return document;
      } catch (SAXException | IOException stillBroken) {
        throw new FeedParseException(Messages.notWellFormed(strict) + ".", strict);
      }
    }
  }

  /** HTML entities in a document without a DOCTYPE are read, but it is not well-formed XML. */
  private static void noteUndeclaredHtmlEntities(String text, List<String> problems) {
    String reference = XmlPrelude.hasDoctype(text) ? null : HtmlEntities.firstReference(text);
    if (reference != null && problems.stream().noneMatch(p -> p.contains("not well-formed"))) {
      problems.add(
          "The document uses HTML entities such as "
              + reference
              + " without a DOCTYPE declaring them; they were read as HTML's.");
    }
  }

  private static ParsedFeed toFeed(
      Document document, String charset, URI feedUrl, List<String> problems) {
    if (CdfReader.isCdf(document.getRootElement())) {
      return new ParsedFeed(
          CdfReader.FORMAT,
          charset,
          CdfReader.entries(document.getRootElement(), feedUrl),
          problems);
    }
    RomeQuirks.normalize(document);
    SyndFeed feed = RomeFeeds.build(document);
    return new ParsedFeed(feed.getFeedType(), charset, SyndEntries.of(feed, feedUrl), problems);
  }

  /** Rome's reading of a parsed document. */
  private static final class RomeFeeds {
    static SyndFeed build(Document document) {
      SyndFeedInput input = new SyndFeedInput();
      input.setPreserveWireFeed(false);
      try {
        return input.build(document);
      } catch (IllegalArgumentException e) {
        throw new FeedParseException(
            "The document is XML but not an RSS, Atom, RDF or CDF feed (its root element is <"
                + document.getRootElement().getQualifiedName()
                + ">).",
            e);
      } catch (FeedException e) {
        throw new FeedParseException("The feed could not be read: " + Messages.of(e) + ".", e);
      }
    }
  }

  /** One-sentence messages from exceptions. */
  static final class Messages {
    private Messages() {}

    static String notWellFormed(Exception e) {
      String where =
          e instanceof SAXParseException p && p.getLineNumber() > 0
              ? " at line " + p.getLineNumber()
              : "";
      return "The document is not well-formed XML" + where + ": " + of(e);
    }

    static String of(Throwable e) {
      Throwable deepest = e;
      while (deepest.getCause() != null && deepest.getCause() != deepest) {
        deepest = deepest.getCause();
      }
      String message = deepest.getMessage() == null ? deepest.toString() : deepest.getMessage();
      message = message.strip().replaceAll("\\s+", " ");
      return message.endsWith(".") ? message.substring(0, message.length() - 1) : message;
    }
  }
}
