package com.leadjourney.platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Tells a newcomer, once the app is up, where to click and where Camunda Modeler deploys. */
@Component
class WhereToClick {

  private static final Logger LOG = LoggerFactory.getLogger(WhereToClick.class);

  private final String grpcAddress;
  private final boolean embeddedEngine;

  WhereToClick(
      @Value("${camunda.client.grpc-address}") final String grpcAddress,
      @Value("${leadjourney.engine.embedded:true}") final boolean embeddedEngine) {
    this.grpcAddress = grpcAddress;
    this.embeddedEngine = embeddedEngine;
  }

  @EventListener
  void onReady(final ApplicationReadyEvent event) {
    final int port = ((WebServerApplicationContext) event.getApplicationContext()).getWebServer().getPort();
    final String base = "http://localhost:" + port;
    LOG.info(
        """

          Lead journey engine is up ({} engine).
            Workbench     {}/   (sign in; XDRs and AEs land in the inbox, managers on their team, marketing on the definition and feedback, leadership on the review, designers on the processes)
            API docs      {}/swagger-ui.html   (user admin: LEADJOURNEY_ADMIN_PASSWORD, or data/initial-passwords.txt at the first start)
            Post a lead   curl -u admin:<password> -H 'Content-Type: application/json' \\
                            -d '{"email":"ada@northwind.com","consent":true,"source":"webinar","campaign":"q4-webinar",
                                 "profile":{"industry":"software","seniority":"vp","budget":"approved","pain":"confirmed"}}' {}/api/leads
            Its journey   {}/api/leads/<id>   (timeline of every stage)
            XDR inbox     {}/api/tasks   (touches, completion: see README, "The journey's API")
            Incidents     {}/api/incidents
            Health        {}/actuator/health
            Metrics       {}/actuator/prometheus   (user prometheus, role METRICS: LEADJOURNEY_METRICS_PASSWORD)
            Processes     {}/api/processes
            Modeler       deploy to the Zeebe gateway at {} (authentication Basic: an app user with the DESIGNER role)
        """,
        embeddedEngine ? "embedded" : "cluster",
        base,
        base,
        base,
        base,
        base,
        base,
        base,
        base,
        base,
        grpcAddress);
  }
}
