package dev.bulletproof.daemon.logging;

/** The short component name a record shows instead of its logger's full name. */
final class Components {

    private Components() {}

    /**
     * "dev.bulletproof.daemon.jobs.WorkerPool" → "WorkerPool", "bulletproof.jobs" → "jobs",
     * "io.helidon.webserver.LoomServer" → "LoomServer"; a nested class keeps its outer name.
     */
    static String shortName(String loggerName) {
        if (loggerName == null || loggerName.isEmpty()) {
            return "root";
        }
        String name = loggerName;
        int nested = name.indexOf('$');
        if (nested > 0) {
            name = name.substring(0, nested);
        }
        int dot = name.lastIndexOf('.');
        return dot >= 0 && dot < name.length() - 1 ? name.substring(dot + 1) : name;
    }
}
