package com.leadjourney;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Which addresses a port listens on, read from the kernel's own socket tables (Linux). */
public final class ListeningSockets {

  private ListeningSockets() {}

  /** The local addresses with a socket listening on {@code port} (IPv4 and IPv6), from the kernel's own table. */
  public static List<String> addresses(final int port) throws IOException {
    final String hexPort = String.format(":%04X", port);
    final var addresses = new ArrayList<String>();
    for (final String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
      final List<String> lines = Files.readAllLines(Path.of(table));
      for (final String line : lines.subList(1, lines.size())) { // the first is the heading
        final String[] columns = line.trim().split("\\s+");
        if (columns[1].endsWith(hexPort) && "0A".equals(columns[3])) { // 0A: LISTEN
          addresses.add(address(columns[1].substring(0, columns[1].indexOf(':'))));
        }
      }
    }
    return addresses;
  }

  /** /proc/net/tcp writes an address as hex in host (little-endian) byte order, four bytes a word. */
  private static String address(final String hex) throws IOException {
    final byte[] bytes = new byte[hex.length() / 2];
    for (int word = 0; word < bytes.length / 4; word++) {
      for (int i = 0; i < 4; i++) {
        bytes[word * 4 + i] = (byte) Integer.parseInt(hex.substring(word * 8 + (3 - i) * 2, word * 8 + (3 - i) * 2 + 2), 16);
      }
    }
    return InetAddress.getByAddress(bytes).getHostAddress();
  }

  public static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    return NetworkInterface.networkInterfaces()
        .filter(ListeningSockets::upAndNotLoopback)
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
        .findFirst();
  }

  private static boolean upAndNotLoopback(final NetworkInterface network) {
    try {
      return network.isUp() && !network.isLoopback();
    } catch (final IOException e) {
      return false;
    }
  }
}
