package com.leadjourney;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class LeadJourneyApplication {

  /** One clock for timestamps, so tests and the journey agree on time. */
  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }

  public static void main(final String[] args) {
    SpringApplication.run(LeadJourneyApplication.class, args);
  }
}
