package io.relata.cli;

import picocli.CommandLine.Option;

/** Who acts ({@code --analyst}, by default the login name), for commands that record a person's decision. */
final class AnalystOptions {
    @Option(names = "--analyst", description = "Who acts (default: the login name).")
    String analyst = System.getProperty("user.name");
}
