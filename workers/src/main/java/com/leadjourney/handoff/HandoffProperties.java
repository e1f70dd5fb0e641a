package com.leadjourney.handoff;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The XDR team and the fixed default first-touch policy (warm: 4 h). Policies by priority,
 * business hours and routing rules are the routing/SLA work; this is the floor they replace.
 *
 * @param xdrs who takes MQLs, in round-robin order
 * @param firstTouch the first-touch window; breaching it escalates to the manager
 * @param reminderShare share of the window after which the XDR is reminded
 * @param reassignAfter grace after the breach before the lead is routed to someone else
 */
@ConfigurationProperties("leadjourney.handoff")
public record HandoffProperties(
    @DefaultValue({"xdr-ada", "xdr-grace"}) List<String> xdrs,
    @DefaultValue("4h") Duration firstTouch,
    @DefaultValue("0.5") double reminderShare,
    @DefaultValue("1h") Duration reassignAfter) {}
