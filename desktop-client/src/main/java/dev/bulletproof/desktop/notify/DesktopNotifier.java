package dev.bulletproof.desktop.notify;

import java.awt.GraphicsEnvironment;
import java.awt.SystemTray;
import java.awt.TrayIcon;
import java.awt.image.BufferedImage;

/**
 * Desktop notifications through the system tray. Where there is no tray (a headless machine, some Linux
 * desktops) notifications are dropped without a word: the status bar and views still say everything.
 */
public final class DesktopNotifier implements Notices, AutoCloseable {

    private static final System.Logger LOG = System.getLogger(DesktopNotifier.class.getName());

    private final TrayIcon icon;

    private DesktopNotifier(TrayIcon icon) {
        this.icon = icon;
    }

    public static DesktopNotifier create() {
        try {
            if (GraphicsEnvironment.isHeadless() || !SystemTray.isSupported()) {
                return new DesktopNotifier(null);
            }
            BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_ARGB);
            var graphics = image.createGraphics();
            graphics.setColor(new java.awt.Color(0x1e88e5));
            graphics.fillOval(1, 1, 14, 14);
            graphics.dispose();
            TrayIcon icon = new TrayIcon(image, "Bulletproof");
            icon.setImageAutoSize(true);
            SystemTray.getSystemTray().add(icon);
            return new DesktopNotifier(icon);
        } catch (Exception | LinkageError e) {
            LOG.log(System.Logger.Level.DEBUG, "no desktop notifications here", e);
            return new DesktopNotifier(null);
        }
    }

    public boolean isSupported() {
        return icon != null;
    }

    @Override
    public void error(String title, String text) {
        show(title, text, TrayIcon.MessageType.ERROR);
    }

    @Override
    public void info(String title, String text) {
        show(title, text, TrayIcon.MessageType.INFO);
    }

    private void show(String title, String text, TrayIcon.MessageType type) {
        if (icon != null) {
            icon.displayMessage(title, text, type);
        }
    }

    @Override
    public void close() {
        if (icon != null) {
            SystemTray.getSystemTray().remove(icon);
        }
    }
}
