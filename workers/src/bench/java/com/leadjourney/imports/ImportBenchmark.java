package com.leadjourney.imports;

import static org.awaitility.Awaitility.await;

import com.leadjourney.EmbeddedAppTest;
import com.leadjourney.LeadApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;

/**
 * How long an import of N CSV rows takes through the API until done (target: 100,000 in under
 * 5 minutes). Not part of the test command; prints a line and writes target/bench/import.json.
 *
 * <p>./mvnw -q -pl workers -am verify -Dtest=ImportBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Drows=100000
 */
class ImportBenchmark extends EmbeddedAppTest {

  @Autowired TestRestTemplate http;

  @Test
  @SuppressWarnings("unchecked")
  void importRows() throws Exception {
    final int rows = Integer.getInteger("rows", 100_000);
    final var csv = new StringBuilder("email,firstName,lastName,company,country,consent,industry,seniority,budget,companySize,stageReached,createdAt\n");
    for (int i = 0; i < rows; i++) {
      csv.append("bench").append(i).append("@bench-corp").append(i % 5000).append(".com,Bench,Buyer ").append(i).append(",Bench Corp ")
          .append(i % 5000).append(",US,yes,software,director,approved,").append(50 + i % 5000).append(',')
          .append(i % 10 == 0 ? "customer" : "lead").append(",2023-0").append(1 + i % 9).append("-15\n");
    }
    final byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
    final var headers = new HttpHeaders();
    headers.setContentType(MediaType.valueOf("text/csv"));
    final var admin = new LeadApi(http).admin();
    final long start = System.nanoTime();
    final var started = admin.postForEntity("/api/imports?fileName=bench.csv", new HttpEntity<>(body, headers), Map.class);
    final String location = started.getHeaders().getLocation().toString();
    await().atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofMillis(500))
        .until(() -> !"running".equals(admin.getForObject(location, Map.class).get("state")));
    final double seconds = (System.nanoTime() - start) / 1e9;
    final Map<String, Object> done = admin.getForObject(location, Map.class);
    final String line = String.format("import: %d rows (%.1f MB) in %.1f s (%.0f rows/s): created %s, duplicates %s, rejected %s, state %s",
        rows, body.length / 1e6, seconds, rows / seconds, done.get("created"), done.get("duplicates"), done.get("rejected"), done.get("state"));
    System.out.println(line);
    Files.createDirectories(Path.of("target/bench"));
    Files.writeString(Path.of("target/bench/import.json"), String.format(
        "{\"rows\": %d, \"seconds\": %.2f, \"created\": %s, \"state\": \"%s\"}%n", rows, seconds, done.get("created"), done.get("state")));
  }
}
