package dev.bulletproof.desktop.dashboard;

import dev.bulletproof.format.Formats;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import dev.bulletproof.model.StatsModel;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;

/** The dashboard: statistics cards on top, the running jobs below. */
public final class DashboardView extends BorderPane {

    public DashboardView(DashboardViewModel model) {
        getStyleClass().add("dashboard");
        TilePane cards = new TilePane(12, 12);
        cards.setPrefColumns(6);
        cards.getChildren()
                .addAll(
                        card("Total", model, s -> Formats.count(s.totalJobs()), "card-total"),
                        card("Successful", model, s -> Formats.count(s.successful()), "card-ok"),
                        card("Failed", model, s -> Formats.count(s.failed()), "card-failed"),
                        card("In progress", model, s -> Formats.count(s.inProgress()), "card-active"),
                        card("Queued", model, s -> Formats.count(s.queued()), "card-queued"),
                        card("Average time", model, DashboardViewModel::averageText, "card-avg"));

        Button pause = new Button();
        pause.setId("queue-pause");
        pause.textProperty()
                .bind(Bindings.when(model.queuePausedProperty())
                        .then("Resume queue")
                        .otherwise("Pause queue"));
        pause.setOnAction(event -> model.togglePause());
        Label queueState = new Label();
        queueState.getStyleClass().add("queue-state");
        queueState.textProperty().bind(model.queueStateProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label title = new Label("Active jobs");
        title.getStyleClass().add("section-title");
        Button drain = new Button("Drain");
        drain.setId("queue-drain");
        drain.setTooltip(new javafx.scene.control.Tooltip("Let the running jobs finish, then pause the queue"));
        drain.visibleProperty().bind(model.queuePausedProperty().not());
        drain.managedProperty().bind(drain.visibleProperty());
        drain.setOnAction(event -> model.drain());
        HBox header = new HBox(12, title, spacer, queueState, pause, drain);
        header.getStyleClass().add("section-header");

        Label scheduleLine = new Label();
        scheduleLine.setId("schedule-line");
        scheduleLine.getStyleClass().add("queue-state");
        scheduleLine.textProperty().bind(model.scheduleLineProperty());
        Button runNow = new Button("Run now for 2 h");
        runNow.setId("schedule-run");
        runNow.setOnAction(event -> model.runFor(java.time.Duration.ofHours(2)));
        Button hold = new Button("Hold until tomorrow 07:00");
        hold.setId("schedule-hold");
        hold.setOnAction(event -> model.holdUntilTomorrowMorning());
        Button clear = new Button("Clear override");
        clear.setId("schedule-clear");
        clear.visibleProperty().bind(model.scheduleOverriddenProperty());
        clear.managedProperty().bind(clear.visibleProperty());
        clear.setOnAction(event -> model.clearOverride());
        Region scheduleSpacer = new Region();
        HBox.setHgrow(scheduleSpacer, Priority.ALWAYS);
        HBox scheduleRow = new HBox(12, scheduleLine, scheduleSpacer, runNow, hold, clear);
        scheduleRow.getStyleClass().add("schedule-row");
        Label folderSchedules = new Label();
        folderSchedules.setId("folder-schedules");
        folderSchedules.getStyleClass().add("folder-schedules");
        folderSchedules.textProperty().bind(model.folderSchedulesProperty());
        folderSchedules.visibleProperty().bind(model.folderSchedulesProperty().isNotEmpty());
        folderSchedules.managedProperty().bind(folderSchedules.visibleProperty());

        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.messageProperty());

        VBox top = new VBox(12, cards, error, scheduleRow, folderSchedules, header);
        top.setPadding(new Insets(0, 0, 12, 0));
        setTop(top);
        setCenter(activeTable(model));
        setPadding(new Insets(16));
    }

    private static VBox card(String title, DashboardViewModel model, Function<StatsModel, String> value, String id) {
        Label name = new Label(title);
        name.getStyleClass().add("card-title");
        Label number = new Label();
        number.setId(id);
        number.getStyleClass().add("card-value");
        number.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> value.apply(model.statsProperty().get()), model.statsProperty()));
        VBox card = new VBox(4, name, number);
        card.getStyleClass().add("card");
        card.setPrefWidth(170);
        return card;
    }

    private static TableView<JobModel> activeTable(DashboardViewModel model) {
        TableView<JobModel> table = new TableView<>(model.activeJobs());
        table.setId("active-jobs");
        table.setPlaceholder(new Label("No job is running."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(text("File", JobModel::filename, 320));
        table.getColumns().add(text("Profile", JobModel::profile, 140));
        TableColumn<JobModel, JobModel> progress = new TableColumn<>("Progress");
        progress.setPrefWidth(220);
        progress.setCellValueFactory(cell -> new SimpleObjectProperty<>(cell.getValue()));
        progress.setCellFactory(column -> new ProgressCell());
        table.getColumns().add(progress);
        table.getColumns().add(text("FPS", job -> Formats.fps(job.fps()), 90));
        table.getColumns().add(text("Speed", job -> Formats.speed(job.speed()), 90));
        table.getColumns().add(text("ETA", job -> Formats.duration(job.etaSeconds()), 90));
        table.getColumns().add(text("Status", job -> job.status().wireName(), 110));
        return table;
    }

    static TableColumn<JobModel, String> text(String title, Function<JobModel, String> value, double width) {
        TableColumn<JobModel, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }

    /** A progress bar with the percentage written over it, in the colour of the job's status. */
    public static final class ProgressCell extends TableCell<JobModel, JobModel> {
        private final ProgressBar bar = new ProgressBar(0);
        private final Label label = new Label();
        private final StackPane pane = new StackPane(bar, label);

        public ProgressCell() {
            bar.setMaxWidth(Double.MAX_VALUE);
            label.getStyleClass().add("progress-label");
        }

        @Override
        protected void updateItem(JobModel job, boolean empty) {
            super.updateItem(job, empty);
            if (empty || job == null) {
                setGraphic(null);
                return;
            }
            // A completed job shows full even when its last progress report said 99 %.
            bar.setProgress(job.status() == JobStatus.COMPLETED ? 1 : job.progress());
            bar.getStyleClass().removeIf(style -> style.startsWith("status-"));
            bar.getStyleClass().add("status-" + job.status().wireName());
            label.setText(Formats.percent(bar.getProgress()));
            setGraphic(pane);
        }
    }
}
