package dev.switchboard.app;

/** The version of the running build, as stamped into the jar's manifest. */
final class AppVersion {
    static final String UNPACKAGED = "dev";

    private AppVersion() {}

    /** {@code Implementation-Version} of the jar, or {@value #UNPACKAGED} when running from classes (IDE, tests). */
    static String current() {
        String version = AppVersion.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? UNPACKAGED : version;
    }
}
