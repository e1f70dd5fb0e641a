package com.leadjourney.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/** Email over the SMTP server in {@code spring.mail.*}; on when {@code spring.mail.host} is set. Usernames map to addresses at one domain. */
@Component
@ConditionalOnProperty(name = "spring.mail.host") // the same switch that creates Spring Boot's JavaMailSender
class EmailChannel implements OutboundChannel {

  private final JavaMailSender mail;
  private final String from;
  private final String domain;

  EmailChannel(
      final JavaMailSender mail,
      @Value("${leadjourney.notifications.email-from:lead-journey@localhost}") final String from,
      @Value("${leadjourney.notifications.email-domain:localhost}") final String domain) {
    this.mail = mail;
    this.from = from;
    this.domain = domain;
  }

  @Override
  public String name() {
    return "email";
  }

  @Override
  public void send(final Notification notification) {
    final var message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(notification.recipient() + "@" + domain);
    message.setSubject(notification.subject());
    message.setText(notification.body() == null ? notification.subject() : notification.body());
    mail.send(message);
  }
}
