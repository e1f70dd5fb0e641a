package com.leadjourney.platform;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Tells open workbench pages that something they show changed, by server-sent events. Events carry
 * no data a page could not fetch itself: "tasks" (some task opened, moved or closed: the page
 * reloads its own, role-scoped list) and "notifications" to one person. Task changes are
 * coalesced: at most one "tasks" event per tick however many journeys move, so a busy hour costs
 * an open page one refresh a second, not one per task.
 *
 * <p>One instance's memory: with several app instances, a page hears of the changes made on the
 * instance it is connected to, and its periodic refresh (inbox.js) catches the rest.
 */
@Component
public class LiveUpdates {

  private static final Duration OPEN_FOR = Duration.ofMinutes(30); // the browser reconnects by itself
  /** Pages one person may keep listening; a further one closes their oldest (a stream each is a connection held). */
  static final int MOST_PER_USER = 8;

  private final Map<String, List<SseEmitter>> pages = new ConcurrentHashMap<>();
  private final AtomicBoolean tasksChanged = new AtomicBoolean();

  /** A page of {@code user} listening; it stays open until the browser leaves or {@link #OPEN_FOR}. */
  public SseEmitter listen(final String user) {
    final SseEmitter emitter = new SseEmitter(OPEN_FOR.toMillis());
    final List<SseEmitter> ofUser = pages.computeIfAbsent(user, u -> new CopyOnWriteArrayList<>());
    ofUser.add(emitter);
    while (ofUser.size() > MOST_PER_USER) {
      final SseEmitter oldest = ofUser.remove(0);
      oldest.complete();
    }
    final Runnable gone = () -> ofUser.remove(emitter);
    emitter.onCompletion(gone);
    emitter.onTimeout(gone);
    emitter.onError(e -> gone.run());
    send(emitter, "hello", "listening"); // commits the response: the browser knows it is connected
    return emitter;
  }

  /** Some task changed: pages refresh their lists at the next tick. Call after commit. */
  public void tasksChanged() {
    tasksChanged.set(true);
  }

  /** One person was told something: their pages update the badge. Call after commit. */
  public void notified(final String user) {
    pages.getOrDefault(user, List.of()).forEach(emitter -> send(emitter, "notifications", "new"));
  }

  /** Shutting down: end every stream first, so a graceful shutdown does not wait on pages left open. */
  @EventListener(ContextClosedEvent.class)
  void closeAll() {
    pages.values().forEach(ofUser -> ofUser.forEach(SseEmitter::complete));
    pages.clear();
  }

  @Scheduled(fixedDelayString = "${leadjourney.live.tick:PT0.5S}")
  void tick() {
    if (tasksChanged.getAndSet(false)) {
      pages.values().forEach(ofUser -> ofUser.forEach(emitter -> send(emitter, "tasks", "changed")));
    }
  }

  private static void send(final SseEmitter emitter, final String event, final String data) {
    try {
      emitter.send(SseEmitter.event().name(event).data(data));
    } catch (final IOException | IllegalStateException e) {
      emitter.completeWithError(e); // the page went away; its callbacks drop it
    }
  }
}
