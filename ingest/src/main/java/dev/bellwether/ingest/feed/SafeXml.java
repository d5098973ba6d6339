package dev.bellwether.ingest.feed;

import java.io.IOException;
import java.io.StringReader;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jdom2.Document;
import org.jdom2.input.DOMBuilder;
import org.jspecify.annotations.Nullable;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.ext.EntityResolver2;

/**
 * Parses XML text into a JDOM document without ever reading anything but that text.
 *
 * <p>DOCTYPEs are allowed, because real RSS 0.91 feeds carry Netscape's, but nothing external is
 * loaded: external general and parameter entities are off, and the entity resolver answers every
 * request itself, with an empty document or, for a DTD, with the HTML 4 entity declarations (so
 * {@code &eacute;} reads as a character whether or not the feed has a DOCTYPE). Entity expansion is
 * capped well below anything that could exhaust memory or time ("billion laughs", quadratic
 * blow-up).
 */
final class SafeXml {
  /** The JDK's limit properties; exceeding one is a fatal error naming the limit. */
  private static final String JDK_LIMITS = "http://www.oracle.com/xml/jaxp/properties/";

  static final int ENTITY_EXPANSION_LIMIT = 64_000;
  static final int TOTAL_ENTITY_SIZE_LIMIT = 1_000_000;
  static final int ENTITY_SIZE_LIMIT = 100_000;

  private static final DocumentBuilderFactory FACTORY = factory();

  private SafeXml() {}

  /**
   * The document in {@code xml}.
   *
   * @throws SAXParseException if it is not well-formed, or exceeds an entity limit
   */
  static Document parse(String xml) throws SAXException, IOException {
    DocumentBuilder builder;
    try {
      builder = FACTORY.newDocumentBuilder();
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser cannot be configured", e);
    }
    builder.setEntityResolver(new HtmlEntityResolver());
    builder.setErrorHandler(new Strict());
    String withEntities = XmlPrelude.withEntityDoctype(xml);
    org.w3c.dom.Document dom = builder.parse(new InputSource(new StringReader(withEntities)));
    return new DOMBuilder().build(dom);
  }

  /** Whether a parse failure was a refused entity expansion rather than a syntax error. */
  static boolean isEntityLimit(Exception e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("JAXP00010") || message.contains("entity expansion");
  }

  private static DocumentBuilderFactory factory() {
    DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance();
    f.setNamespaceAware(true);
    f.setValidating(false);
    f.setExpandEntityReferences(true);
    f.setXIncludeAware(false);
    try {
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://xml.org/sax/features/external-general-entities", false);
      f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", true);
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a required feature", e);
    }
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    f.setAttribute(JDK_LIMITS + "entityExpansionLimit", String.valueOf(ENTITY_EXPANSION_LIMIT));
    f.setAttribute(JDK_LIMITS + "totalEntitySizeLimit", String.valueOf(TOTAL_ENTITY_SIZE_LIMIT));
    f.setAttribute(JDK_LIMITS + "maxGeneralEntitySizeLimit", String.valueOf(ENTITY_SIZE_LIMIT));
    f.setAttribute(JDK_LIMITS + "maxParameterEntitySizeLimit", String.valueOf(ENTITY_SIZE_LIMIT));
    return f;
  }

  /** Answers every entity request from memory: the HTML entities for a DTD, else nothing. */
  private static final class HtmlEntityResolver implements EntityResolver2 {
    /**
     * No external subset is added to documents without one: {@link XmlPrelude#withEntityDoctype}
     * adds a DOCTYPE naming the entity DTD instead, which the JDK's DOM parser handles reliably.
     */
    @Override
    public @Nullable InputSource getExternalSubset(String name, @Nullable String baseUri) {
      return null;
    }

    @Override
    public InputSource resolveEntity(
        @Nullable String name,
        @Nullable String publicId,
        @Nullable String baseUri,
        @Nullable String systemId) {
      return isDtd(name)
          ? new InputSource(new StringReader(HtmlEntities.dtd()))
          : new InputSource(new StringReader(""));
    }

    @Override
    public InputSource resolveEntity(String publicId, String systemId) {
      return new InputSource(new StringReader(""));
    }

    /** The JDK's DOM parser names an external DTD subset null, SAX names it "[dtd]". */
    private static boolean isDtd(@Nullable String name) {
      return name == null || name.equals("[dtd]");
    }
  }

  /** Fails on fatal errors only (a non-validating parse) and keeps the parser off stderr. */
  private static final class Strict implements ErrorHandler {
    @Override
    public void warning(SAXParseException e) {}

    @Override
    public void error(SAXParseException e) {}

    @Override
    public void fatalError(SAXParseException e) throws SAXParseException {
      throw e;
    }
  }
}
