package dev.bulletproof.desktop.connection;

import javafx.beans.binding.Bindings;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** Always at the bottom: connected or not, to which daemon, and what to do when none answers. */
public final class StatusBar extends HBox {

    public StatusBar(ConnectionViewModel model, Runnable openConnectDialog, Label messages) {
        getStyleClass().add("status-bar");
        Label dot = new Label("●");
        dot.getStyleClass().add("connection-dot");
        Label state = new Label();
        state.setId("connection-status");
        state.textProperty().bind(model.statusTextProperty());
        model.stateProperty().addListener((o, before, now) -> {
            getStyleClass().removeIf(style -> style.startsWith("state-"));
            getStyleClass().add("state-" + now.name().toLowerCase(java.util.Locale.ROOT));
        });
        getStyleClass().add("state-" + model.stateProperty().get().name().toLowerCase(java.util.Locale.ROOT));
        Label url = new Label();
        url.setId("connection-url");
        url.textProperty().bind(model.urlProperty());
        Label problem = new Label();
        problem.setId("connection-problem");
        problem.getStyleClass().add("error-text");
        problem.textProperty().bind(model.problemProperty());
        Button start = new Button("Start local daemon");
        start.setId("start-daemon");
        start.visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> model.noDaemonAnswersProperty().get() && model.canStartLocalDaemon(),
                        model.noDaemonAnswersProperty()));
        start.managedProperty().bind(start.visibleProperty());
        start.setOnAction(event -> model.startLocalDaemon());
        Label howTo = new Label(DaemonStarter.howToStart());
        howTo.getStyleClass().add("hint");
        howTo.visibleProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> model.noDaemonAnswersProperty().get() && !model.canStartLocalDaemon(),
                        model.noDaemonAnswersProperty()));
        howTo.managedProperty().bind(howTo.visibleProperty());
        Button connect = new Button("Connect…");
        connect.setId("open-connect");
        connect.setOnAction(event -> openConnectDialog.run());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        setSpacing(10);
        getChildren().addAll(dot, state, url, problem, start, howTo, spacer, messages, connect);
    }
}
