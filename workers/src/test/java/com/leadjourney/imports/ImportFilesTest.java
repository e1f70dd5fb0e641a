package com.leadjourney.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Comma, semicolon (Excel in much of Europe) and tab separated exports read alike; a separator inside quotes does not count. */
class ImportFilesTest {

  @Test
  void theSeparatorIsTheOneTheHeaderUsesMostOutsideQuotes() {
    assertThat(ImportFiles.separator(bytes("email,firstName,company\na@b.com,Ada,\"X; Y; Z\"\n"))).isEqualTo(',');
    assertThat(ImportFiles.separator(bytes("E-Mail;Vorname;\"Firma, GmbH\"\na@b.de;Ada;X\n"))).isEqualTo(';');
    assertThat(ImportFiles.separator(bytes("email\tfirst name\tcompany, legal\n"))).isEqualTo('\t');
    assertThat(ImportFiles.separator(bytes("email\n"))).as("one column: comma, as any reader would").isEqualTo(',');
  }

  @Test
  void aTabSeparatedFileShowsItsColumnsWithSampleValues() {
    final var columns = ImportFiles.columns(bytes("Prospect ID\tLead Source\n1\tGoogle\n2\tWebinar\n3\tGoogle\n"), 5);
    assertThat(columns).extracting(ImportFiles.Column::name).containsExactly("Prospect ID", "Lead Source");
    assertThat(columns.get(1).samples()).containsExactly("Google", "Webinar");
  }

  private static byte[] bytes(final String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
