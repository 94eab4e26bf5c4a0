package dev.livelog.web;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The routes over a group's stored data and the query parameters each takes (declared by the
 * request class that reads them). A route refuses a
 * parameter that another of them takes and it does not: ignored, it would answer another
 * question than the one asked ({@code /api/baseline?split=host} answered the unsplit group's
 * baseline, {@code /api/query?where=...} the unfiltered datapoints). A name none of them takes
 * is ignored, as on every route; so is a blank value, which asks for nothing different.
 */
enum StoredDataRoute {
  QUERY("/api/query", QueryRequest.PARAMETERS, Map.of()),
  EVENTS("/api/events", EventsRequest.PARAMETERS, Map.of()),
  BASELINE("/api/baseline", BaselineRequest.PARAMETERS, Map.of("split",
      "baselines are not split, they are the group's datapoints as stored, a day or a week earlier"));

  private final String path;
  private final List<String> parameters;
  private final Map<String, String> whyNot;

  /** {@code whyNot}: for a parameter of another route, why this one does not take it, when that helps. */
  StoredDataRoute(String path, List<String> parameters, Map<String, String> whyNot) {
    this.path = path;
    this.parameters = parameters;
    this.whyNot = whyNot;
  }

  /** @throws IllegalArgumentException naming a parameter of another route given to this one */
  void refuseOthers(Function<String, String> params) {
    for (StoredDataRoute other : values()) {
      for (String name : other.parameters) {
        String value = params.apply(name);
        if (!parameters.contains(name) && value != null && !value.isBlank()) {
          throw new IllegalArgumentException("'" + name + "' is not a parameter of " + path + ": "
              + whyNot.getOrDefault(name, takers(name) + " it") + "; " + path + " takes "
              + String.join(", ", parameters));
        }
      }
    }
  }

  /** "/api/events takes", "/api/query and /api/events take". */
  private static String takers(String name) {
    List<String> paths = Arrays.stream(values()).filter(r -> r.parameters.contains(name)).map(r -> r.path).toList();
    return String.join(" and ", paths) + (paths.size() == 1 ? " takes" : " take");
  }
}
