package dev.bellwether.ingest.feed;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Mends the defects that make real feeds ill-formed XML, in one linear pass over the text: bare
 * ampersands and less-than signs are escaped, references to undefined entities kept as text,
 * characters XML forbids dropped, a misplaced XML declaration and junk after the root element
 * removed, unclosed CDATA sections, comments and elements closed (a truncated download), stray end
 * tags dropped, a DOCTYPE that declares nothing dropped (the HTML entities stay defined), and
 * undeclared namespace prefixes declared. Only used after a strict parse failed, so a feed that is
 * fine is never changed.
 */
final class FeedRepair {
  private static final Pattern REFERENCE =
      Pattern.compile("&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|([A-Za-z_][A-Za-z0-9._-]{0,31}));");
  private static final Pattern ENTITY_DECLARATION =
      Pattern.compile("<!ENTITY\\s+([A-Za-z_][A-Za-z0-9._-]*)");
  private static final Pattern DOCTYPE_END = Pattern.compile("\\]\\s*>");
  private static final Pattern PREFIXED_NAME =
      Pattern.compile("(?:^|\\s)([A-Za-z_][\\w.-]*):[\\w.-]+");
  private static final Pattern XMLNS = Pattern.compile("xmlns:([A-Za-z_][\\w.-]*)\\s*=");
  private static final Set<String> PREDEFINED = Set.of("amp", "lt", "gt", "quot", "apos");
  private static final Map<String, String> KNOWN_NAMESPACES =
      Map.of(
          "itunes", "http://www.itunes.com/dtds/podcast-1.0.dtd",
          "media", "http://search.yahoo.com/mrss/",
          "dc", "http://purl.org/dc/elements/1.1/",
          "content", "http://purl.org/rss/1.0/modules/content/",
          "atom", "http://www.w3.org/2005/Atom",
          "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#");

  /** The mended text and what had to be mended, in words. */
  record Repaired(String text, List<String> fixes) {}

  private final String in;
  private final StringBuilder out;
  private final Set<String> fixes = new LinkedHashSet<>();
  private final Set<String> declaredEntities = new HashSet<>();
  private final Set<String> usedPrefixes = new HashSet<>();
  private final Set<String> declaredPrefixes = new HashSet<>();
  private final Deque<String> open = new ArrayDeque<>();
  private int rootNameEnd = -1;
  private boolean rootClosed;
  private int i;

  private FeedRepair(String in) {
    this.in = in;
    this.out = new StringBuilder(in.length() + 64);
  }

  static Repaired repair(String text) {
    FeedRepair repair = new FeedRepair(text);
    repair.run();
    return new Repaired(repair.out.toString(), List.copyOf(repair.fixes));
  }

  private void run() {
    while (i < in.length()) {
      char c = in.charAt(i);
      if (c == '<') {
        markup();
      } else if (c == '&') {
        reference();
      } else {
        character(c);
      }
    }
    closeOpenElements();
    declareMissingPrefixes();
  }

  private void markup() {
    if (in.startsWith("<![CDATA[", i)) {
      section("]]>", "an unclosed CDATA section was closed");
    } else if (in.startsWith("<!--", i)) {
      section("-->", "an unclosed comment was closed");
    } else if (in.startsWith("<?", i)) {
      processingInstruction();
    } else if (in.startsWith("<!", i)) {
      doctype();
    } else if (in.startsWith("</", i)) {
      endTag();
    } else if (i + 1 < in.length() && isNameStart(in.charAt(i + 1))) {
      startTag();
    } else {
      out.append("&lt;");
      fixes.add("a bare '<' was escaped");
      i++;
    }
  }

  private void section(String terminator, String fix) {
    int end = in.indexOf(terminator, i + 4);
    if (end < 0) {
      out.append(in, i, in.length()).append(terminator);
      fixes.add(fix);
      i = in.length();
    } else {
      out.append(in, i, end + terminator.length());
      i = end + terminator.length();
    }
  }

