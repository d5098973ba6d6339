package dev.bellwether.ingest.http;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipException;
import org.jspecify.annotations.Nullable;

/**
 * Undoes {@code Content-Encoding: gzip} and {@code deflate} with a bound on the decoded size, so a
 * small compressed body cannot expand into gigabytes (a "zip bomb").
 */
final class ContentDecoding {
  private static final int CHUNK = 16 * 1024;

  private ContentDecoding() {}

  static byte[] decode(byte[] body, @Nullable String contentEncoding, long limit, URI url) {
    byte[] decoded = body;
    for (String coding : codings(contentEncoding)) {
      decoded = decodeOne(decoded, coding, limit, url);
    }
    return decoded;
  }

  /** The codings in the order they must be undone (the header lists them as applied). */
  private static List<String> codings(@Nullable String header) {
    List<String> codings = new ArrayList<>();
    if (header != null) {
      for (String part : header.split(",")) {
        String coding = part.trim().toLowerCase(Locale.ROOT);
        if (!coding.isEmpty() && !coding.equals("identity")) {
          codings.add(coding);
        }
      }
    }
    Collections.reverse(codings);
    return codings;
  }

  private static byte[] decodeOne(byte[] body, String coding, long limit, URI url) {
    try {
      switch (coding) {
        case "gzip":
        case "x-gzip":
          return readBounded(new GZIPInputStream(new ByteArrayInputStream(body)), limit, url);
        case "deflate":
          return inflate(body, limit, url);
        default:
          throw new FetchException(
              FetchException.Kind.IO, url, "unsupported Content-Encoding '" + coding + "'");
      }
    } catch (IOException e) {
      throw new FetchException(
          FetchException.Kind.IO, url, "cannot decode the " + coding + " body: " + e.getMessage());
    }
  }

  /** zlib-wrapped deflate as the RFC says, or raw deflate as some servers send. */
  private static byte[] inflate(byte[] body, long limit, URI url) throws IOException {
    try {
      return readBounded(new InflaterInputStream(new ByteArrayInputStream(body)), limit, url);
    } catch (ZipException e) {
      Inflater raw = new Inflater(true);
      try {
        return readBounded(
            new InflaterInputStream(new ByteArrayInputStream(body), raw), limit, url);
      } finally {
        raw.end();
      }
    }
  }

  private static byte[] readBounded(InputStream in, long limit, URI url) throws IOException {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] chunk = new byte[CHUNK];
      for (int n = in.read(chunk); n != -1; n = in.read(chunk)) {
        if (out.size() + (long) n > limit) {
          throw new FetchException(
              FetchException.Kind.TOO_LARGE,
              url,
              "the decompressed body exceeds the limit of " + limit + " bytes");
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    }
  }
}
