package dev.bellwether.ingest.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The saved pages the fetcher's tests serve, from {@code fixtures/pages/fetch}. */
final class PageFixtures {
  private PageFixtures() {}

  static byte[] fixture(String name) {
    try (InputStream in = PageFixtures.class.getResourceAsStream("/fixtures/pages/fetch/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no fixture " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
