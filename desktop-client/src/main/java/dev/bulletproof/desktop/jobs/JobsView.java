package dev.bulletproof.desktop.jobs;

import dev.bulletproof.desktop.dashboard.DashboardView;
import dev.bulletproof.format.Formats;
import dev.bulletproof.model.JobAction;
import dev.bulletproof.model.JobModel;
import dev.bulletproof.model.JobStatus;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
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
    private boolean restoringSelection;
    private boolean followPending;

    public JobsView(JobsViewModel model) {
        this.model = model;
        getStyleClass().add("jobs");
        setTop(new VBox(8, filters(), actions()));
        SplitPane split = new SplitPane(buildTable(), scrollingDetail());
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
        ComboBox<String> folder = new ComboBox<>();
        folder.setId("folder-filter");
        folder.setPromptText("Any folder");
        folder.setItems(model.folders());
        folder.setTooltip(new Tooltip("Only the jobs of one watch folder"));
        // A path can be long; it must not push the count and the buttons out of the bar.
        folder.setPrefWidth(220);
        folder.setMaxWidth(220);
        // Closed, the box shows the folder's own name (the end of its path, the part that tells folders
        // apart); the open list shows whole paths.
        folder.setButtonCell(new ListCell<>() {
            @Override
            protected void updateItem(String path, boolean empty) {
                super.updateItem(path, empty);
                setText(empty || path == null ? "Any folder" : folderName(path));
            }
        });
        // One folder is nothing to choose from; the filter appears once the config has several.
        folder.visibleProperty().bind(Bindings.size(model.folders()).greaterThan(1));
        folder.managedProperty().bind(folder.visibleProperty());
        folder.valueProperty().addListener((o, before, now) -> {
            model.folderFilterProperty().set(now == null ? "" : now);
            model.refresh();
        });
        Button clear = new Button("Clear filters");
        clear.setOnAction(event -> {
            profile.setValue(null);
            folder.setValue(null);
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
        HBox bar = new HBox(8, search, status, profile, folder, clear, spacer, count, more);
        bar.getStyleClass().add("tool-bar-row");
        return bar;
    }

    private HBox actions() {
        Button pause = action("Pause", "", "job-pause", JobAction.PAUSE, model::pauseSelected);
        Button resume = action("Resume", "", "job-resume", JobAction.RESUME, model::resumeSelected);
        Button cancel = action("Cancel", "…", "job-cancel", JobAction.CANCEL, this::confirmCancel);
        Button retry = action("Retry", "", "job-retry", JobAction.RETRY, this::confirmRetry);
        Button delete = action("Delete", "…", "job-delete", JobAction.DELETE, this::confirmDelete);
        Label selection = new Label();
        selection.setId("job-selection");
        selection.getStyleClass().add("hint");
        selection
                .textProperty()
                .bind(Bindings.createStringBinding(
                        () -> model.chosen().size() > 1
                                ? model.chosen().size() + " selected (Ctrl+click, Shift+click, Ctrl+A)"
                                : "",
                        model.chosen()));
        Label message = new Label();
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.textProperty().bind(model.messageProperty());
        HBox row = new HBox(8, pause, resume, cancel, retry, delete, selection, message);
        row.getStyleClass().add("tool-bar-row");
        return row;
    }

    /**
     * One job selected: the action on it, enabled exactly when its allowed_actions hold it. Several: "Cancel
     * 3…", for the selected jobs that allow it, sent in one call after one question.
     */
    private Button action(String label, String asks, String id, JobAction action, Runnable single) {
        Button button = new Button(label + asks);
        button.setId(id);
        var selected = model.selectedProperty();
        var chosen = model.chosen();
        button.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> {
                            int count = JobSelection.applicable(chosen, action).size();
                            // "Cancel 3…" for the three of the selection it applies to; "Retry" when none.
                            return chosen.size() > 1 && count > 0 ? label + " " + count + "…" : label + asks;
                        },
                        chosen));
        button.disableProperty()
                .bind(Bindings.createBooleanBinding(
                        () -> chosen.size() > 1
                                ? JobSelection.applicable(chosen, action).isEmpty()
                                : !JobsViewModel.allows(selected.get(), action),
                        selected,
                        chosen));
        button.setOnAction(event -> {
            if (chosen.size() > 1) {
                confirmBulk(action);
            } else {
                single.run();
            }
        });
        return button;
    }

    /** The one question before an action on several jobs; it says what happens to their files. */
    public void confirmBulk(JobAction action) {
        var targets = JobSelection.applicable(model.chosen(), action);
        if (targets.isEmpty()) {
            return;
        }
        JobSelection.Question question =
                JobSelection.question(action, targets, model.chosen().size());
        if (confirm(question.header(), question.text(), question.yes(), question.no())) {
            model.bulk(action);
        }
    }

    /** Ctrl+R: the selected jobs run again, after the question when there are several or one is completed. */
    public void retry() {
        if (model.chosen().size() > 1) {
            confirmBulk(JobAction.RETRY);
        } else {
            confirmRetry();
        }
    }

    /** Delete key and the Cancel button: the running encode is thrown away, so ask first. */
    public void confirmCancel() {
        if (model.chosen().size() > 1) {
            confirmBulk(JobAction.CANCEL);
            return;
        }
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
        table.setItems(model.jobs());
        table.setId("jobs-table");
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No jobs match."));
        // Columns keep their widths and the table scrolls sideways: squeezed to fit, every column would be
        // cut to "…" on a laptop screen. What tells jobs apart comes first; the rest is a scroll away.
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<JobModel, Long> id = new TableColumn<>("#");
        id.setCellValueFactory(
                cell -> new SimpleObjectProperty<>(parseId(cell.getValue().id())));
        id.setPrefWidth(56);
        sortsBy(id, JobsSort.Key.CREATED);
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
        table.getColumns().add(sortsBy(text("File", JobModel::filename, 230), JobsSort.Key.FILENAME));
        TableColumn<JobModel, String> folder = text("Folder", job -> folderName(job.watchFolder()), 110);
        folder.setId("folder-column");
        folder.setSortable(false);
        // Only worth its width when jobs come from more than one folder.
        folder.visibleProperty().bind(Bindings.size(model.folders()).greaterThan(1));
        table.getColumns().add(folder);
        TableColumn<JobModel, JobStatus> status = new TableColumn<>("Status");
        status.setCellValueFactory(
                cell -> new SimpleObjectProperty<>(cell.getValue().status()));
        status.setCellFactory(column -> new BadgeCell());
        status.setPrefWidth(140);
        status.setMinWidth(140);
        table.getColumns().add(sortsBy(status, JobsSort.Key.STATUS));
        table.getColumns()
                .add(sortsBy(text("Node", job -> job.node() == null ? Formats.UNKNOWN : job.node(), 120), null));
        TableColumn<JobModel, JobModel> progress = new TableColumn<>("Progress");
        progress.setCellValueFactory(cell -> new SimpleObjectProperty<>(cell.getValue()));
        progress.setCellFactory(column -> new DashboardView.ProgressCell());
        progress.setPrefWidth(120);
        table.getColumns().add(sortsBy(progress, null));
        TableColumn<JobModel, String> created =
                text("Created", job -> Formats.dateTime(job.createdAt(), ZoneId.systemDefault()), 175);
        // The whole date and time, never cut: it is what tells two takes of the same file apart.
        created.setMinWidth(175);
        table.getColumns().add(sortsBy(created, JobsSort.Key.CREATED));
        TableColumn<JobModel, String> finished =
                text("Finished", job -> Formats.dateTime(job.completedAt(), ZoneId.systemDefault()), 175);
        finished.setMinWidth(175);
        table.getColumns().add(sortsBy(finished, JobsSort.Key.FINISHED));
        table.getColumns()
                .add(sortsBy(text("Length", job -> Formats.duration(job.duration()), 100), JobsSort.Key.DURATION));
        table.getColumns()
                .add(sortsBy(
                        text("Run time", job -> Formats.duration(job.elapsedSeconds()), 100),
                        JobsSort.Key.PROCESSING_TIME));
        table.getColumns().add(sortsBy(text("Profile", JobModel::profile, 150), null));
        serverSort();

        // A live update replaces the row's item, which drops the table's selection: the view model keeps
        // the selected jobs by id and the table follows it.
        table.getSelectionModel().selectedItemProperty().addListener((o, before, now) -> {
            if (now != null && !restoringSelection && !model.changingRows()) {
                model.selectedProperty().set(now);
            }
        });
        table.getSelectionModel().getSelectedItems().addListener((javafx.collections.ListChangeListener<JobModel>)
                change -> {
                    if (!restoringSelection && !model.changingRows()) {
                        model.choose(List.copyOf(table.getSelectionModel().getSelectedItems()));
                    }
                });
        // Once per burst of updates (a bulk action changes hundreds of rows at once), after the table has them.
        model.jobs().addListener((javafx.collections.ListChangeListener<JobModel>) change -> {
            if (!followPending) {
                followPending = true;
                javafx.application.Platform.runLater(() -> {
                    followPending = false;
                    followSelection();
                });
            }
        });
        model.selectedProperty().addListener((o, before, now) -> {
            // A click already selected it; following would undo a Ctrl+click that added it to the others.
            boolean shown = now != null
                    && table.getSelectionModel().getSelectedItems().stream()
                            .anyMatch(job -> job != null && job.id().equals(now.id()));
            if (!shown) {
                followSelection();
            }
        });
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

    /** Selects the rows the view model holds as chosen, with its selected job last (the one in detail). */
    private void followSelection() {
        JobModel wanted = model.selectedProperty().get();
        java.util.Set<String> ids = new java.util.HashSet<>();
        model.chosen().forEach(job -> ids.add(job.id()));
        if (wanted != null) {
            ids.add(wanted.id());
        }
        List<Integer> rows = new ArrayList<>();
        int wantedRow = -1;
        for (int i = 0; i < table.getItems().size(); i++) {
            String id = table.getItems().get(i).id();
            if (wanted != null && id.equals(wanted.id())) {
                wantedRow = i;
            } else if (ids.contains(id)) {
                rows.add(i);
            }
        }
        if (wantedRow >= 0) {
            rows.add(wantedRow);
        }
        List<Integer> shown = List.copyOf(table.getSelectionModel().getSelectedIndices());
        boolean same = shown.size() == rows.size()
                && new java.util.HashSet<>(shown).equals(new java.util.HashSet<>(rows))
                && (wantedRow < 0 || table.getSelectionModel().getSelectedIndex() == wantedRow);
        if (same) {
            return;
        }
        restoringSelection = true;
        try {
            table.getSelectionModel().clearSelection();
            if (!rows.isEmpty()) {
                // One change for the whole selection; the last index (the job in detail) becomes the
                // selected item.
                int[] rest = rows.subList(1, rows.size()).stream()
                        .mapToInt(Integer::intValue)
                        .toArray();
                table.getSelectionModel().selectIndices(rows.getFirst(), rest);
            }
        } finally {
            restoringSelection = false;
        }
    }

    /** Marks a column the daemon can sort by; the others cannot be sorted (their order would be a page's only). */
    private static <T> TableColumn<JobModel, T> sortsBy(TableColumn<JobModel, T> column, JobsSort.Key key) {
        column.setUserData(key);
        column.setSortable(key != null);
        return column;
    }

    /**
     * A click on a header asks the daemon for the whole list in that order; the table never reorders its
     * rows itself, which would sort only the loaded page. No sorted column means newest first.
     */
    private void serverSort() {
        table.setSortPolicy(view -> true);
        Runnable push = () -> {
            if (table.getSortOrder().isEmpty()) {
                model.sortProperty().set(JobsSort.NEWEST_FIRST);
                return;
            }
            TableColumn<JobModel, ?> column = table.getSortOrder().getFirst();
            model.sortProperty()
                    .set(new JobsSort(
                            (JobsSort.Key) column.getUserData(),
                            column.getSortType() == TableColumn.SortType.DESCENDING));
        };
        table.getSortOrder().addListener((javafx.collections.ListChangeListener<TableColumn<JobModel, ?>>) change -> {
            // One column at a time: the daemon sorts by one key.
            if (table.getSortOrder().size() > 1) {
                TableColumn<JobModel, ?> last = table.getSortOrder().getLast();
                javafx.application.Platform.runLater(() -> table.getSortOrder().setAll(List.of(last)));
                return;
            }
            push.run();
        });
        for (TableColumn<JobModel, ?> column : table.getColumns()) {
            column.sortTypeProperty().addListener((o, before, now) -> {
                if (table.getSortOrder().contains(column)) {
                    push.run();
                }
            });
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
        // A long file name wraps onto more lines instead of ending in "…".
        title.setMinHeight(Region.USE_PREF_SIZE);
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
                // "Output (when done)" in full: the values wrap, the names do not.
                name.setMinWidth(Region.USE_PREF_SIZE);
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
        VBox log = logSection();
        VBox.setVgrow(log, Priority.ALWAYS);
        VBox box = new VBox(10, title, poster, grid, log);
        box.setId("job-detail");
        box.setPadding(new Insets(0, 12, 0, 12));
        box.setMinWidth(280);
        return box;
    }

    /**
     * The detail scrolls as a whole when a long job's facts and its log do not fit (a 1366×768 screen): the
     * log keeps a readable height instead of being squeezed to a line.
     */
    private javafx.scene.control.ScrollPane scrollingDetail() {
        javafx.scene.control.ScrollPane pane = new javafx.scene.control.ScrollPane(detail());
        pane.setFitToWidth(true);
        pane.setFitToHeight(true);
        pane.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        pane.getStyleClass().add("detail-scroll");
        return pane;
    }

    /** How "Save log…" asks where to write; tests answer without the platform's file dialog. */
    private java.util.function.Function<String, java.util.Optional<java.nio.file.Path>> logTarget = this::askLogTarget;

    /** Replaces the save dialog of "Save log…" (for tests, which cannot drive the platform's dialog). */
    public void chooseLogTargetWith(
            java.util.function.Function<String, java.util.Optional<java.nio.file.Path>> chooser) {
        logTarget = chooser;
    }

    private java.util.Optional<java.nio.file.Path> askLogTarget(String suggested) {
        javafx.stage.FileChooser chooser = new javafx.stage.FileChooser();
        chooser.setTitle("Save the ffmpeg log");
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new javafx.stage.FileChooser.ExtensionFilter("Log files", "*.log", "*.txt"));
        java.io.File file =
                chooser.showSaveDialog(getScene() == null ? null : getScene().getWindow());
        return java.util.Optional.ofNullable(file).map(java.io.File::toPath);
    }

    /**
     * The whole ffmpeg log: searchable (Enter jumps to the next matching line, which is marked), optionally
     * only the matching lines, and saved to a file.
     */
    private VBox logSection() {
        JobLogViewModel logModel = model.log();
        Label logTitle = new Label("ffmpeg log");
        logTitle.getStyleClass().add("card-title");
        Button save = new Button("Save log…");
        save.setId("job-log-save");
        save.disableProperty().bind(Bindings.isEmpty(logModel.lines()));
        save.setOnAction(event -> logTarget.apply(logModel.suggestedFileName()).ifPresent(logModel::save));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(8, logTitle, spacer, save);
        head.getStyleClass().add("tool-bar-row");

        ListView<String> lines = new ListView<>(logModel.shown());
        lines.setId("job-log");
        lines.getStyleClass().add("log-view");
        lines.setPlaceholder(new Label(""));
        lines.setMinHeight(220);
        lines.setCellFactory(view -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String line, boolean empty) {
                super.updateItem(line, empty);
                setText(empty ? null : line);
                getStyleClass().remove("log-match");
                if (!empty && logModel.matches(line)) {
                    getStyleClass().add("log-match");
                }
            }
        });
        TextField find = new TextField();
        find.setId("job-log-search");
        find.setPromptText("Search the log (Enter: next match)");
        find.textProperty().bindBidirectional(logModel.searchProperty());
        HBox.setHgrow(find, Priority.ALWAYS);
        find.setOnAction(event -> {
            int next = logModel.nextMatch(lines.getSelectionModel().getSelectedIndex());
            if (next >= 0) {
                lines.getSelectionModel().select(next);
                lines.scrollTo(next);
            }
        });
        javafx.scene.control.CheckBox only = new javafx.scene.control.CheckBox("Only matching lines");
        only.setId("job-log-only");
        only.selectedProperty().bindBidirectional(logModel.onlyMatchingProperty());
        HBox searchRow = new HBox(8, find, only);
        searchRow.getStyleClass().add("tool-bar-row");

        Label matches = new Label();
        matches.setId("job-log-matches");
        matches.textProperty()
                .bind(Bindings.createStringBinding(
                        () -> logModel.searchProperty().get().isBlank()
                                ? ""
                                : logModel.matchesProperty().get() == 1
                                        ? "1 matching line"
                                        : logModel.matchesProperty().get() + " matching lines",
                        logModel.searchProperty(),
                        logModel.matchesProperty()));
        Label note = new Label();
        note.setId("job-log-note");
        note.getStyleClass().add("hint");
        note.setWrapText(true);
        note.textProperty().bind(logModel.noteProperty());
        Label saved = new Label();
        saved.setId("job-log-message");
        saved.setWrapText(true);
        saved.textProperty().bind(logModel.messageProperty());
        for (Label label : List.of(matches, note, saved)) {
            label.managedProperty().bind(label.textProperty().isNotEmpty());
            label.visibleProperty().bind(label.textProperty().isNotEmpty());
        }
        // A log is read from its end, where an encode's error is: a newly loaded one opens there; while
        // searching, the matches lead.
        logModel.lines().addListener((javafx.collections.ListChangeListener<String>) change ->
                javafx.application.Platform.runLater(() -> {
                    if (logModel.searchProperty().get().isBlank()
                            && !lines.getItems().isEmpty()) {
                        lines.scrollTo(lines.getItems().size() - 1);
                    }
                }));
        // Marks follow the search as it is typed.
        logModel.searchProperty().addListener((o, before, now) -> lines.refresh());
        VBox.setVgrow(lines, Priority.ALWAYS);
        VBox box = new VBox(6, head, searchRow, matches, note, saved, lines);
        box.setId("job-log-section");
        return box;
    }

    /** A watch folder by its last name ("qlab" for /media/drop/qlab); the filter shows the whole path. */
    static String folderName(String path) {
        if (path == null || path.isBlank()) {
            return "";
        }
        String key = JobsViewModel.folderKey(path);
        int slash = Math.max(key.lastIndexOf('/'), key.lastIndexOf('\\'));
        return slash >= 0 && slash < key.length() - 1 ? key.substring(slash + 1) : key;
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
