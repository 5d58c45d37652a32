package io.relata.cli;

import io.relata.app.NotFoundException;
import io.relata.app.audit.AuditUnavailableException;
import io.relata.core.ingest.IngestException;
import io.relata.store.StoreException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.UncheckedIOException;
import java.util.NoSuchElementException;

/** The {@code relata} command line: one subcommand per analyst or engineer task. */
@Command(name = "relata", mixinStandardHelpOptions = true, version = "relata 0.1.0",
        description = "Resolve person and organization records into entities and explain the result.",
        subcommands = {DemoCommand.class, GenerateCommand.class, ResolveCommand.class, EvalCommand.class, WhyCommand.class,
                HowCommand.class, ModelCommand.class, IngestCommand.class, DeleteCommand.class, SearchCommand.class,
                EntityCommand.class, DecideCommand.class, ReviewCommand.class, ChangesCommand.class, ExportCommand.class, NetworkCommand.class,
                PathCommand.class, CommonCommand.class, PatternsCommand.class, LeadsCommand.class, CaseCommand.class,
                WatchCommand.class, AlertsCommand.class, UsersCommand.class, AuditCommand.class, ServeCommand.class,
                RetentionCommand.class,
                AccessRequestCommand.class,
                CommandLine.HelpCommand.class})
public final class RelataCommand implements Runnable {
    /** Exit code for a problem with the user's input (a missing file, a bad mapping, an unknown record). */
    static final int INPUT_ERROR = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The command line as {@link #main} runs it: input problems end in one line, not a stack trace. */
    public static CommandLine commandLine() {
        return new CommandLine(new RelataCommand()).setExecutionExceptionHandler((e, cmd, parsed) -> {
            // These carry messages written for the user; anything else is a bug and keeps its stack trace.
            if (e instanceof IngestException || e instanceof IllegalArgumentException || e instanceof NotFoundException
                    || e instanceof StoreException || e instanceof AuditUnavailableException
                    || e instanceof UncheckedIOException || e instanceof NoSuchElementException) {
                cmd.getErr().println("relata: " + e.getMessage());
                return INPUT_ERROR;
            }
            throw e;
        });
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
