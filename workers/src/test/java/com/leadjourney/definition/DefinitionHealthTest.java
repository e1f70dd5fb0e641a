package com.leadjourney.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

/**
 * The acceptance ratio of a definition version appears once AEs decided on one of its SQLs — before,
 * a board would show NaN, which reads as a fault — and its value is the share they accepted.
 */
class DefinitionHealthTest {

  /** What the health query answers: per version, MQLs, SQLs, accepted, rejected. */
  private final List<Object[]> rows = new ArrayList<>();

  private final JdbcTemplate jdbc = new JdbcTemplate() {
    @Override
    public void query(final String sql, final RowCallbackHandler handler, final Object... args) {
      for (final Object[] row : rows) {
        try {
          final ResultSet result = mock(ResultSet.class);
          when(result.getString(1)).thenReturn((String) row[0]);
          for (int i = 1; i < row.length; i++) {
            when(result.getInt(i + 1)).thenReturn((Integer) row[i]);
          }
          handler.processRow(result);
        } catch (final SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    }
  };

  @Test
  void theAcceptanceRatioIsAbsentUntilAnAeDecidedThenTheShareAccepted() {
    final var meters = new SimpleMeterRegistry();
    final var health = new DefinitionHealth(jdbc, meters, Clock.systemUTC());

    rows.add(new Object[] {"v2", 10, 0, 0, 0});
    health.refresh();
    assertThat(meters.find("leadjourney.definition.mql.to.sql").tag("definition_version", "v2").gauge().value()).isZero();
    assertThat(meters.find("leadjourney.definition.sql.acceptance").gauges()).as("no SQL decided yet: no ratio").isEmpty();

    rows.set(0, new Object[] {"v2", 10, 4, 3, 1});
    health.refresh();
    assertThat(meters.find("leadjourney.definition.sql.acceptance").tag("definition_version", "v2").gauge().value()).isEqualTo(0.75);
    assertThat(meters.find("leadjourney.definition.mql.to.sql").tag("definition_version", "v2").gauge().value()).isEqualTo(0.4);
  }
}
