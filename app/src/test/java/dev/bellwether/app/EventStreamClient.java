package dev.bellwether.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * A raw client of the dashboard's live stream ({@code GET /api/alerts/stream}) for the stop tests:
 * a socket the test can keep reading, close or half-close as a browser that went away would.
 */
final class EventStreamClient {
  private EventStreamClient() {}

  /** A client that has sent its request and read the {@code 200} status line. */
  static Socket open(URI stream) throws IOException {
    Socket socket = new Socket(stream.getHost(), stream.getPort());
    socket.setSoTimeout(5000);
    socket
        .getOutputStream()
        .write(
            ("GET "
                    + stream.getPath()
                    + " HTTP/1.1\r\nHost: "
                    + stream.getHost()
                    + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
    socket.getOutputStream().flush();
    assertThat(readSome(socket)).startsWith("HTTP/1.1 200");
    return socket;
  }

  /** What the socket has to read now (up to 64 KiB), or "" when nothing comes in time. */
  static String readSome(Socket socket) throws IOException {
    byte[] buffer = new byte[65536];
    try {
      int n = socket.getInputStream().read(buffer);
      return n <= 0 ? "" : new String(buffer, 0, n, StandardCharsets.UTF_8);
    } catch (SocketTimeoutException e) {
      return "";
    }
  }
}
