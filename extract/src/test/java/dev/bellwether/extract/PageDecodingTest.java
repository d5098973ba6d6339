package dev.bellwether.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PageDecodingTest {
  private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

  @Test
  void byteOrderMarkWinsOverTheContentTypeCharset() {
    byte[] body = concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8("<p>Zürich</p>"));

    PageDecoding.Decoded decoded = PageDecoding.decode(body, "text/html; charset=iso-8859-1");

    assertThat(decoded.text()).isEqualTo("<p>Zürich</p>");
    assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(decoded.note()).isNull();
  }

  @Test
  void readsUtf16WithItsByteOrderMark() {
    byte[] body = "\uFEFF<p>Qwen 3</p>".getBytes(StandardCharsets.UTF_16LE);

    assertThat(PageDecoding.decode(body, null).text()).isEqualTo("<p>Qwen 3</p>");
  }

  @Test
  void contentTypeCharsetWinsOverTheMetaCharset() {
    byte[] body = "<meta charset=utf-8><p>Société</p>".getBytes(StandardCharsets.ISO_8859_1);

    PageDecoding.Decoded decoded = PageDecoding.decode(body, "text/html;charset=\"ISO-8859-1\"");

    assertThat(decoded.text()).contains("Société");
    assertThat(decoded.note()).isNull();
  }

  @Test
  void findsTheMetaCharsetNearTheStart() {
    byte[] body = "<html><head><meta charset='koi8-r'></head><p>Яндекс</p>".getBytes(koi8r());

    PageDecoding.Decoded decoded = PageDecoding.decode(body, "text/html");

    assertThat(decoded.text()).contains("Яндекс");
    assertThat(decoded.charset()).isEqualTo(koi8r());
  }

  @Test
  void findsTheCharsetOfAnHttpEquivMeta() {
    byte[] body =
        "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"><p>café</p>"
            .getBytes(WINDOWS_1252);

    assertThat(PageDecoding.decode(body, null).text()).contains("café");
  }

  @Test
  void ignoresAMetaCharsetBeyondThePrescan() {
    String filler = "<!-- " + "x".repeat(PageDecoding.PRESCAN_BYTES) + " -->";
    byte[] body = (filler + "<meta charset=koi8-r><p>plain</p>").getBytes(StandardCharsets.UTF_8);

    assertThat(PageDecoding.decode(body, null).charset()).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void keepsTheAccentsOfAWindows1252Page() {
    PageDecoding.Decoded decoded =
        PageDecoding.decode(fixture("article-windows-1252.html"), "text/html");

    assertThat(decoded.charset()).isEqualTo(WINDOWS_1252);
    assertThat(decoded.text())
        .contains("Mistral AI lève 1,7 milliard d\u2019euros auprès d\u2019ASML")
        .contains("Société Générale")
        .contains("\u00ab\u00a0Cet investissement renforce notre indépendance\u00a0\u00bb");
    assertThat(decoded.note()).isNull();
  }

  @Test
  void readsLatin1LabelsAsWindows1252LikeBrowsers() {
    byte[] body = "<p>\u201cquoted\u201d</p>".getBytes(WINDOWS_1252);

    PageDecoding.Decoded decoded = PageDecoding.decode(body, "text/html; charset=iso-8859-1");

    assertThat(decoded.text()).isEqualTo("<p>\u201cquoted\u201d</p>");
  }

  @Test
  void readsBytesThatAreNotUtf8AsWindows1252WithANote() {
    byte[] body = "<meta charset=utf-8><p>Zürich</p>".getBytes(WINDOWS_1252);

    PageDecoding.Decoded decoded = PageDecoding.decode(body, null);

    assertThat(decoded.text()).contains("Zürich");
    assertThat(decoded.charset()).isEqualTo(WINDOWS_1252);
    assertThat(decoded.note())
        .isEqualTo("The bytes are not valid UTF-8, so they were read as windows-1252.");
  }

  @Test
  void assumesUtf8WhenNothingIsDeclared() {
    PageDecoding.Decoded decoded = PageDecoding.decode(utf8("<p>Zürich</p>"), null);

    assertThat(decoded.text()).isEqualTo("<p>Zürich</p>");
    assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(decoded.note()).isNull();
  }

  @Test
  void notesAnUnknownLabelAndAssumesUtf8() {
    PageDecoding.Decoded decoded =
        PageDecoding.decode(utf8("<p>Zürich</p>"), "text/html; charset=klingon");

    assertThat(decoded.text()).isEqualTo("<p>Zürich</p>");
    assertThat(decoded.note())
        .isEqualTo(
            "The Content-Type charset 'klingon' is not a known encoding, so UTF-8 was assumed.");
  }

  @Test
  void readsAUtf16LabelWithoutByteOrderMarkAsUtf8() {
    byte[] body = utf8("<meta charset=utf-16><p>Zürich</p>");

    assertThat(PageDecoding.decode(body, null).text()).contains("Zürich");
  }

  @Test
  void readsAPageReEncodedAsUtf8DespiteItsLegacyMetaLabel() {
    byte[] body = utf8("<meta charset=gb2312><title>深度学习</title><p>DeepMind 新电脑</p>");

    PageDecoding.Decoded decoded = PageDecoding.decode(body, "text/html");

    assertThat(decoded.text()).contains("DeepMind 新电脑");
    assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(decoded.note())
        .isEqualTo(
            "The <meta> charset 'gb2312' does not match the bytes, which are valid UTF-8; they"
                + " were read as UTF-8.");
  }

  @Test
  void trustsALegacyMetaLabelWhenTheBytesAreNotUtf8() {
    byte[] body = "<meta charset=gb2312><p>新电脑</p>".getBytes(Charset.forName("GB2312"));

    PageDecoding.Decoded decoded = PageDecoding.decode(body, null);

    assertThat(decoded.text()).contains("新电脑");
    assertThat(decoded.charset()).isEqualTo(Charset.forName("GB2312"));
  }

  @Test
  void trustsTheHttpCharsetOverValidUtf8Bytes() {
    byte[] body = utf8("<p>Zürich</p>");

    PageDecoding.Decoded decoded = PageDecoding.decode(body, "text/html; charset=windows-1252");

    assertThat(decoded.charset()).isEqualTo(WINDOWS_1252);
  }

  @Test
  void readsAMostlyUtf8PageWithABrokenByteAsUtf8AsABrowserWould() {
    byte[] body =
        concat(
            utf8("<meta charset=utf-8><p>Sprzeciwiają się atakom na Fundację</p><p>Zürich "),
            concat(new byte[] {(byte) 0xC3, (byte) 0x28}, utf8(" Łódź</p>")));

    PageDecoding.Decoded decoded = PageDecoding.decode(body, null);

    assertThat(decoded.charset()).isEqualTo(StandardCharsets.UTF_8);
    assertThat(decoded.text()).contains("Sprzeciwiają się", "Łódź", "\uFFFD");
    assertThat(decoded.note())
        .isEqualTo("1 bytes are not valid UTF-8 and were replaced with U+FFFD.");
  }

  private static Charset koi8r() {
    return Charset.forName("KOI8-R");
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  static byte[] fixture(String name) {
    try (InputStream in =
        PageDecodingTest.class.getResourceAsStream("/fixtures/pages/fetch/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
