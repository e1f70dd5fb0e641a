package com.leadjourney.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A due time the journey waits for (a timer's date). Stored, and handed to the engine as a
 * variable of the same name, so a rebuilt journey keeps its original clock.
 */
@Entity
@Table(name = "journey_clock")
public class JourneyClock {

  @Embeddable
  public record Id(@Column(name = "lead_id") String leadId, @Column(name = "name") String name)
      implements Serializable {}

  @EmbeddedId private Id id;
  private Instant dueAt;

  protected JourneyClock() {}

  public JourneyClock(final String leadId, final String name, final Instant dueAt) {
    id = new Id(leadId, name);
    this.dueAt = dueAt;
  }

  public String name() {
    return id.name();
  }

  public Instant dueAt() {
    return dueAt;
  }
}
