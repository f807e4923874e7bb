package dev.bulletproof.desktop.notify;

/** Where the client's notifications go: the system tray in the application, a list in tests. */
public interface Notices {

    void error(String title, String text);

    void info(String title, String text);
}
