package dev.switchboard.e2e.browser;

/** A failing test's view into one browser: its recorded events and console, attached to the failure. */
final class BrowserConsole extends Exception {
    private static final long serialVersionUID = 1L;

    BrowserConsole(String report) {
        super(report, null, false, false);
    }
}
