package com.leadjourney.engine;

import java.util.List;

/** The running instances of one stage's process, as the app's own records know them. */
public interface InFlightInstances {

  String processId();

  List<Long> processInstanceKeys();
}
