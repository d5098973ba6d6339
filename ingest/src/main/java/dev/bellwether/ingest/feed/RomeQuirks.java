package dev.bellwether.ingest.feed;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Adjusts a parsed document so that Rome reads feeds it would otherwise refuse or trip over, the
 * way feedparser reads them: an RSS root without a channel, with a version Rome does not know or in
 * a namespace (Userland's); an RSS 1.0 root without a channel; an Atom root in no or another
 * namespace; and Atom 0.3 base64 content (whose padding Rome's decoder mishandles).
 */
final class RomeQuirks {
  static final Namespace ATOM_03 = Namespace.getNamespace("http://purl.org/atom/ns#");
  static final Namespace ATOM_10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");
  static final Namespace RSS_10 = Namespace.getNamespace("http://purl.org/rss/1.0/");
  static final Namespace RSS_090 = Namespace.getNamespace("http://my.netscape.com/rdf/simple/0.9/");
  private static final Set<String> ROME_RSS_VERSIONS =
      Set.of("0.91", "0.92", "0.93", "0.94", "2.0");

  private RomeQuirks() {}

  static void normalize(Document document) {
    Element root = document.getRootElement();
    switch (root.getName()) {
      case "rss" -> normalizeRss(root);
      case "RDF" -> normalizeRdf(root);
      case "feed" -> normalizeAtom(root);
      default -> {}
    }
  }

  private static void normalizeRss(Element rss) {
    if (!rss.getNamespaceURI().isEmpty()) {
      moveNamespace(rss, rss.getNamespace(), Namespace.NO_NAMESPACE);
    }
    String version = rss.getAttributeValue("version");
    if (version == null || !ROME_RSS_VERSIONS.contains(version.strip())) {
      rss.setAttribute("version", "2.0");
    }
    if (rss.getChild("channel") == null) {
      rss.addContent(new Element("channel"));
    }
  }

  private static void normalizeRdf(Element rdf) {
    for (Namespace ns : List.of(RSS_10, RSS_090)) {
      if (hasNamespace(rdf, ns) && rdf.getChild("channel", ns) == null) {
        rdf.addContent(0, new Element("channel", ns));
      }
    }
  }

  private static void normalizeAtom(Element feed) {
    Namespace ns = feed.getNamespace();
    if (!ns.equals(ATOM_03) && !ns.equals(ATOM_10)) {
      String version = feed.getAttributeValue("version");
      moveNamespace(feed, ns, "0.3".equals(version) ? ATOM_03 : ATOM_10);
    }
    if (feed.getNamespace().equals(ATOM_03)) {
      decodeBase64(feed);
    }
  }

  private static boolean hasNamespace(Element element, Namespace ns) {
    return element.getNamespacesInScope().stream().anyMatch(n -> n.getURI().equals(ns.getURI()));
  }

  /** Moves {@code element} and its descendants in namespace {@code from} to {@code to}. */
  private static void moveNamespace(Element element, Namespace from, Namespace to) {
    if (element.getNamespace().equals(from)) {
      element.setNamespace(to);
    }
    for (Element child : element.getChildren()) {
      moveNamespace(child, from, to);
    }
  }

  /** Replaces Atom 0.3 {@code mode="base64"} content with its decoded text. */
  private static void decodeBase64(Element element) {
    if ("base64".equals(element.getAttributeValue("mode"))) {
      try {
        byte[] bytes = Base64.getMimeDecoder().decode(element.getTextTrim());
        element.setText(new String(bytes, StandardCharsets.UTF_8));
        element.setAttribute("mode", "escaped");
      } catch (IllegalArgumentException e) {
        element.setText("");
      }
    }
    for (Element child : element.getChildren()) {
      decodeBase64(child);
    }
  }
}
