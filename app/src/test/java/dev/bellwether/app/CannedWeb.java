package dev.bellwether.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.util.function.Function;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * OkHttp's MockWebServer on loopback for app's tests, answering every request with what a function
 * makes of it; the test closes it. Addresses are given by the loopback address, as the roles'
 * clients, which refuse private hosts unless allowed, are configured to reach it.
 */
public final class CannedWeb {
  private CannedWeb() {}

  public static MockWebServer serve(Function<RecordedRequest, MockResponse> answer) {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            return answer.apply(request);
          }
        });
    try {
      server.start(InetAddress.getLoopbackAddress(), 0);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start a loopback web server", e);
    }
    return server;
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public static URI base(MockWebServer server) {
    return URI.create("http://127.0.0.1:" + server.getPort());
  }

  /** The path of the request, without its query. */
  public static String path(RecordedRequest request) {
    return request.getRequestUrl().encodedPath();
  }

  /** {@code status} with {@code body} of {@code contentType}. */
  public static MockResponse answer(int status, String contentType, byte[] body) {
    return new MockResponse()
        .setResponseCode(status)
        .setHeader("Content-Type", contentType)
        .setBody(new okio.Buffer().write(body));
  }

  /** {@code status} without a body. */
  public static MockResponse status(int status) {
    return new MockResponse().setResponseCode(status);
  }
}
