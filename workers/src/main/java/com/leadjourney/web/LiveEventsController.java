package com.leadjourney.web;

import com.leadjourney.platform.LiveUpdates;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** {@code /events}: the signed-in page's stream of "something you see changed" (server-sent events). */
@RestController
class LiveEventsController {

  private final LiveUpdates live;

  LiveEventsController(final LiveUpdates live) {
    this.live = live;
  }

  @GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  SseEmitter events(final Authentication user) {
    return live.listen(user.getName());
  }
}
