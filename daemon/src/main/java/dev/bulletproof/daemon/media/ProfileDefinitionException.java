package dev.bulletproof.daemon.media;

import dev.bulletproof.daemon.BulletproofException;
import java.util.List;

/** A custom profile in the config file is invalid; one message line per bad field. */
public class ProfileDefinitionException extends BulletproofException {
    private final List<String> problems;

    public ProfileDefinitionException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
