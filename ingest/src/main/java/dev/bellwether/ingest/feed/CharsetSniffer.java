package dev.bellwether.ingest.feed;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Decides how a feed's bytes become characters, in the order of authority of the XML spec and RFC
 * 7303: a byte-order mark first, then the HTTP {@code Content-Type} charset, then the encoding in
 * the XML declaration; without any of these, UTF-16/32 are recognised by the pattern of the first
 * bytes and everything else is UTF-8. Like feedparser, when the authoritative encoding cannot
 * decode the bytes the next candidate is tried (UTF-8, then windows-1252) and the mismatch is
 * reported.
 */
final class CharsetSniffer {
  private static final Pattern CHARSET_PARAM =
      Pattern.compile("(?i);\\s*charset\\s*=\\s*[\"']?\\s*([^\"';\\s]+)");
  private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
  private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Map<String, String> ALIASES =
      Map.of("u8", "UTF-8", "utf", "UTF-8", "u16", "UTF-16", "u32", "UTF-32", "utf32", "UTF-32");

  /** The text of a document, the charset that produced it, and what was wrong on the way. */
  record Decoded(String text, Charset charset, @Nullable String problem) {}

  /** A charset that a byte-order mark or the first bytes reveal, and the mark's length. */
  private record Sniffed(Charset charset, int bomLength) {}

  private CharsetSniffer() {}

  /**
   * The characters of {@code body}.
   *
   * @throws FeedParseException if no candidate encoding decodes the bytes
   */
  static Decoded decode(byte[] body, @Nullable String contentType) {
    Sniffed sniffed = sniff(body);
    if (sniffed != null && sniffed.bomLength() > 0) {
      return decodeWithBom(body, sniffed);
    }
    List<String> problems = new ArrayList<>();
    Set<Charset> candidates = candidates(body, contentType, sniffed, problems);
    noteTextMediaTypeWithoutCharset(body, contentType, problems);
    Charset authoritative = candidates.iterator().next();
    for (Charset candidate : candidates) {
      String text = tryDecode(body, 0, candidate);
      if (text != null) {
        if (!candidate.equals(authoritative)) {
          problems.add(
              "The bytes are not valid "
                  + authoritative.name()
                  + ", so they were read as "
                  + candidate.name()
                  + ".");
        }
        return new Decoded(text, candidate, problems.isEmpty() ? null : problems.get(0));
      }
    }
    throw new FeedParseException(
        "The document's bytes are not valid in "
            + String.join(", ", candidates.stream().map(Charset::name).toList())
            + ", so its characters cannot be read.",
        null);
  }

  private static Decoded decodeWithBom(byte[] body, Sniffed sniffed) {
    String text = tryDecode(body, sniffed.bomLength(), sniffed.charset());
    if (text == null) {
      throw new FeedParseException(
          "The document starts with a "
              + sniffed.charset().name()
              + " byte-order mark but holds bytes that are not valid "
              + sniffed.charset().name()
              + ".",
          null);
    }
    return new Decoded(text, sniffed.charset(), null);
  }

  /** Candidate charsets, most authoritative first; unknown names are noted in {@code problems}. */
  private static Set<Charset> candidates(
      byte[] body, @Nullable String contentType, @Nullable Sniffed sniffed, List<String> problems) {
    Set<Charset> candidates = new LinkedHashSet<>();
    if (sniffed != null) {
      candidates.add(sniffed.charset());
    }
    addNamed(candidates, httpCharset(contentType), "The Content-Type charset", problems);
    String declared = XmlPrelude.declaredEncoding(body, sniffed == null ? null : sniffed.charset());
    if (sniffed == null) {
      addNamed(candidates, declared, "The encoding in the XML declaration", problems);
    }
    candidates.add(StandardCharsets.UTF_8);
    candidates.add(WINDOWS_1252);
    candidates.add(StandardCharsets.ISO_8859_1);
    return candidates;
  }

  /**
   * RFC 3023 read text/xml without a charset as US-ASCII; RFC 7303 defers to the XML declaration,
   * as this class does, but a server sending non-ASCII that way is relying on a reader's mercy.
   */
  private static void noteTextMediaTypeWithoutCharset(
      byte[] body, @Nullable String contentType, List<String> problems) {
    String type = XmlPrelude.mediaType(contentType);
    if (type.startsWith("text/") && httpCharset(contentType) == null && !isAscii(body)) {
      problems.add(
          "The Content-Type " + type + " has no charset, yet the document is not plain ASCII.");
    }
  }

  private static boolean isAscii(byte[] body) {
    for (byte b : body) {
      if (b < 0) {
        return false;
      }
    }
    return true;
  }

  private static void addNamed(
      Set<Charset> candidates, @Nullable String name, String what, List<String> problems) {
    if (name == null) {
      return;
    }
    Charset charset = lookup(name);
    if (charset == null) {
      problems.add(what + " '" + name + "' is not a known encoding.");
    } else if (!isWideUnicode(charset)) {
      candidates.add(charset);
    }
  }

  /** The charset parameter of a {@code Content-Type}, if there is a well-formed one. */
  static @Nullable String httpCharset(@Nullable String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = CHARSET_PARAM.matcher(contentType);
    return m.find() ? m.group(1) : null;
  }

  /** The charset called {@code name}, allowing Python-style aliases; null if unknown. */
  static @Nullable Charset lookup(String name) {
    String key = name.strip().toLowerCase(Locale.ROOT);
    String alias = ALIASES.getOrDefault(key, key.replace('_', '-'));
    try {
      return Charset.forName(alias);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  /**
   * UTF-16 or UTF-32, which a byte-order mark or the first bytes reveal; declaring them for an
   * ASCII-compatible document is a mistake that must not be honoured.
   */
  private static boolean isWideUnicode(Charset charset) {
    String name = charset.name().toUpperCase(Locale.ROOT);
    return name.startsWith("UTF-16") || name.startsWith("UTF-32");
  }

  private static @Nullable Sniffed sniff(byte[] b) {
    if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
      return new Sniffed(UTF_32BE, 4);
    } else if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
      return new Sniffed(UTF_32LE, 4);
    } else if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
      return new Sniffed(StandardCharsets.UTF_8, 3);
    } else if (startsWith(b, 0xFE, 0xFF)) {
      return new Sniffed(StandardCharsets.UTF_16BE, 2);
    } else if (startsWith(b, 0xFF, 0xFE)) {
      return new Sniffed(StandardCharsets.UTF_16LE, 2);
    } else if (startsWith(b, 0x00, 0x00, 0x00, '<')) {
      return new Sniffed(UTF_32BE, 0);
    } else if (startsWith(b, '<', 0x00, 0x00, 0x00)) {
      return new Sniffed(UTF_32LE, 0);
    } else if (startsWith(b, 0x00, '<')) {
      return new Sniffed(StandardCharsets.UTF_16BE, 0);
    } else if (startsWith(b, '<', 0x00)) {
      return new Sniffed(StandardCharsets.UTF_16LE, 0);
    }
    return null;
  }

  private static boolean startsWith(byte[] bytes, int... prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((bytes[i] & 0xFF) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  /** The text, or null if the bytes are not valid in {@code charset}. */
  private static @Nullable String tryDecode(byte[] body, int offset, Charset charset) {
    return dev.bellwether.extract.PageDecoding.strictly(body, offset, charset);
  }
}
