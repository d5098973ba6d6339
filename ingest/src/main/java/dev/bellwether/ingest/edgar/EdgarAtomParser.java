package dev.bellwether.ingest.edgar;

import static dev.bellwether.ingest.feed.IsoTimes.date;
import static dev.bellwether.ingest.feed.IsoTimes.instant;

import dev.bellwether.ingest.feed.FeedParseException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads EDGAR's per-company Atom feed ({@code browse-edgar?action=getcompany&output=atom}): the
 * company from {@code <company-info>} in the header, one {@link EdgarFiling} per {@code <entry>}
 * from its {@code <content type="text/xml">} ({@code accession-number}, {@code filing-date}, {@code
 * filing-href}, {@code filing-type}, {@code form-name}, {@code items-desc}).
 *
 * <p>EDGAR spells the accession element {@code accession-nunber}; both spellings are read, and the
 * entry's {@code id} ({@code urn:tag:sec.gov,2008:accession-number=...}) is the last resort.
 * Entries without an accession number, form or http(s) link are skipped. DOCTYPEs are refused, so
 * no entity is ever expanded or fetched. Thread-safe.
 */
public final class EdgarAtomParser {
  static final ZoneId EASTERN = ZoneId.of("America/New_York");

  private static final String ACCESSION_IN_ID = "accession-number=";

  private EdgarAtomParser() {}

  /**
   * The filings listed in {@code body}.
   *
   * @param feedUrl resolves relative links
   * @param company the company name to use if the feed names none
   * @param cik the CIK to use if the feed gives none
   * @throws FeedParseException if the body is not an EDGAR Atom feed
   */
  public static List<EdgarFiling> parse(byte[] body, URI feedUrl, String company, String cik) {
    Element feed = read(body).getDocumentElement();
    if (!"feed".equals(localName(feed))) {
      throw new FeedParseException(
          "The document is not an EDGAR Atom feed: its root element is <" + localName(feed) + ">.",
          null);
    }
    Element info = child(feed, "company-info");
    String name = orElse(text(info, "conformed-name"), company);
    String feedCik = orElse(text(info, "cik"), cik);
    List<EdgarFiling> filings = new ArrayList<>();
    for (Element entry : children(feed, "entry")) {
      EdgarFiling filing = filing(entry, feedUrl, name, feedCik);
      if (filing != null) {
        filings.add(filing);
      }
    }
    return filings;
  }

  private static @Nullable EdgarFiling filing(
      Element entry, URI feedUrl, String company, String cik) {
    Element content = child(entry, "content");
    String accession = accession(entry, content);
    String form = orElse(text(content, "filing-type"), categoryTerm(entry));
    URI link = link(feedUrl, orElse(text(content, "filing-href"), alternateHref(entry)));
    if (accession.isEmpty() || form.isEmpty() || link == null) {
      return null;
    }
    return new EdgarFiling(
        accession,
        form,
        company,
        cik,
        date(text(content, "filing-date")),
        link,
        description(content),
        instant(text(entry, "updated")));
  }

  private static String accession(Element entry, @Nullable Element content) {
    String accession = orElse(text(content, "accession-number"), text(content, "accession-nunber"));
    if (!accession.isEmpty()) {
      return accession;
    }
    String id = orElse(text(entry, "id"), "");
    int at = id.indexOf(ACCESSION_IN_ID);
    return at < 0 ? "" : id.substring(at + ACCESSION_IN_ID.length()).trim();
  }

  private static @Nullable String description(@Nullable Element content) {
    String formName = text(content, "form-name");
    String items = text(content, "items-desc");
    if (formName == null) {
      return items;
    }
    return items == null ? formName : formName + "; " + items;
  }

  private static @Nullable String categoryTerm(Element entry) {
    Element category = child(entry, "category");
    return category == null || category.getAttribute("term").isBlank()
        ? null
        : category.getAttribute("term").trim();
  }

  private static @Nullable String alternateHref(Element entry) {
    for (Element link : children(entry, "link")) {
      String rel = link.getAttribute("rel");
      if (rel.isEmpty() || rel.equals("alternate")) {
        return link.getAttribute("href").trim();
      }
    }
    return null;
  }

  private static @Nullable URI link(URI base, @Nullable String href) {
    return dev.bellwether.ingest.identity.WebLinks.resolve(base, href);
  }

  private static Document read(byte[] body) {
    if (body.length == 0) {
      throw new FeedParseException("The document is empty.", null);
    }
    try {
      DocumentBuilder builder = secureFactory().newDocumentBuilder();
      builder.setErrorHandler(new DefaultHandler());
      return builder.parse(new InputSource(new ByteArrayInputStream(body)));
    } catch (SAXParseException e) {
      throw new FeedParseException(describe(e), e);
    } catch (SAXException | IOException e) {
      throw new FeedParseException("The EDGAR feed could not be read: " + e.getMessage(), e);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a security feature", e);
    }
  }

  private static String describe(SAXParseException e) {
    String message = String.valueOf(e.getMessage());
    if (message.contains("DOCTYPE")) {
      return "The document declares a DOCTYPE, which is refused to prevent entity attacks.";
    }
    return "The document is not well-formed XML (line " + e.getLineNumber() + "): " + message;
  }

  private static DocumentBuilderFactory secureFactory() throws ParserConfigurationException {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
    factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
    factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    factory.setXIncludeAware(false);
    factory.setExpandEntityReferences(false);
    return factory;
  }

  private static @Nullable Element child(@Nullable Element parent, String name) {
    List<Element> found = parent == null ? List.of() : children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element && name.equals(localName(n))) {
        found.add((Element) n);
      }
    }
    return found;
  }

  private static @Nullable String text(@Nullable Element parent, String name) {
    Element element = child(parent, name);
    String text = element == null ? "" : element.getTextContent().trim();
    return text.isEmpty() ? null : text;
  }

  private static String localName(Node node) {
    return node.getLocalName() != null ? node.getLocalName() : node.getNodeName();
  }

  private static String orElse(@Nullable String value, @Nullable String otherwise) {
    return value != null ? value : otherwise == null ? "" : otherwise;
  }
}
