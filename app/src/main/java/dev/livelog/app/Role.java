package dev.livelog.app;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What a livelog process runs; a single JVM runs them all, a cluster spreads them. */
public enum Role {
  /** Follows files, SSH hosts and commands; sends lines. */
  SOURCE,
  /** Parses lines into events. */
  PARSER,
  /** Stores events and computes datapoints. */
  ANALYZER,
  /** Serves the dashboard, the API and the bridge. */
  WEB;

  public static Set<Role> parse(String list) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    for (String name : list.split(",")) {
      String n = name.trim();
      if (n.isEmpty()) {
        continue;
      }
      try {
        roles.add(valueOf(n.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("unknown role '" + n
            + "'; roles are source, parser, analyzer, web");
      }
    }
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("no role given; roles are source, parser, analyzer, web");
    }
    return roles;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
