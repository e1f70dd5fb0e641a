package com.leadjourney;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the app sends out, caught by real servers in the test JVM: an SMTP server (GreenMail) and
 * an HTTP endpoint standing in for a chat webhook.
 */
public final class OutboundCapture {

  public static final String WEBHOOK_SECRET = "test-webhook-secret";

  /** A webhook call as it arrived. */
  public record WebhookCall(String body, String signature, String deliveryId) {}

  public static final GreenMail SMTP = new GreenMail(new ServerSetup(EmbeddedAppTest.freePort(), "127.0.0.1", "smtp"));
  public static final List<WebhookCall> WEBHOOK_CALLS = new CopyOnWriteArrayList<>();
  private static final HttpServer WEBHOOK = webhook();

  static {
    SMTP.start();
  }

  private OutboundCapture() {}

  public static int smtpPort() {
    return SMTP.getSmtp().getPort();
  }

  public static String webhookUrl() {
    return "http://127.0.0.1:" + WEBHOOK.getAddress().getPort() + "/hooks/sla";
  }

  /** Subjects of the mail that reached the address, oldest first. */
  public static List<String> subjectsTo(final String address) {
    return mailTo(address).stream()
        .map(m -> {
          try {
            return m.getSubject();
          } catch (final jakarta.mail.MessagingException e) {
            return "";
          }
        })
        .toList();
  }

  public static List<MimeMessage> mailTo(final String address) {
    return List.of(SMTP.getReceivedMessages()).stream()
        .filter(m -> {
          try {
            return m.getAllRecipients()[0].toString().equals(address);
          } catch (final jakarta.mail.MessagingException e) {
            return false;
          }
        })
        .toList();
  }

  private static HttpServer webhook() {
    try {
      final HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      server.createContext(
          "/hooks/sla",
          exchange -> {
            WEBHOOK_CALLS.add(
                new WebhookCall(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    exchange.getRequestHeaders().getFirst("X-Signature"),
                    exchange.getRequestHeaders().getFirst("X-Delivery-Id")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
          });
      server.start();
      return server;
    } catch (final IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
