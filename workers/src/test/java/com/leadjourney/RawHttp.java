package com.leadjourney;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;

/** HTTP as an attacker sends it, byte by byte: for what a client library would not send (a huge body that never ends). */
public final class RawHttp {

  private RawHttp() {}

  /** The status and how long after the first byte it came. */
  public record Answer(int status, Duration took) {}

  /**
   * POSTs {@code length} zero bytes as JSON to the app on {@code port}: declared up front, or
   * chunked without a declared length. The body keeps coming until the server stops taking it.
   */
  public static Answer postZeros(final int port, final String path, final long length, final boolean chunked, final String... headers)
      throws IOException, InterruptedException {
    return post(port, path, "", (byte) 0, length, chunked, headers);
  }

  /** The same with a body that starts as JSON ({@code prefix}) and goes on with {@code filler} bytes, so a parser keeps reading. */
  public static Answer post(final int port, final String path, final String prefix, final byte filler, final long length, final boolean chunked,
      final String... headers) throws IOException, InterruptedException {
    final long started = System.nanoTime();
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      final var out = socket.getOutputStream();
      final var head = head(path, headers);
      head.append(chunked ? "Transfer-Encoding: chunked\r\n" : "Content-Length: " + length + "\r\n").append("\r\n");
      out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
      final Thread body = Thread.ofVirtual().start(() -> send(out, prefix, filler, length, chunked));
      final String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      final Duration took = Duration.ofNanos(System.nanoTime() - started);
      socket.close();
      body.join(10_000);
      return new Answer(Integer.parseInt(statusLine.split(" ")[1]), took);
    }
  }

  /**
   * Sends only the head of a POST that declares {@code length} bytes and asks first ({@code Expect:
   * 100-continue}), and answers with the first status the server sends: 100 means "go on and upload".
   */
  public static int askFirst(final int port, final String path, final long length, final String... headers) throws IOException {
    try (var socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      final var head = head(path, headers);
      head.append("Expect: 100-continue\r\nContent-Length: ").append(length).append("\r\n\r\n");
      socket.getOutputStream().write(head.toString().getBytes(StandardCharsets.US_ASCII));
      final String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII)).readLine();
      return Integer.parseInt(statusLine.split(" ")[1]);
    }
  }

  /** The request line and the headers every POST here carries, then the caller's; the caller ends the head. */
  private static StringBuilder head(final String path, final String... headers) {
    final var head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n");
    for (final String header : headers) {
      head.append(header).append("\r\n");
    }
    return head;
  }

  private static void send(final OutputStream out, final String prefix, final byte filler, final long length, final boolean chunked) {
    final byte[] fill = new byte[64 * 1024];
    Arrays.fill(fill, filler);
    final byte[] first = prefix.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(first, 0, fill, 0, first.length);
    try {
      for (long sent = 0; sent < length; sent += fill.length) {
        if (chunked) {
          out.write((Integer.toHexString(fill.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        out.write(fill);
        if (chunked) {
          out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        Arrays.fill(fill, 0, first.length, filler); // the prefix starts the body only
      }
    } catch (final IOException e) {
      // the server stopped taking the body: what a limit is for
    }
  }
}
