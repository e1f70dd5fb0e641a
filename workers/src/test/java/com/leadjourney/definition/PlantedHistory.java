package com.leadjourney.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * A CRM export with a planted signal, imported as history: leads keyed on the CRM's record id, no
 * emails, 20 custom columns, the outcome as 1/0. Being a vice president and coming from a webinar
 * drive conversion; everything else is noise, except one column sales fill in after the first call
 * (it gives the outcome away) and a date column.
 */
final class PlantedHistory {

  private static final String[] JOBS = {"Vice President", "Director", "Manager", "Student", "Other"};
  private static final String[] SOURCES = {"Webinar", "Google", "Direct Traffic", "Referral", "Olark Chat"};

  private PlantedHistory() {}

  /** Imports {@code leads} planted leads created over 180 days from {@code start}, their record ids starting with {@code prefix}. */
  @SuppressWarnings("unchecked")
  static void importInto(final TestRestTemplate marketing, final String prefix, final int leads, final LocalDate start) {
    final Map<String, Object> mapping = new LinkedHashMap<>();
    mapping.put("externalId", "Prospect ID");
    mapping.put("createdAt", "Created");
    mapping.put("stageReached", Map.of("column", "Converted", "values", Map.of("1", "sql", "0", "lead")));
    mapping.put("seniority", Map.of("column", "Job", "values", Map.of("Vice President", "vp", "Director", "director", "Manager", "manager"),
        "unmapped", "keep"));
    mapping.put("customFields.leadSource", "Lead Source");
    mapping.put("customFields.lastNotableActivity", "Last Notable Activity");
    mapping.put("customFields.lastActivityOn", Map.of("column", "Last Activity Date", "type", "date"));
    for (int c = 1; c <= 10; c++) {
      mapping.put("customFields.tag" + c, "Tag " + c);
    }
    for (int c = 1; c <= 7; c++) {
      mapping.put("customFields.visits" + c, Map.of("column", "Visits " + c, "type", "number"));
    }
    assertThat(marketing.exchange("/api/import-mappings/planted-" + prefix.replace("-", ""), HttpMethod.PUT, new HttpEntity<>(mapping), Map.class).getStatusCode())
        .isEqualTo(HttpStatus.OK);
    final var headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("text/csv"));
    final var started = marketing.postForEntity("/api/imports?mapping=planted-" + prefix.replace("-", "") + "&fileName=planted.csv", new HttpEntity<>(plantedFile(prefix, leads, start), headers), Map.class);
    assertThat(started.getStatusCode()).as("%s", started.getBody()).isEqualTo(HttpStatus.ACCEPTED);
    final String location = started.getHeaders().getLocation().toString();
    await().atMost(Duration.ofMinutes(2)).until(() -> !"running".equals(marketing.getForObject(location, Map.class).get("state")));
    final Map<String, Object> done = marketing.getForObject(location, Map.class);
    assertThat(done).as("%s", done.get("problems")).containsEntry("state", "done").containsEntry("created", leads).containsEntry("rejected", 0);
  }

  private static byte[] plantedFile(final String prefix, final int leads, final LocalDate start) {
    final Random random = new Random(42);
    final StringBuilder csv = new StringBuilder("Prospect ID,Created,Converted,Job,Lead Source,Last Notable Activity,Last Activity Date");
    for (int c = 1; c <= 10; c++) {
      csv.append(",Tag ").append(c);
    }
    for (int c = 1; c <= 7; c++) {
      csv.append(",Visits ").append(c);
    }
    csv.append('\n');
    for (int i = 0; i < leads; i++) {
      final String job = JOBS[random.nextInt(JOBS.length)];
      final String source = SOURCES[random.nextInt(SOURCES.length)];
      final double logit = -2.0 + (job.equals("Vice President") ? 1.6 : 0) + (source.equals("Webinar") ? 1.3 : 0);
      final boolean converted = random.nextDouble() < 1 / (1 + Math.exp(-logit));
      final LocalDate created = start.plusDays(random.nextInt(180));
      csv.append(prefix).append(100_000 + i).append(',').append(created).append(',').append(converted ? 1 : 0).append(',').append(job).append(',')
          .append(source).append(',').append(converted ? "Had a Phone Conversation" : random.nextBoolean() ? "Email Opened" : "Page Visited")
          .append(',').append(created.plusDays(random.nextInt(30)));
      for (int c = 1; c <= 10; c++) {
        csv.append(",").append((char) ('a' + random.nextInt(5)));
      }
      for (int c = 1; c <= 7; c++) {
        csv.append(",").append(random.nextInt(50));
      }
      csv.append('\n');
    }
    return csv.toString().getBytes(StandardCharsets.UTF_8);
  }
}
