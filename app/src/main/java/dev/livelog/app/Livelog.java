package dev.livelog.app;

import dev.livelog.app.analyze.AnalyzeCommand;
import dev.livelog.app.demo.DemoCommand;
import dev.livelog.common.config.ConfigException;
import dev.livelog.common.redact.Redaction;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code livelog} command. Exit codes: 0 done, 1 failure, 2 bad usage or config. A wrong
 * flag, a missing file or a bad config is one clear line on stderr, never a stack trace.
 */
@Command(name = "livelog", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Live log analyzer: follows nginx logs on many servers, computes cache hit"
        + " ratios, upstream response times, rates and errors, and plots them live.",
    subcommands = {DemoCommand.class, RunCommand.class, AnalyzeCommand.class,
        CheckConfigCommand.class, FormatsCommand.class, TestFormatCommand.class})
public final class Livelog implements Runnable {
  public static final int EXIT_OK = 0;
  public static final int EXIT_FAILURE = 1;
  public static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  public static void main(String[] args) {
    Logging.configure(false);
    int code = execute(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
    if (code != EXIT_OK || !Boolean.getBoolean("livelog.keepRunning")) {
      System.exit(code);
    }
  }

  /** Runs a command line with the given output streams; returns the exit code. */
  public static int execute(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cli = new CommandLine(new Livelog());
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true); // --progress auto|always|never
    cli.setParameterExceptionHandler((e, a) -> {
      err.println("livelog: " + e.getMessage() + " (see 'livelog " + commandPath(e.getCommandLine())
          + "--help')");
      return EXIT_USAGE;
    });
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      if (e instanceof ConfigException c) {
        err.println("livelog: " + c.getMessage());
        return EXIT_USAGE;
      }
      if (e instanceof UsageException u) {
        err.println("livelog: " + u.getMessage());
        return EXIT_USAGE;
      }
      if (outOfMemory(e)) {
        err.println(OUT_OF_MEMORY);
        return EXIT_FAILURE;
      }
      err.println("livelog: " + Redaction.uris(e.getMessage() == null ? e.toString() : e.getMessage()));
      if (Boolean.getBoolean("livelog.debug")) {
        e.printStackTrace(err);
      }
      return EXIT_FAILURE;
    });
    try {
      return cli.execute(args);
    } catch (OutOfMemoryError e) {
      err.println(OUT_OF_MEMORY);
      return EXIT_FAILURE;
    }
  }

  /** What a command that ran out of heap says: the heap it had and how to give it more. */
  static final String OUT_OF_MEMORY = "livelog: out of memory in a heap of at most "
      + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; give it more with"
      + " LIVELOG_JAVA_OPTS=-Xmx1g (the launcher's default for one-shot commands is 192 MiB)";

  /** Whether {@code e} or one of its causes (a worker thread's, say) is an OutOfMemoryError. */
  static boolean outOfMemory(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof OutOfMemoryError) {
        return true;
      }
    }
    return false;
  }

  private static String commandPath(CommandLine c) {
    StringBuilder path = new StringBuilder();
    for (CommandLine p = c; p.getParent() != null; p = p.getParent()) {
      path.insert(0, p.getCommandName() + " ");
    }
    return path.toString();
  }
}
