package dev.livelog.parser.regex;

/**
 * Finds a regex in a line and tells where its groups are, by group number. One instance per
 * thread: it keeps the state of the last match.
 */
public interface GroupMatcher {

  /** Searches the line for the first match, as {@link java.util.regex.Matcher#find()} does. */
  boolean find(String line);

  /** Start of a group of the last match, or -1 when the group did not take part. */
  int start(int group);

  /** End of a group of the last match, or -1 when the group did not take part. */
  int end(int group);
}
