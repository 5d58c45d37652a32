package io.relata.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code relata} command line: one subcommand per analyst or engineer task. */
@Command(name = "relata", mixinStandardHelpOptions = true, version = "relata 0.1.0",
        description = "Resolve person and organization records into entities and explain the result.",
        subcommands = {DemoCommand.class, GenerateCommand.class, ResolveCommand.class, EvalCommand.class, WhyCommand.class, HowCommand.class, ModelCommand.class, CommandLine.HelpCommand.class})
public final class RelataCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new RelataCommand()).execute(args));
    }
}
