package com.leadjourney.journey;

import com.leadjourney.lead.ResumePoints;
import org.springframework.stereotype.Component;

/** A stage resumes at lead-journey's call activity that runs it. */
@Component
class CallActivityResumePoints implements ResumePoints {

  @Override
  public String of(final String stage) {
    return JourneyStages.callActivityOf(stage);
  }
}