  private void processingInstruction() {
    int end = in.indexOf("?>", i + 2);
    boolean declaration = in.regionMatches(true, i, "<?xml", 0, 5) && isSpaceAt(i + 5);
    if (end < 0) {
      fixes.add("a truncated processing instruction was dropped");
      i = in.length();
    } else if (declaration && !out.toString().isBlank()) {
      fixes.add("a misplaced XML declaration was dropped");
      i = end + 2;
    } else {
      if (declaration && !out.isEmpty()) {
        out.setLength(0);
        fixes.add("blank space before the XML declaration was removed");
      }
      out.append(in, i, end + 2);
      i = end + 2;
    }
  }

  private void doctype() {
    int close = in.indexOf('>', i);
    int bracket = in.indexOf('[', i);
    int end;
    if (bracket >= 0 && close > bracket) {
      Matcher m = DOCTYPE_END.matcher(in);
      end = m.find(bracket) ? m.end() : -1;
    } else {
      end = close < 0 ? -1 : close + 1;
    }
    if (end < 0) {
      fixes.add("a truncated DOCTYPE was dropped");
      i = in.length();
      return;
    }
    String doctype = in.substring(i, end);
    i = end;
    if (bracket < 0 || bracket > close) {
      fixes.add("a DOCTYPE without declarations was dropped");
      return;
    }
    Matcher m = ENTITY_DECLARATION.matcher(doctype);
    while (m.find()) {
      declaredEntities.add(m.group(1));
    }
    out.append(doctype);
  }

  private void startTag() {
    int end = tagEnd(i + 1);
    if (end < 0) {
      fixes.add("a truncated tag was dropped");
      i = in.length();
      return;
    }
    String tag = in.substring(i, end + 1);
    String name = tagName(tag, 1);
    i = end + 1;
    if (rootClosed) {
      fixes.add("content after the root element was dropped");
      skipElement(name, tag.endsWith("/>"));
      return;
    }
    notePrefixes(tag);
    if (rootNameEnd < 0) {
      rootNameEnd = out.length() + 1 + name.length();
    }
    out.append(escapeTag(tag));
    if (tag.endsWith("/>")) {
      rootClosed = open.isEmpty();
    } else {
      open.push(name);
    }
  }

  private void endTag() {
    int end = in.indexOf('>', i);
    if (end < 0) {
      fixes.add("a truncated end tag was dropped");
      i = in.length();
      return;
    }
    String name = tagName(in.substring(i, end + 1), 2);
    i = end + 1;
    if (!open.contains(name)) {
      fixes.add("an end tag without a start tag was dropped");
      return;
    }
    while (!open.isEmpty() && !open.peek().equals(name)) {
      out.append("</").append(open.pop()).append('>');
      fixes.add("unclosed elements were closed");
    }
    out.append("</").append(open.pop()).append('>');
    rootClosed = open.isEmpty();
  }

  /** Skips an element found after the root, with everything inside it. */
  private void skipElement(String name, boolean empty) {
    if (!empty) {
      int close = in.indexOf("</" + name, i);
      int end = close < 0 ? -1 : in.indexOf('>', close);
      i = end < 0 ? in.length() : end + 1;
    }
  }

  private void reference() {
    Matcher m = REFERENCE.matcher(in).region(i, in.length());
    if (isDefinedReferenceAt(in, i) && m.lookingAt()) {
      String reference = m.group();
      if (reference.startsWith("&#X")) {
        reference = "&#x" + reference.substring(3);
        fixes.add("'&#X' references were written '&#x'");
      }
      out.append(reference);
      i = m.end();
    } else {
      out.append("&amp;");
      fixes.add("bare '&' and undefined entities were escaped");
      i++;
    }
  }

  private void character(char c) {
    if (rootClosed && !Character.isWhitespace(c)) {
      fixes.add("content after the root element was dropped");
    } else if (isXmlChar(c) || Character.isSurrogate(c) && isPairedSurrogate()) {
      out.append(c);
    } else {
      fixes.add("characters XML forbids were dropped");
    }
    i++;
  }

