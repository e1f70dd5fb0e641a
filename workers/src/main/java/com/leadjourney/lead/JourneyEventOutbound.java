package com.leadjourney.lead;

import com.leadjourney.events.EventTypes;
import com.leadjourney.events.OutboundEvents;
import jakarta.persistence.PostPersist;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Every timeline line that matters outside becomes an outbound event in the same insert's
 * transaction (a JPA listener: every way a line is written passes here).
 */
@Component
public class JourneyEventOutbound {

  private final OutboundEvents events;

  JourneyEventOutbound(final OutboundEvents events) {
    this.events = events;
  }

  @PostPersist
  void recorded(final JourneyEvent line) {
    final String type = EventTypes.ofTimeline(line.getType().name());
    if (type == null) {
      return;
    }
    final Map<String, Object> data = new LinkedHashMap<>();
    data.put("leadId", line.getLeadId());
    data.put("stage", line.getStage());
    data.put("element", line.getElementId());
    data.put("detail", line.getDetail());
    data.put("timelineType", line.getType().name());
    events.record(line.getLeadId(), type, line.getOccurredAt(), data);
  }
}
