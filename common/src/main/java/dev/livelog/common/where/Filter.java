package dev.livelog.common.where;

import java.util.List;

/** Field conditions that must all hold, or any of them with {@code any}. No conditions: everything. */
public record Filter(List<FieldCondition> conditions, boolean any) {
  public static final Filter ALL = new Filter(List.of(), false);

  public Filter {
    conditions = List.copyOf(conditions);
  }

  public boolean isEmpty() {
    return conditions.isEmpty();
  }
}