  private void closeOpenElements() {
    if (!open.isEmpty()) {
      fixes.add("unclosed elements were closed (the document looks truncated)");
    }
    while (!open.isEmpty()) {
      out.append("</").append(open.pop()).append('>');
    }
  }

  private void declareMissingPrefixes() {
    usedPrefixes.removeAll(declaredPrefixes);
    usedPrefixes.removeAll(Set.of("xml", "xmlns"));
    if (usedPrefixes.isEmpty() || rootNameEnd < 0) {
      return;
    }
    StringBuilder declarations = new StringBuilder();
    for (String prefix : usedPrefixes) {
      String uri = KNOWN_NAMESPACES.getOrDefault(prefix, "urn:x-undeclared:" + prefix);
      declarations.append(" xmlns:").append(prefix).append("=\"").append(uri).append('"');
    }
    out.insert(rootNameEnd, declarations);
    fixes.add("undeclared namespace prefixes were declared");
  }

  private void notePrefixes(String tag) {
    Matcher used = PREFIXED_NAME.matcher(" " + tag.substring(1));
    while (used.find()) {
      usedPrefixes.add(used.group(1));
    }
    Matcher declared = XMLNS.matcher(tag);
    while (declared.find()) {
      declaredPrefixes.add(declared.group(1));
    }
  }

  /** The tag with bare ampersands, less-than signs and forbidden characters in values mended. */
  private String escapeTag(String tag) {
    StringBuilder mended = new StringBuilder(tag.length());
    for (int at = 0; at < tag.length(); at++) {
      char c = tag.charAt(at);
      if (c == '&' && !isDefinedReferenceAt(tag, at)) {
        mended.append("&amp;");
        fixes.add("bare '&' and undefined entities were escaped");
      } else if (c == '<' && at > 0) {
        mended.append("&lt;");
      } else if (isXmlChar(c) || Character.isSurrogate(c)) {
        mended.append(c);
      }
    }
    return mended.toString();
  }

  /** The index of the '>' closing the tag that starts before {@code from}, skipping quotes. */
  private int tagEnd(int from) {
    char quote = 0;
    for (int at = from; at < in.length(); at++) {
      char c = in.charAt(at);
      if (quote != 0) {
        quote = c == quote ? 0 : quote;
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return at;
      } else if (c == '<') {
        return -1;
      }
    }
    return -1;
  }

  private static String tagName(String tag, int from) {
    int end = from;
    while (end < tag.length() && isNameChar(tag.charAt(end))) {
      end++;
    }
    return tag.substring(from, end);
  }

  private boolean isDefinedReferenceAt(String text, int at) {
    Matcher m = REFERENCE.matcher(text).region(at, text.length());
    return m.lookingAt() && isDefined(m.group(1)) && isLegalReference(m.group());
  }

  private boolean isDefined(@Nullable String name) {
    return name == null
        || PREDEFINED.contains(name)
        || declaredEntities.contains(name)
        || HtmlEntities.codePoint(name) != null;
  }

  private static boolean isLegalReference(String reference) {
    if (!reference.startsWith("&#")) {
      return true;
    }
    boolean hex = reference.charAt(2) == 'x' || reference.charAt(2) == 'X';
    String digits = reference.substring(hex ? 3 : 2, reference.length() - 1);
    int codePoint = Integer.parseInt(digits, hex ? 16 : 10);
    return codePoint <= Character.MAX_CODE_POINT
        && (codePoint > 0xFFFF || isXmlChar((char) codePoint));
  }

  private boolean isPairedSurrogate() {
    char c = in.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < in.length() && Character.isLowSurrogate(in.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(in.charAt(i - 1));
  }

  private boolean isSpaceAt(int at) {
    return at < in.length() && Character.isWhitespace(in.charAt(at));
  }

  static boolean isXmlChar(char c) {
    return c == '\t'
        || c == '\n'
        || c == '\r'
        || (c >= 0x20 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD);
  }

  private static boolean isNameStart(char c) {
    return Character.isLetter(c) || c == '_' || c == ':';
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '.';
  }
}
