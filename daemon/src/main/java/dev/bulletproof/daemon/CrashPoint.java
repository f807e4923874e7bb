package dev.bulletproof.daemon;

/**
 * Fault injection for the crash-safety tests: when the system property {@code bulletproof.crash-at} names
 * a step, the process halts there at once, as a kill -9 or a power cut would stop it (no shutdown hooks, no
 * finally blocks, no flushing of anything the code has not made durable itself). Unset, as it always is
 * outside the tests, each call is a comparison with null.
 *
 * <p>The steps are listed in docs/decisions/0003-exactly-once-publish.md with what a crash there leaves
 * and what start-up recovery does with it.
 */
public final class CrashPoint {

    public static final String PROPERTY = "bulletproof.crash-at";

    /** The exit status of a process killed by SIGKILL, so a test sees the same thing either way. */
    private static final int KILLED_STATUS = 137;

    private static final String TARGET = System.getProperty(PROPERTY);

    private CrashPoint() {}

    public static void reached(String step) {
        if (step.equals(TARGET)) {
            System.err.println("crash point reached: " + step);
            System.err.flush();
            Runtime.getRuntime().halt(KILLED_STATUS);
        }
    }
}
