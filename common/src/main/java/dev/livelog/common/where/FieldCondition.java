package dev.livelog.common.where;

/** A condition on a named field. */
public record FieldCondition(String field, Condition condition) {}
