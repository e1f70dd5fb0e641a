package com.leadjourney.imports;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** The rejected rows' CSV as a download, for the API and the page alike. */
final class ImportDownloads {

  private ImportDownloads() {}

  static void rejected(final ImportReports reports, final String id, final HttpServletResponse response) throws IOException {
    // Written to memory first: a missing import is a 404, not a half-sent file.
    final StringWriter csv = new StringWriter();
    if (!reports.writeRejected(id, csv)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No import " + id);
    }
    response.setContentType("text/csv;charset=UTF-8");
    response.setHeader("Content-Disposition", "attachment; filename=\"rejected-rows-" + id + ".csv\"");
    response.getOutputStream().write(csv.toString().getBytes(StandardCharsets.UTF_8));
  }
}
