package dev.bellwether.extract;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Turns a page's bytes into characters, trusting in this order what HTML readers trust: a
 * byte-order mark, the {@code charset} of the HTTP {@code Content-Type}, then a {@code <meta
 * charset>} or {@code <meta http-equiv="Content-Type">} in the first {@value #PRESCAN_BYTES} bytes;
 * UTF-8 without any of these. Labels are read as browsers read them: {@code iso-8859-1} and {@code
 * us-ascii} mean windows-1252, and a UTF-16 label on a page without a byte-order mark means UTF-8.
 * Bytes that are not valid in the chosen charset are read as windows-1252 instead, with a note
 * saying so, except a page that is mostly valid UTF-8, whose few broken bytes become U+FFFD. A
 * {@code <meta>} label (not an HTTP one) that other bytes contradict, because the page is valid
 * UTF-8 beyond ASCII, yields to UTF-8, with a note. Never throws for bad input.
 */
public final class PageDecoding {
  /** How far into a page a {@code <meta>} charset is looked for. */
  public static final int PRESCAN_BYTES = 2048;

  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
  private static final Pattern CHARSET_PARAM =
      Pattern.compile("(?i)charset\\s*=\\s*[\"']?\\s*([^\"'\\s;/>]+)");
  private static final Pattern META =
      Pattern.compile("(?is)<meta\\s[^>]*?charset\\s*=\\s*[\"']?\\s*([^\"'\\s;/>]+)");
  private static final Set<String> WINDOWS_1252_LABELS =
      Set.of("iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "cp1252");

  /**
   * A page's text.
   *
   * @param charset the charset that produced the text
   * @param note what was wrong on the way (an unknown label, bytes invalid in the declared
   *     charset), or null
   */
  public record Decoded(String text, Charset charset, @Nullable String note) {}

  private PageDecoding() {}

  /** The characters of {@code body}, whose HTTP {@code Content-Type} was {@code contentType}. */
  public static Decoded decode(byte[] body, @Nullable String contentType) {
    Charset bom = byteOrderMark(body);
    if (bom != null) {
      int skip = bom.equals(StandardCharsets.UTF_8) ? 3 : 2;
      return decodeAs(body, skip, bom, null);
    }
    String label = charsetParameter(contentType);
    String where = "The Content-Type charset";
    if (label == null) {
      label = metaCharset(body);
      where = "The <meta> charset";
    }
    if (label == null) {
      return decodeAs(body, 0, StandardCharsets.UTF_8, null);
    }
    Charset declared = lookup(label);
    if (declared == null) {
      String note = where + " '" + label + "' is not a known encoding, so UTF-8 was assumed.";
      return decodeAs(body, 0, StandardCharsets.UTF_8, note);
    }
    if (contentType == null || charsetParameter(contentType) == null) {
      // a <meta> label is often left behind when a page is re-encoded: bytes that are valid UTF-8,
      // beyond ASCII, are UTF-8 whatever the markup says (legacy encodings are rarely valid UTF-8)
      if (!declared.equals(StandardCharsets.UTF_8) && beyondAscii(body)) {
        String utf8 = strictly(body, 0, StandardCharsets.UTF_8);
        if (utf8 != null) {
          String note =
              where
                  + " '"
                  + label
                  + "' does not match the bytes, which are valid UTF-8; they were read as UTF-8.";
          return new Decoded(utf8, StandardCharsets.UTF_8, note);
        }
      }
    }
    return decodeAs(body, 0, declared, null);
  }

  private static boolean beyondAscii(byte[] body) {
    for (byte b : body) {
      if (b < 0) {
        return true;
      }
    }
    return false;
  }

  /** The {@code charset} parameter of a {@code Content-Type} header, if it has one. */
  static @Nullable String charsetParameter(@Nullable String contentType) {
    if (contentType == null) {
      return null;
    }
    Matcher m = CHARSET_PARAM.matcher(contentType);
    return m.find() ? m.group(1) : null;
  }

  /** The charset a {@code <meta>} element near the start of the page declares, if any. */
  static @Nullable String metaCharset(byte[] body) {
    String head =
        new String(body, 0, Math.min(body.length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
    Matcher m = META.matcher(head);
    return m.find() ? m.group(1) : null;
  }

  /** The charset a label names, as an HTML reader understands it; null if unknown. */
  static @Nullable Charset lookup(String label) {
    String key = label.strip().toLowerCase(Locale.ROOT);
    if (WINDOWS_1252_LABELS.contains(key)) {
      return WINDOWS_1252;
    }
    if (key.startsWith("utf-16") || key.startsWith("utf16")) {
      return StandardCharsets.UTF_8; // no byte-order mark: the page cannot really be UTF-16
    }
    try {
      return Charset.forName(key);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      return null;
    }
  }

  private static Decoded decodeAs(byte[] body, int offset, Charset charset, @Nullable String note) {
    String strict = strictly(body, offset, charset);
    if (strict != null) {
      return new Decoded(strict, charset, note);
    }
    if (charset.equals(StandardCharsets.UTF_8)) {
      int[] counts = utf8Sequences(body, offset);
      if (counts[0] > counts[1]) {
        // mostly UTF-8 with a few broken bytes (a truncated or spliced fragment): the page is
        // UTF-8, and the broken bytes become U+FFFD as a browser shows them
        String text = new String(body, offset, body.length - offset, StandardCharsets.UTF_8);
        String replaced = counts[1] + " bytes are not valid UTF-8 and were replaced with U+FFFD.";
        return new Decoded(text, charset, note == null ? replaced : note + " " + replaced);
      }
    }
    String text = new String(body, offset, body.length - offset, WINDOWS_1252);
    String fallback =
        "The bytes are not valid " + charset.name() + ", so they were read as windows-1252.";
    return new Decoded(text, WINDOWS_1252, note == null ? fallback : note + " " + fallback);
  }

  /** Valid multi-byte UTF-8 sequences and invalid bytes in {@code body} from {@code offset}. */
  private static int[] utf8Sequences(byte[] body, int offset) {
    int valid = 0;
    int invalid = 0;
    int i = offset;
    while (i < body.length) {
      int b = body[i] & 0xFF;
      int length =
          b < 0x80
              ? 1
              : b >= 0xC2 && b <= 0xDF
                  ? 2
                  : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xF0 && b <= 0xF4 ? 4 : 0;
      if (length == 1) {
        i++;
        continue;
      }
      boolean ok = length > 0 && i + length <= body.length;
      for (int k = 1; ok && k < length; k++) {
        ok = (body[i + k] & 0xC0) == 0x80;
      }
      if (ok) {
        valid++;
        i += length;
      } else {
        invalid++;
        i++;
      }
    }
    return new int[] {valid, invalid};
  }

  /** The text of {@code body} from {@code offset}, or null if the bytes are not valid there. */
  public static @Nullable String strictly(byte[] body, int offset, Charset charset) {
    try {
      return charset
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(body, offset, body.length - offset))
          .toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }

  private static @Nullable Charset byteOrderMark(byte[] b) {
    if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
      return StandardCharsets.UTF_8;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
      return StandardCharsets.UTF_16BE;
    }
    if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
      return StandardCharsets.UTF_16LE;
    }
    return null;
  }
}
