package dev.livelog.store.query;

/** A condition on a named field. */
public record FieldCondition(String field, Condition condition) {}
