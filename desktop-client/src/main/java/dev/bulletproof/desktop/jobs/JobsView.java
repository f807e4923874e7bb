package dev.bulletproof.desktop.jobs;

import dev.bulletproof.desktop.dashboard.DashboardView;
import dev.bulletproof.format.Formats;
import dev.bulletproof.model.JobAction;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import java.time.ZoneId;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** All jobs: filters, the paged table, actions on the selected job and its details. */
public final class JobsView extends BorderPane {

    private static final int LOAD_AHEAD_ROWS = 20;

    private final JobsViewModel model;
    private final TextField search = new TextField();
    private final TableView<JobModel> table = new TableView<>();

    public JobsView(JobsViewModel model) {
        this.model = model;
        getStyleClass().add("jobs");
        setTop(new VBox(8, filters(), actions()));
        SplitPane split = new SplitPane(buildTable(), detail());
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.64);
        setCenter(split);
        setPadding(new Insets(16));
    }

    /** Ctrl+F lands here. */
    public void focusSearch() {
        search.requestFocus();
        search.selectAll();
    }

    public TableView<JobModel> table() {
        return table;
    }

    private HBox filters() {
        search.setId("job-search");
        search.setPromptText("Search file names (Ctrl+F)");
        search.setPrefColumnCount(24);
        search.textProperty().bindBidirectional(model.searchProperty());
        search.setOnAction(event -> model.refresh());

        ComboBox<JobStatus> status = new ComboBox<>(FXCollections.observableArrayList(JobStatus.values()));
        status.getItems().addFirst(null);
        status.setId("status-filter");
        status.setPromptText("Any status");
        status.setConverter(new StringConverter<>() {
            @Override
            public String toString(JobStatus value) {
                return value == null ? "Any status" : value.wireName();
            }

            @Override
            public JobStatus fromString(String text) {
                return null;
            }
        });
        status.valueProperty().bindBidirectional(model.statusFilterProperty());
        status.setOnAction(event -> model.refresh());

        ComboBox<String> profile = new ComboBox<>();
        profile.setId("profile-filter");
        profile.setPromptText("Any profile");
        profile.setItems(model.profiles());
        profile.valueProperty().addListener((o, before, now) -> {
            model.profileFilterProperty().set(now == null ? "" : now);
            model.refresh();
        });
        Button clear = new Button("Clear filters");
        clear.setOnAction(event -> {
            profile.setValue(null);
            status.setValue(null);
            search.clear();
            model.refresh();
        });

        Label count = new Label();
        count.setId("job-count");
        count.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> "Showing " + model.jobs().size() + " of "
                                + model.totalProperty().get(),
                        model.jobs(),
                        model.totalProperty()));
        Button more = new Button("Load more");
        more.setId("load-more");
        more.disableProperty()
                .bind(Bindings.createBooleanBinding(() -> !model.hasMore(), model.jobs(), model.totalProperty()));
        more.setOnAction(event -> model.loadMore());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(8, search, status, profile, clear, spacer, count, more);
        bar.getStyleClass().add("tool-bar-row");
        return bar;
    }

    private HBox actions() {
        Button pause = action("Pause", "job-pause", model::pauseSelected);
        Button resume = action("Resume", "job-resume", model::resumeSelected);
        Button cancel = action("Cancel…", "job-cancel", this::confirmCancel);
        Button retry = action("Retry", "job-retry", this::confirmRetry);
        Button delete = action("Delete…", "job-delete", this::confirmDelete);
        // Enabled exactly when the daemon says the selected job allows the action (its allowed_actions).
        var selected = model.selectedProperty();
        bindEnabled(pause, selected, JobAction.PAUSE);
        bindEnabled(resume, selected, JobAction.RESUME);
        bindEnabled(cancel, selected, JobAction.CANCEL);
        bindEnabled(retry, selected, JobAction.RETRY);
        bindEnabled(delete, selected, JobAction.DELETE);
        Label message = new Label();
        message.getStyleClass().add("error-text");
        message.textProperty().bind(model.messageProperty());
        HBox row = new HBox(8, pause, resume, cancel, retry, delete, message);
        row.getStyleClass().add("tool-bar-row");
        return row;
    }

    private static void bindEnabled(
            Button button, javafx.beans.value.ObservableValue<JobModel> selected, JobAction action) {
        button.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> !JobsViewModel.allows(selected.getValue(), action), selected));
    }

    private static Button action(String text, String id, Runnable run) {
        Button button = new Button(text);
        button.setId(id);
        button.setOnAction(event -> run.run());
        return button;
    }

    /** Delete key and the Cancel button: the running encode is thrown away, so ask first. */
    public void confirmCancel() {
        JobModel job = model.selectedProperty().get();
        if (job != null
                && !job.status().isFinished()
                && confirm(
                        "Cancel " + job.filename() + "?",
                        "Its partial output is removed; the source stays.",
                        "Cancel job",
                        "Keep running")) {
            model.cancelSelected();
        }
    }

    /** Re-running a completed job never replaces its output: the daemon writes a numbered copy beside it. */
    private void confirmRetry() {
        JobModel job = model.selectedProperty().get();
        if (job == null) {
            return;
        }
        if (job.status() != JobStatus.COMPLETED
                || confirm(
                        "Run " + job.filename() + " again?",
                        "Its output stays; the new one is written beside it as a numbered copy.",
                        "Run again",
                        "Keep as it is")) {
            model.retrySelected();
        }
    }

    private void confirmDelete() {
        JobModel job = model.selectedProperty().get();
        if (job != null
                && confirm(
                        "Remove " + job.filename() + " from the history?",
                        "Only the history entry goes; its files stay where they are.",
                        "Remove entry",
                        "Keep it")) {
            model.deleteSelected();
        }
    }

    /** A question whose buttons say what they do, not "OK" and "Cancel" (a "Cancel" that keeps a job running). */
    private boolean confirm(String header, String text, String yes, String no) {
        ButtonType doIt = new ButtonType(yes, ButtonBar.ButtonData.OK_DONE);
        ButtonType dont = new ButtonType(no, ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, text, doIt, dont);
        alert.setHeaderText(header);
        alert.setTitle("Bulletproof");
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
            alert.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
        return alert.showAndWait().filter(doIt::equals).isPresent();
    }

    private TableView<JobModel> buildTable() {
        SortedList<JobModel> sorted = new SortedList<>(model.jobs());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setId("jobs-table");
        table.setPlaceholder(new Label("No jobs match."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<JobModel, Long> id = new TableColumn<>("#");
        id.setCellValueFactory(
                cell -> new SimpleObjectProperty<>(parseId(cell.getValue().id())));
        id.setPrefWidth(70);
        table.getColumns().add(id);
        TableColumn<JobModel, JobModel> poster = new TableColumn<>("");
        poster.setCellValueFactory(cell -> new SimpleObjectProperty<>(cell.getValue()));
        poster.setCellFactory(column -> new ThumbnailCell());
        poster.setSortable(false);
        poster.setPrefWidth(THUMB_WIDTH + 16);
        poster.setMinWidth(THUMB_WIDTH + 16);
        poster.setMaxWidth(THUMB_WIDTH + 16);
        table.getColumns().add(poster);
        // A poster frame that arrives after its row was drawn redraws the rows.
        model.thumbnails()
                .addListener((javafx.collections.MapChangeListener<String, byte[]>) change -> table.refresh());
        table.getColumns().add(text("File", JobModel::filename, 260));
        TableColumn<JobModel, JobStatus> status = new TableColumn<>("Status");
        status.setCellValueFactory(
                cell -> new SimpleObjectProperty<>(cell.getValue().status()));
        status.setCellFactory(column -> new BadgeCell());
        status.setPrefWidth(150);
        status.setMinWidth(140);
        table.getColumns().add(status);
        table.getColumns().add(text("Profile", JobModel::profile, 130));
        table.getColumns().add(text("Node", job -> job.node() == null ? Formats.UNKNOWN : job.node(), 120));
        TableColumn<JobModel, JobModel> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(cell -> new SimpleObjectProperty<>(cell.getValue()));
        progress.setCellFactory(column -> new DashboardView.ProgressCell());
        progress.setComparator(java.util.Comparator.comparingDouble(JobModel::progress));
        progress.setPrefWidth(170);
        table.getColumns().add(progress);
        TableColumn<JobModel, String> created =
                text("Created", job -> Formats.dateTime(job.createdAt(), ZoneId.systemDefault()), 190);
        // The whole date and time, never cut: it is what tells two takes of the same file apart.
        created.setMinWidth(185);
        table.getColumns().add(created);
        table.getColumns().add(text("Time", job -> Formats.duration(job.elapsedSeconds()), 80));

        // A live update replaces the row's item, which drops the table's selection: the view model keeps
        // the selected job by id and the table follows it.
        table.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
            if (now != null) {
                model.selectedProperty().set(now);
            }
        });
        model.jobs().addListener((javafx.collections.ListChangeListener<JobModel>)
                change -> javafx.application.Platform.runLater(this::followSelection));
        model.selectedProperty().addListener((o, before, now) -> followSelection());
        // Rows exist only for what is on screen, so a row near the end being shown means "scrolled there".
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(JobModel job, boolean empty) {
                super.updateItem(job, empty);
                if (!empty && getIndex() >= table.getItems().size() - LOAD_AHEAD_ROWS) {
                    model.loadMore();
                }
            }
        });
        return table;
    }

    private void followSelection() {
        JobModel wanted = model.selectedProperty().get();
        JobModel shown = table.getSelectionModel().getSelectedItem();
        if (wanted == null) {
            table.getSelectionModel().clearSelection();
        } else if (shown != wanted) {
            table.getItems().stream()
                    .filter(job -> job.id().equals(wanted.id()))
                    .findFirst()
                    .ifPresent(job -> table.getSelectionModel().select(job));
        }
    }

    private static Long parseId(String id) {
        try {
            return Long.valueOf(id);
        } catch (NumberFormatException e) {
            return 0L;
        }
    }

    private static final double THUMB_WIDTH = 64;
    /** Decoded poster frames by job id: decoding once keeps scrolling smooth. */
    private final java.util.Map<String, javafx.scene.image.Image> images = new java.util.HashMap<>();

    private javafx.scene.image.Image imageOf(JobModel job) {
        byte[] bytes = job == null ? null : model.thumbnails().get(job.id());
        if (bytes == null) {
            return null;
        }
        return images.computeIfAbsent(
                job.id(), id -> new javafx.scene.image.Image(new java.io.ByteArrayInputStream(bytes)));
    }

    /** The poster frame of a row, or nothing for a job without one. */
    private final class ThumbnailCell extends javafx.scene.control.TableCell<JobModel, JobModel> {
        private final javafx.scene.image.ImageView view = new javafx.scene.image.ImageView();

        ThumbnailCell() {
            view.setFitWidth(THUMB_WIDTH);
            view.setFitHeight(THUMB_WIDTH * 9 / 16);
            view.setPreserveRatio(true);
            view.getStyleClass().add("job-thumbnail");
        }

        @Override
        protected void updateItem(JobModel job, boolean empty) {
            super.updateItem(job, empty);
            javafx.scene.image.Image image = empty ? null : imageOf(job);
            view.setImage(image);
            setGraphic(image == null ? null : view);
        }
    }

    private VBox detail() {
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.getStyleClass().add("detail-grid");
        // Long paths wrap inside the pane instead of running off its edge.
        javafx.scene.layout.ColumnConstraints names = new javafx.scene.layout.ColumnConstraints();
        names.setMinWidth(110);
        javafx.scene.layout.ColumnConstraints values = new javafx.scene.layout.ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        grid.getColumnConstraints().setAll(names, values);
        Label title = new Label("Select a job to see its details.");
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        ListView<String> log = new ListView<>(model.logTail());
        log.setId("job-log");
        log.getStyleClass().add("log-view");
        log.setPlaceholder(new Label("No log yet."));
        // A tail is read from its end.
        model.logTail().addListener((javafx.collections.ListChangeListener<String>) change -> {
            // After the list has laid out its new lines, or the scroll is lost.
            javafx.application.Platform.runLater(() -> {
                if (!log.getItems().isEmpty()) {
                    log.scrollTo(log.getItems().size() - 1);
                }
            });
        });
        javafx.scene.image.ImageView poster = new javafx.scene.image.ImageView();
        poster.setId("job-detail-thumbnail");
        // Small enough that the log below keeps most of the pane.
        poster.setFitWidth(200);
        poster.setPreserveRatio(true);
        poster.managedProperty().bind(poster.imageProperty().isNotNull());
        poster.visibleProperty().bind(poster.imageProperty().isNotNull());
        model.thumbnails().addListener((javafx.collections.MapChangeListener<String, byte[]>)
                change -> poster.setImage(imageOf(model.selectedProperty().get())));
        model.selectedProperty().addListener((o, before, job) -> {
            poster.setImage(imageOf(job));
            grid.getChildren().clear();
            title.setText(job == null ? "Select a job to see its details." : job.filename());
            if (job == null) {
                return;
            }
            int row = 0;
            for (String[] line : JobsViewModel.details(job)) {
                Label name = new Label(line[0]);
                name.getStyleClass().add("detail-name");
                Label value = new Label(line[1]);
                value.setWrapText(true);
                value.setMinWidth(0);
                value.setMaxWidth(Double.MAX_VALUE);
                // As tall as its wrapped lines: a squeezed row would cut a long error or path short.
                value.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
                value.setTooltip(new javafx.scene.control.Tooltip(line[1]));
                value.getStyleClass().add("detail-value");
                grid.addRow(row++, name, value);
            }
        });
        Label logTitle = new Label("ffmpeg log (last lines)");
        logTitle.getStyleClass().add("card-title");
        VBox.setVgrow(log, Priority.ALWAYS);
        VBox box = new VBox(10, title, poster, grid, logTitle, log);
        box.setId("job-detail");
        box.setPadding(new Insets(0, 0, 0, 12));
        box.setMinWidth(280);
        return box;
    }

    private static TableColumn<JobModel, String> text(String title, Function<JobModel, String> value, double width) {
        TableColumn<JobModel, String> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        return column;
    }

    /** The status as a coloured badge; the colour comes from the theme's "badge-STATUS" class. */
    private static final class BadgeCell extends TableCell<JobModel, JobStatus> {
        private final Label badge = new Label();

        @Override
        protected void updateItem(JobStatus status, boolean empty) {
            super.updateItem(status, empty);
            if (empty || status == null) {
                setGraphic(null);
                return;
            }
            badge.setText(JobsViewModel.badge(status));
            badge.getStyleClass().setAll("label", "badge", "badge-" + status.wireName());
            setGraphic(badge);
        }
    }
}
