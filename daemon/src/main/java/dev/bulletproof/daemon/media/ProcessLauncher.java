package dev.bulletproof.daemon.media;

import java.io.IOException;
import java.util.List;

/**
 * Starts the encoder process. The seam exists so tests can substitute a process that hangs, crashes or
 * floods stderr; production uses {@link #SYSTEM}.
 */
@FunctionalInterface
public interface ProcessLauncher {

    Process launch(List<String> command) throws IOException;

    ProcessLauncher SYSTEM = command -> {
        Process process = new ProcessBuilder(command).start();
        // -nostdin already tells ffmpeg not to read it; closing it makes sure nothing ever blocks on it.
        process.getOutputStream().close();
        return process;
    };
}
