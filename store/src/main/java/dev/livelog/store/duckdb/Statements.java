package dev.livelog.store.duckdb;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Where a query's statements come from: the writer's connection, or the reader's, whose
 * statements are cancelled at their query's deadline.
 */
@FunctionalInterface
interface Statements {
  PreparedStatement prepare(String sql) throws SQLException;
}
