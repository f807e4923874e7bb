package dev.bulletproof.desktop.connection;

import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Always at the bottom: connected or not, and to which daemon. When no daemon answers, a banner above it
 * says why and what to do (start one from here, or how to start one).
 */
public final class StatusBar extends VBox {

    public StatusBar(ConnectionViewModel model, Runnable openConnectDialog, Label messages) {
        getChildren().addAll(banner(model), statusRow(model, openConnectDialog, messages));
    }

    private static HBox statusRow(ConnectionViewModel model, Runnable openConnectDialog, Label messages) {
        HBox row = new HBox(10);
        row.getStyleClass().add("status-bar");
        Label dot = new Label("●");
        dot.getStyleClass().add("connection-dot");
        Label state = new Label();
        state.setId("connection-status");
        state.setMinWidth(Region.USE_PREF_SIZE);
        state.textProperty().bind(model.statusTextProperty());
        model.stateProperty().addListener((o, before, now) -> showState(row, now));
        showState(row, model.stateProperty().get());
        Label url = new Label();
        url.setId("connection-url");
        url.setMinWidth(Region.USE_PREF_SIZE);
        url.textProperty().bind(model.urlProperty());
        Button connect = new Button("Connect…");
        connect.setId("open-connect");
        connect.setMinWidth(Region.USE_PREF_SIZE);
        connect.setOnAction(event -> openConnectDialog.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        messages.setMinWidth(0);
        row.getChildren().addAll(dot, state, url, spacer, messages, connect);
        return row;
    }

    private static void showState(HBox row, ConnectionState state) {
        row.getStyleClass().removeIf(style -> style.startsWith("state-"));
        row.getStyleClass().add("state-" + state.name().toLowerCase(Locale.ROOT));
    }

    private static HBox banner(ConnectionViewModel model) {
        Label problem = new Label();
        problem.setId("connection-problem");
        problem.getStyleClass().add("error-text");
        problem.setWrapText(true);
        problem.textProperty().bind(model.problemProperty());
        Button start = new Button("Start local daemon");
        start.setId("start-daemon");
        start.setMinWidth(Region.USE_PREF_SIZE);
        start.visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> model.noDaemonAnswersProperty().get() && model.canStartLocalDaemon(),
                        model.noDaemonAnswersProperty()));
        start.managedProperty().bind(start.visibleProperty());
        start.setOnAction(event -> model.startLocalDaemon());
        Label howTo = new Label(DaemonStarter.howToStart());
        howTo.setId("how-to-start");
        howTo.getStyleClass().add("hint");
        howTo.setWrapText(true);
        howTo.visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> model.noDaemonAnswersProperty().get() && !model.canStartLocalDaemon(),
                        model.noDaemonAnswersProperty()));
        howTo.managedProperty().bind(howTo.visibleProperty());
        VBox text = new VBox(4, problem, howTo);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox banner = new HBox(12, text, start);
        banner.getStyleClass().add("connection-banner");
        banner.visibleProperty().bind(model.problemProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }
}
