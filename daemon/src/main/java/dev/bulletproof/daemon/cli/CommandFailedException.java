package dev.bulletproof.daemon.cli;

import dev.bulletproof.daemon.BulletproofException;

/** A command ran but did not achieve what it was asked to (an encode failed, files were missing). */
class CommandFailedException extends BulletproofException {
    CommandFailedException(String message) {
        super(message);
    }
}
