package dev.switchboard.app;

import java.util.List;

/** The configuration cannot start Switchboard; carries every problem found, each naming its setting. */
public final class InvalidConfigurationException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public InvalidConfigurationException(List<String> problems) {
        super(describe(problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each starting with the setting it concerns. */
    public List<String> problems() {
        return problems;
    }

    private static String describe(List<String> problems) {
        StringBuilder message = new StringBuilder("invalid configuration (")
                .append(problems.size()).append(problems.size() == 1 ? " problem)" : " problems)");
        problems.forEach(problem -> message.append(System.lineSeparator()).append("  - ").append(problem));
        return message.toString();
    }
}
