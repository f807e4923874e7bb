package dev.bulletproof.desktop;

/** An expected failure of the desktop client, with a message fit to show to the operator. */
public class DesktopException extends RuntimeException {

    public DesktopException(String message) {
        super(message);
    }

    public DesktopException(String message, Throwable cause) {
        super(message, cause);
    }
}
