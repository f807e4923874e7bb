package dev.bulletproof.daemon.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bulletproof.daemon.media.ProfileCatalog;
import dev.bulletproof.daemon.rules.RuleSet;

/** The configuration the daemon runs with now, and the two ways a client changes it while it runs. */
public interface LiveConfig {

    DaemonConfig config();

    ProfileCatalog profiles();

    RuleSet rules();

    /**
     * Changes only the keys {@code changes} carries (decision 0008), saves the file and applies the result
     * to the running daemon; when anything is wrong nothing changes.
     *
     * @throws ConfigValidationException with a message per field
     */
    DaemonConfig update(ObjectNode changes);

    /** Restores the built-in defaults (all but the file-only keys), saved and applied like an update. */
    DaemonConfig reset();
}
