package dev.bulletproof.daemon.media;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Starts a tool at the lowest CPU priority through the system's {@code nice}, where there is one (Linux,
 * macOS, the BSDs). Java cannot lower a child's priority itself; without {@code nice} (Windows) the tool
 * runs at normal priority, which costs the encodes some time but changes no result.
 */
final class LowPriority {

    private static final List<Path> NICE = List.of(Path.of("/usr/bin/nice"), Path.of("/bin/nice"));
    private static final Optional<Path> FOUND =
            NICE.stream().filter(Files::isExecutable).findFirst();

    private LowPriority() {}

    /** {@code command} prefixed so that it runs at niceness 19, or unchanged where that is not possible. */
    static List<String> wrap(List<String> command) {
        return wrap(command, FOUND);
    }

    static List<String> wrap(List<String> command, Optional<Path> nice) {
        if (nice.isEmpty()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(command.size() + 3);
        wrapped.add(nice.get().toString());
        wrapped.add("-n");
        wrapped.add("19");
        wrapped.addAll(command);
        return wrapped;
    }
}
