package com.leadjourney.routing;

import com.leadjourney.platform.StorableDate;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Sales ops sets up who takes leads: teams, their hours and holidays, members, territories, absences. */
@RestController
class TeamController {

  record Absence(@NotBlank String username, @NotNull @StorableDate Instant startsAt, @NotNull @StorableDate Instant endsAt, @Size(max = 200) String reason) {}

  private final TeamSetup setup;
  private final TeamRoster roster;

  TeamController(final TeamSetup setup, final TeamRoster roster) {
    this.setup = setup;
    this.roster = roster;
  }

  @GetMapping("/api/teams")
  List<Map<String, Object>> teams() {
    return setup.all();
  }

  @PutMapping("/api/teams/{id}")
  Map<String, Object> put(@PathVariable final String id, @Valid @RequestBody final TeamSetup.Team team, final Authentication user) {
    return setup.save(id, team, user);
  }

  @PostMapping("/api/out-of-office")
  ResponseEntity<Map<String, Object>> away(@Valid @RequestBody final Absence absence, final Authentication user) {
    if (!absence.endsAt().isAfter(absence.startsAt())) {
      throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "endsAt must be after startsAt");
    }
    roster.checkManagesMember(user, absence.username());
    roster.recordAbsence(user.getName(), "member", absence.username(), absence.username(), absence.startsAt(), absence.endsAt(), absence.reason());
    return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("username", absence.username(), "startsAt", absence.startsAt(), "endsAt", absence.endsAt()));
  }

  @GetMapping("/api/out-of-office")
  List<TeamRoster.Absence> absences(final Authentication user) {
    return roster.absencesVisibleTo(user);
  }

  @DeleteMapping("/api/out-of-office/{id}")
  ResponseEntity<Void> back(@PathVariable final long id, final Authentication user) {
    roster.endAbsence(user, id);
    return ResponseEntity.noContent().build();
  }
}
