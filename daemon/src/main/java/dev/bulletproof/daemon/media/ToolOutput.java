package dev.bulletproof.daemon.media;

/** What a short-lived tool run (ffprobe, {@code ffmpeg -version}) printed and how it ended. */
record ToolOutput(int exitCode, String stdout, String stderr) {

    boolean succeeded() {
        return exitCode == 0;
    }

    /** The last non-blank stderr line, which is where ffmpeg tools put the reason they failed. */
    String lastErrorLine() {
        String[] lines = stderr.strip().split("\\R");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return "exit code " + exitCode;
    }
}
