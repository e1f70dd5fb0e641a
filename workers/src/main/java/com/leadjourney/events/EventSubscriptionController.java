package com.leadjourney.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Admins connect a CRM, a warehouse or anything with an HTTP endpoint to the journey's events. */
@RestController
class EventSubscriptionController {

  record SubscriptionRequest(@Size(max = 2000) String url, @Size(max = 200) String secret, @Size(max = 50) List<String> types) {}

  private final EventSubscriptions subscriptions;
  private final EventDeliveries deliveries;

  EventSubscriptionController(final EventSubscriptions subscriptions, final EventDeliveries deliveries) {
    this.subscriptions = subscriptions;
    this.deliveries = deliveries;
  }

  @PutMapping("/api/event-subscriptions/{name}")
  Map<String, Object> put(@PathVariable final String name, @Valid @RequestBody final SubscriptionRequest request, final Principal user) {
    return EventSubscriptions.noSecret(subscriptions.put(name, request.url(), request.secret(), request.types(), user.getName()));
  }

  @DeleteMapping("/api/event-subscriptions/{name}")
  ResponseEntity<Void> remove(@PathVariable final String name, final Principal user) {
    if (!subscriptions.remove(name, user.getName())) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No event subscription " + name);
    }
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/event-subscriptions")
  List<Map<String, Object>> all() {
    return subscriptions.all().stream().map(EventSubscriptions::noSecret).toList();
  }

  @GetMapping("/api/event-subscriptions/{name}/deliveries")
  List<EventDeliveries.Delivery> deliveries(
      @PathVariable final String name, @RequestParam(required = false) final String state, @RequestParam(defaultValue = "100") final int limit) {
    subscriptions.find(name).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No event subscription " + name));
    return deliveries.of(name, state, Math.max(1, Math.min(limit, 1000)));
  }

  @PostMapping("/api/event-subscriptions/{name}/deliveries/{id}/redelivery")
  ResponseEntity<Map<String, Object>> redeliver(@PathVariable final String name, @PathVariable final long id) {
    deliveries.redeliver(name, id);
    return ResponseEntity.accepted().body(Map.of("delivery", id, "state", "pending"));
  }
}
