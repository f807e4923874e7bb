package dev.bulletproof.desktop.webhooks;

import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** The webhook deliveries table with "Send test event" and "Refresh". */
public final class WebhooksView extends BorderPane {

    public WebhooksView(WebhooksViewModel model) {
        getStyleClass().add("webhooks");
        setPadding(new Insets(8));
        Button test = new Button("Send test event");
        test.setId("webhooks-test");
        test.setOnAction(event -> model.sendTestEvent());
        Button refresh = new Button("Refresh");
        refresh.setId("webhooks-refresh");
        refresh.setOnAction(event -> model.refresh());
        Label note = new Label();
        note.setId("webhooks-note");
        note.textProperty().bind(model.noteProperty());
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.messageProperty());
        HBox controls = new HBox(8, test, refresh, note, error);
        controls.getStyleClass().add("tool-bar-row");
        Label hint = new Label("Webhooks are set in the daemon's config file (webhooks:). Receivers should"
                + " ignore a delivery id they have already seen.");
        hint.setWrapText(true);

        TableView<WebhooksViewModel.Row> table = new TableView<>(model.rows());
        table.setId("webhooks-table");
        table.setPlaceholder(new Label("No deliveries yet."));
        table.getColumns()
                .addAll(List.of(
                        column("Event", WebhooksViewModel.Row::event, 220),
                        column("Endpoint", WebhooksViewModel.Row::endpoint, 320),
                        column("Outcome", WebhooksViewModel.Row::outcome, 320),
                        column("Last change", WebhooksViewModel.Row::changed, 180)));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        VBox top = new VBox(8, controls, hint);
        BorderPane.setMargin(top, new Insets(0, 0, 8, 0));
        setTop(top);
        setCenter(table);
    }

    private static TableColumn<WebhooksViewModel.Row, String> column(
            String title, Function<WebhooksViewModel.Row, String> value, double width) {
        TableColumn<WebhooksViewModel.Row, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
