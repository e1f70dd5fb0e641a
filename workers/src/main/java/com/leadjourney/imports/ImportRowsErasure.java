package com.leadjourney.imports;

import com.leadjourney.database.ScrubbedText;
import com.leadjourney.platform.ErasedPerson;
import com.leadjourney.platform.ErasesPersonalData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * An erased contact in stored import rows: files still staged or running (a finished import keeps
 * no file), rejected rows kept for download, and problems quoting a value. The row stays (its
 * number is referenced) with the person scrubbed out; a running import reaching it rejects it.
 */
@Component
class ImportRowsErasure implements ErasesPersonalData {

  private final JdbcTemplate jdbc;

  ImportRowsErasure(final JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void erase(final ErasedPerson person) {
    ScrubbedText.mentioning(jdbc, "lead_import", "id", "content", person);
    ScrubbedText.mentioning(jdbc, "lead_import_rejected_row", "concat(import_id, ':', row_no)", "line", person);
    ScrubbedText.mentioning(jdbc, "lead_import_problem", "concat(import_id, ':', row_no, ':', column_name)", "reason", person);
  }
}
