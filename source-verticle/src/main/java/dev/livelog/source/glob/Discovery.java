package dev.livelog.source.glob;

import java.time.Duration;

/**
 * How a kind finds the files of a pattern: a lister (here or on a host) and how often to list
 * (at least every second).
 */
public record Discovery(FileLister lister, Duration interval) {}
