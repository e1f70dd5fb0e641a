package com.leadjourney.notification;

/** A way out of the app to a person (email, a webhook into chat). The in-app inbox is always written first. */
public interface OutboundChannel {

  String name();

  /** Delivers or throws; a failure is logged and counted, it never undoes the notification. */
  void send(Notification notification);
}
