package dev.bulletproof.desktop.nodes;

import dev.bulletproof.format.Formats;
import dev.bulletproof.model.NodeModel;
import dev.bulletproof.model.NodeStatus;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The nodes of the cluster in a table, a banner while one is down, and the pause switch of the selected one. */
public final class NodesView extends BorderPane {

    private final NodesViewModel model;
    private final TableView<NodeModel> table = new TableView<>();

    public NodesView(NodesViewModel model) {
        this.model = model;
        getStyleClass().add("nodes");
        Label banner = new Label();
        banner.setId("nodes-dead-banner");
        banner.getStyleClass().add("node-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.textProperty().bind(model.deadBannerProperty());
        banner.visibleProperty().bind(model.deadBannerProperty().isNotEmpty());
        banner.managedProperty().bind(banner.visibleProperty());

        Label title = new Label("Nodes");
        title.getStyleClass().add("section-title");
        Label summary = new Label();
        summary.setId("nodes-summary");
        summary.getStyleClass().add("hint");
        summary.textProperty().bind(model.summaryProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button pause = new Button();
        pause.setId("node-pause");
        pause.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> NodesViewModel.pauseLabel(model.selectedProperty().get()), model.selectedProperty()));
        pause.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> model.selectedProperty().get() == null
                                || model.selectedProperty().get().status() == NodeStatus.DEAD,
                        model.selectedProperty()));
        pause.setOnAction(event -> model.togglePauseSelected());
        Button pauseAll = new Button("Pause all nodes");
        pauseAll.setId("nodes-pause-all");
        pauseAll.setOnAction(event -> model.pauseAll(true));
        Button resumeAll = new Button("Resume all nodes");
        resumeAll.setId("nodes-resume-all");
        resumeAll.setOnAction(event -> model.pauseAll(false));
        HBox header = new HBox(12, title, summary, spacer, pauseAll, resumeAll, pause);
        header.getStyleClass().add("section-header");

        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.messageProperty());
        error.managedProperty().bind(model.messageProperty().isNotEmpty());
        Label hint = new Label("Pausing a node stops it from starting new jobs; the jobs it runs carry on. Another"
                + " node applies a pause at its next heartbeat, one that is down when it comes back. On a single"
                + " machine the daemon is the one node, and pausing it pauses the queue.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        VBox top = new VBox(12, banner, header, error);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);
        setCenter(buildTable());
        setBottom(hint);
        BorderPane.setMargin(hint, new Insets(12, 0, 0, 0));
        setPadding(new Insets(16));
    }

    private TableView<NodeModel> buildTable() {
        table.setItems(model.nodes());
        table.setId("nodes-table");
        table.setPlaceholder(new Label("No nodes known yet."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(text("Name", NodeModel::name, 160));
        TableColumn<NodeModel, NodeStatus> status = new TableColumn<>("Status");
        status.setCellValueFactory(
                cell -> new SimpleObjectProperty<>(cell.getValue().status()));
        status.setCellFactory(column -> new StatusCell());
        status.setPrefWidth(90);
        table.getColumns().add(status);
        table.getColumns().add(text("State", NodesViewModel::stateText, 220));
        table.getColumns().add(text("Workers", NodesViewModel::workersText, 100));
        table.getColumns().add(text("Current jobs", NodesViewModel::currentJobsText, 130));
        TableColumn<NodeModel, String> heartbeat = new TableColumn<>("Last heartbeat");
        heartbeat.setPrefWidth(130);
        heartbeat.setCellValueFactory(cell -> Bindings.createStringBinding(
                () -> NodesViewModel.heartbeatText(
                        cell.getValue(), model.nowProperty().get()),
                model.nowProperty()));
        table.getColumns().add(heartbeat);
        table.getColumns().add(text("Version", NodeModel::version, 140));
        table.getColumns()
                .add(text("Started", node -> Formats.dateTime(node.startedAt(), ZoneId.systemDefault()), 170));
        table.getColumns().add(text("Encoders", node -> String.join(", ", node.encoders()), 200));
        table.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        // A live update replaces the rows, which drops the table's selection: follow the view model's.
        model.selectedProperty().addListener((o, before, now) -> followSelection());
        model.nodes().addListener((javafx.collections.ListChangeListener<NodeModel>) change -> followSelection());
        return table;
    }

    private void followSelection() {
        NodeModel wanted = model.selectedProperty().get();
        if (wanted == null) {
            table.getSelectionModel().clearSelection();
        } else if (table.getSelectionModel().getSelectedItem() != wanted) {
            table.getItems().stream()
                    .filter(node -> node.id().equals(wanted.id()))
                    .findFirst()
                    .ifPresent(node -> table.getSelectionModel().select(node));
        }
    }

    public TableView<NodeModel> table() {
        return table;
    }

    private static TableColumn<NodeModel, String> text(String title, Function<NodeModel, String> value, double width) {
        TableColumn<NodeModel, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }

    /** Alive or dead as a badge in the status palette's colours for done and failed. */
    private static final class StatusCell extends TableCell<NodeModel, NodeStatus> {
        private final Label badge = new Label();

        @Override
        protected void updateItem(NodeStatus status, boolean empty) {
            super.updateItem(status, empty);
            if (empty || status == null) {
                setGraphic(null);
                return;
            }
            badge.setText(status.wireName());
            badge.getStyleClass().setAll("label", "badge", "badge-node-" + status.wireName());
            setGraphic(badge);
        }
    }
}
