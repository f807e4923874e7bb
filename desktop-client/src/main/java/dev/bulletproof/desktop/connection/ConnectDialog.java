package dev.bulletproof.desktop.connection;

import dev.bulletproof.desktop.DesktopException;
import java.util.Optional;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for a daemon's URL and token, offering the recently used ones. */
public final class ConnectDialog {

    private ConnectDialog() {}

    public static Optional<DaemonAddress> ask(Window owner, ConnectionViewModel model) {
        Dialog<DaemonAddress> dialog = new Dialog<>();
        dialog.initOwner(owner);
        if (owner != null && owner.getScene() != null) {
            dialog.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        dialog.setTitle("Connect to a daemon");
        dialog.setHeaderText("Which Bulletproof daemon?");
        ComboBox<String> url = new ComboBox<>();
        url.setEditable(true);
        url.setPrefWidth(360);
        url.setId("connect-url");
        model.recentDaemons()
                .forEach(address -> url.getItems().add(address.url().toString()));
        url.setValue(
                model.urlProperty().get().isBlank()
                        ? LaunchOptions.DEFAULT_URL.toString()
                        : model.urlProperty().get());
        PasswordField token = new PasswordField();
        token.setId("connect-token");
        token.setPromptText("blank for a daemon on this machine");
        url.valueProperty()
                .addListener((o, before, now) -> model.recentDaemons().stream()
                        .filter(address -> address.url().toString().equals(now) && address.token() != null)
                        .findFirst()
                        .ifPresent(address -> token.setText(address.token())));
        Label error = new Label();
        error.getStyleClass().add("field-error");
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(12));
        grid.addRow(0, new Label("URL"), url);
        grid.addRow(1, new Label("Token"), token);
        grid.add(error, 1, 2);
        dialog.getDialogPane().setContent(grid);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, event -> {
            try {
                LaunchOptions.parseUrl(url.getEditor().getText());
            } catch (DesktopException e) {
                error.setText(e.getMessage());
                event.consume();
            }
        });
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? new DaemonAddress(LaunchOptions.parseUrl(url.getEditor().getText()), token.getText())
                : null);
        return dialog.showAndWait();
    }
}
