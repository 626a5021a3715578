package dev.switchboard.app;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the process is asked to do, named by its only argument. A few verbs need no command-line library:
 * settings come from the environment, so there are no options to parse.
 */
enum Command {
    /** Run the server until SIGTERM; the default. */
    SERVE("serve", "start the server (the default)"),
    /** Apply pending PostgreSQL schema migrations and exit, for operators who migrate before deploying. */
    MIGRATE("migrate", "apply pending PostgreSQL schema migrations, then exit"),
    /** Check the Enterprise audit log's hash chain in PostgreSQL, print the result and exit: 0 intact, 3 broken. */
    VERIFY_AUDIT("verify-audit", "check the audit log's hash chain (enterprise, postgres), print one JSON line, "
            + "exit 0 intact or 3 broken"),
    /**
     * Re-encrypt every stored secret to the current master key, printing progress as JSON lines: 0 all resealed,
     * 3 some could not be opened (their key is not configured).
     */
    ROTATE_KEYS("rotate-keys", "re-encrypt stored secrets to SWITCHBOARD_MASTER_KEY (postgres), print JSON lines, "
            + "exit 0 all resealed or 3 some unopenable"),
    /** Print the usage. */
    HELP("help", "show this help");

    private final String word;
    private final String description;

    Command(String word, String description) {
        this.word = word;
        this.description = description;
    }

    /** The command the arguments name; empty when they name none. */
    static Optional<Command> parse(String... args) {
        if (args.length == 0) {
            return Optional.of(SERVE);
        }
        if (args.length > 1) {
            return Optional.empty();
        }
        if (args[0].equals("--help") || args[0].equals("-h")) {
            return Optional.of(HELP);
        }
        return Arrays.stream(values()).filter(command -> command.word.equals(args[0])).findFirst();
    }

    static String usage() {
        return "Usage: java -jar switchboard.jar [" + Arrays.stream(values()).map(c -> c.word)
                .collect(Collectors.joining(" | ")) + "]" + System.lineSeparator()
                + Arrays.stream(values()).map(c -> String.format("  %-13s %s", c.word, c.description))
                        .collect(Collectors.joining(System.lineSeparator()))
                + System.lineSeparator()
                + "Settings are environment variables (SWITCHBOARD_*); see docs/configuration.md.";
    }
}
