package com.leadjourney.database;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An insert that happens once per unique key: a redelivered job or a repeated request finds its row
 * there and inserts nothing. Not {@code INSERT IGNORE}: that also turns a date out of range into a
 * zero date and a too-long value into a cut one, silently — here those still fail the statement.
 * (MySQL rolls back only the failed statement, so the caller's transaction goes on.)
 */
public final class InsertOnce {

  private InsertOnce() {}

  /** 1 when the row was inserted, 0 when a row with its unique key was there already. */
  public static int insert(final JdbcTemplate jdbc, final String sql, final Object... args) {
    try {
      return jdbc.update(sql, args);
    } catch (final DuplicateKeyException e) {
      return 0;
    }
  }
}
