package dev.livelog.app;

import dev.livelog.parser.Formats;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code livelog formats}: the built-in formats and what they are for. */
@Command(name = "formats", mixinStandardHelpOptions = true,
    description = "List the built-in log formats.")
final class FormatsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Formats.builtins().all().forEach(b -> {
      String definition = Formats.kindOf(b.config()).definition(b.config());
      spec.commandLine().getOut().printf("%-12s %s%n%-12s %s%n%n", b.name(), b.description(), "", definition);
    });
    return Livelog.EXIT_OK;
  }
}
