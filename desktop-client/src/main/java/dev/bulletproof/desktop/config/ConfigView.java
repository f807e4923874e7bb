package dev.bulletproof.desktop.config;

import dev.bulletproof.model.OnSuccess;
import dev.bulletproof.model.PatternType;
import java.io.File;
import java.util.Map;
import java.util.TreeMap;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.ComboBoxTableCell;
import javafx.scene.control.cell.TextFieldTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/** The configuration form: folders, workers, stability and retries, the rules, and a rule tester. */
public final class ConfigView extends ScrollPane {

    private final ConfigViewModel model;
    private final Map<String, Label> errorLabels = new TreeMap<>();
    private final Label ruleErrors = new Label();

    public ConfigView(ConfigViewModel model) {
        this.model = model;
        getStyleClass().add("config");
        setFitToWidth(true);
        VBox content = new VBox(16, folders(), watchFolders(), rules(), tester(), buttons());
        content.setPadding(new Insets(16));
        setContent(content);
        model.fieldErrors().addListener((MapChangeListener<String, String>) change -> showErrors());
    }

    private GridPane folders() {
        GridPane grid = new GridPane();
        grid.setHgap(12);
        grid.setVgap(4);
        grid.getStyleClass().add("form");
        int row = 0;
        row = folderRow(grid, row, "Watch folder", "monitor_folder", model.monitorFolderProperty());
        row = folderRow(grid, row, "Output folder", "output_folder", model.outputFolderProperty());
        row = folderRow(grid, row, "Processed folder", "processed_folder", model.processedFolderProperty());
        row = textRow(grid, row, "Workers", "max_workers", model.maxWorkersProperty(), "jobs at once");
        row = textRow(
                grid,
                row,
                "Stable for",
                "stable_seconds",
                model.stableSecondsProperty(),
                "seconds unchanged before a file is taken");
        row = textRow(
                grid,
                row,
                "Scan every",
                "scan_interval_seconds",
                model.scanIntervalSecondsProperty(),
                "seconds between looks at the watch folder");
        row = textRow(grid, row, "Attempts", "max_attempts", model.maxAttemptsProperty(), "tries before a job fails");
        row = textRow(
                grid,
                row,
                "Stall timeout",
                "stall_timeout_seconds",
                model.stallTimeoutSecondsProperty(),
                "seconds without progress before ffmpeg is stopped");

        ComboBox<OnSuccess> onSuccess = new ComboBox<>(FXCollections.observableArrayList(OnSuccess.values()));
        onSuccess.setId("on_success");
        onSuccess.valueProperty().bindBidirectional(model.onSuccessProperty());
        grid.add(label("After success"), 0, row);
        grid.add(new HBox(8, onSuccess, hint("keep, move to the processed folder, or delete the source")), 1, row++);
        row = errorRow(grid, row, "on_success");
        CheckBox recursive = new CheckBox("Watch subfolders too");
        recursive.setId("recursive");
        recursive.selectedProperty().bindBidirectional(model.recursiveProperty());
        grid.add(recursive, 1, row++);
        return grid;
    }

    /**
     * The watch_folders list: one line per folder (blank fields take the shared values above), and a
     * button that turns the single watch folder into a list.
     */
    private VBox watchFolders() {
        VBox lines = new VBox(6);
        lines.setId("watch-folders");
        Runnable rebuild = () -> {
            lines.getChildren().clear();
            for (int i = 0; i < model.folders().size(); i++) {
                lines.getChildren().add(folderLine(model.folders().get(i), i));
            }
        };
        model.folders().addListener((javafx.collections.ListChangeListener<WatchFolderRow>) change -> rebuild.run());
        rebuild.run();
        Button add = new Button("Add another folder");
        add.setId("add-another-watch-folder");
        add.setOnAction(event -> model.addFolder());
        Label title = new Label("Watch folders");
        title.getStyleClass().add("section-title");
        Node hint = hint("each folder's own output, processed folder and stable time; blank takes the shared value");
        VBox section = new VBox(8, title, hint, lines, add);
        // With one folder the section takes no room: the watch folder line above has the button that starts it.
        section.visibleProperty().bind(model.severalFoldersProperty());
        section.managedProperty().bind(model.severalFoldersProperty());
        return section;
    }

    private HBox folderLine(WatchFolderRow folder, int index) {
        TextField path = folderField(folder.pathProperty(), "folder to watch", "watch-folder-path-" + index, 18);
        TextField output =
                folderField(folder.outputFolderProperty(), "shared output", "watch-folder-output-" + index, 14);
        TextField processed = folderField(
                folder.processedFolderProperty(), "shared processed", "watch-folder-processed-" + index, 12);
        TextField stable = folderField(folder.stableSecondsProperty(), "shared", "watch-folder-stable-" + index, 4);
        HBox.setHgrow(path, Priority.ALWAYS);
        CheckBox watched = new CheckBox("Watched");
        watched.setId("watch-folder-enabled-" + index);
        watched.selectedProperty().bindBidirectional(folder.enabledProperty());
        CheckBox ownRules = new CheckBox("Own rules");
        ownRules.setId("watch-folder-own-rules-" + index);
        ownRules.selectedProperty().bindBidirectional(folder.ownRulesProperty());
        Button remove = new Button("Remove");
        remove.setId("watch-folder-remove-" + index);
        remove.setOnAction(event -> model.removeFolder(index));
        HBox line = new HBox(8, path, output, processed, stable, watched, ownRules, remove);
        if (folder.hasOwnSchedule()) {
            // Set in the config file only; its state is on the dashboard, and saving keeps it as it is.
            Label schedule = new Label("own schedule");
            schedule.setId("watch-folder-schedule-" + index);
            schedule.setTooltip(new javafx.scene.control.Tooltip(
                    "This folder has a schedule of its own, set in the config file; saving keeps it"));
            line.getChildren().add(line.getChildren().size() - 1, schedule);
        }
        line.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return line;
    }

    private static TextField folderField(StringProperty value, String prompt, String id, int columns) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.setPrefColumnCount(columns);
        field.textProperty().bindBidirectional(value);
        return field;
    }

    private int folderRow(GridPane grid, int row, String title, String key, StringProperty value) {
        TextField field = new TextField();
        field.setId(key);
        if (key.equals("monitor_folder")) {
            // With a list of folders there is no single watch folder; the list below says what is watched.
            field.disableProperty().bind(model.severalFoldersProperty());
        }
        field.textProperty().bindBidirectional(value);
        HBox.setHgrow(field, Priority.ALWAYS);
        Button browse = new Button("Choose…");
        browse.setOnAction(event -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(title);
            File current = value.get() == null || value.get().isBlank() ? null : new File(value.get());
            if (current != null && current.isDirectory()) {
                chooser.setInitialDirectory(current);
            }
            File chosen =
                    chooser.showDialog(getScene() == null ? null : getScene().getWindow());
            if (chosen != null) {
                value.set(chosen.getAbsolutePath());
            }
        });
        grid.add(label(title), 0, row);
        HBox box = new HBox(8, field, browse);
        if (key.equals("monitor_folder")) {
            Button several = new Button("Add watch folder");
            several.setId("add-watch-folder");
            several.setOnAction(event -> model.addFolder());
            several.visibleProperty().bind(model.severalFoldersProperty().not());
            several.managedProperty().bind(model.severalFoldersProperty().not());
            box.getChildren().add(several);
        }
        GridPane.setHgrow(box, Priority.ALWAYS);
        grid.add(box, 1, row);
        return errorRow(grid, row + 1, key);
    }

    private int textRow(GridPane grid, int row, String title, String key, StringProperty value, String hint) {
        TextField field = new TextField();
        field.setId(key);
        field.setPrefColumnCount(6);
        field.textProperty().bindBidirectional(value);
        grid.add(label(title), 0, row);
        grid.add(new HBox(8, field, hint(hint)), 1, row);
        return errorRow(grid, row + 1, key);
    }

    private int errorRow(GridPane grid, int row, String key) {
        Label error = new Label();
        error.setId("error-" + key);
        error.getStyleClass().add("field-error");
        error.setManaged(false);
        error.setVisible(false);
        error.setWrapText(true);
        errorLabels.put(key, error);
        grid.add(error, 1, row);
        return row + 1;
    }

    private void showErrors() {
        errorLabels.forEach((key, label) -> {
            String message = model.fieldErrors().get(key);
            label.setText(message == null ? "" : message);
            label.setVisible(message != null);
            label.setManaged(message != null);
        });
        StringBuilder rules = new StringBuilder();
        new TreeMap<>(model.fieldErrors()).forEach((key, message) -> {
            if (!errorLabels.containsKey(key)) {
                rules.append(describeKey(key)).append(": ").append(message).append('\n');
            }
        });
        ruleErrors.setText(rules.toString().strip());
        ruleErrors.setVisible(!rules.isEmpty());
        ruleErrors.setManaged(!rules.isEmpty());
    }

    /** "rules[0].pattern" reads as "Rule 1, pattern". */
    static String describeKey(String key) {
        var folder = java.util.regex.Pattern.compile("watch_folders\\[(\\d+)]\\.(.+)")
                .matcher(key);
        if (folder.matches()) {
            return "Watch folder " + (Integer.parseInt(folder.group(1)) + 1) + ", " + describeKey(folder.group(2));
        }
        var matcher = java.util.regex.Pattern.compile("rules\\[(\\d+)]\\.(.+)").matcher(key);
        return matcher.matches()
                ? "Rule " + (Integer.parseInt(matcher.group(1)) + 1) + ", "
                        + matcher.group(2).replace('_', ' ')
                : key.replace('_', ' ');
    }

    private VBox rules() {
        TableView<RuleRow> table = new TableView<>(model.rules());
        table.setId("rules-table");
        table.setEditable(true);
        table.setPrefHeight(180);
        table.setPlaceholder(new Label("No rules: every file gets the default profile."));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);

        TableColumn<RuleRow, String> pattern = new TableColumn<>("Pattern");
        pattern.setCellValueFactory(cell -> cell.getValue().patternProperty());
        pattern.setCellFactory(TextFieldTableCell.forTableColumn());
        pattern.setPrefWidth(200);
        TableColumn<RuleRow, PatternType> type = new TableColumn<>("Type");
        type.setCellValueFactory(cell -> cell.getValue().patternTypeProperty());
        type.setCellFactory(ComboBoxTableCell.forTableColumn(PatternType.values()));
        type.setPrefWidth(110);
        TableColumn<RuleRow, String> profile = new TableColumn<>("Profile");
        profile.setCellValueFactory(cell -> cell.getValue().profileProperty());
        profile.setCellFactory(ComboBoxTableCell.forTableColumn(model.profiles()));
        profile.setPrefWidth(170);
        TableColumn<RuleRow, String> output = new TableColumn<>("Output pattern");
        output.setCellValueFactory(cell -> cell.getValue().outputPatternProperty());
        output.setCellFactory(TextFieldTableCell.forTableColumn());
        output.setPrefWidth(260);
        TableColumn<RuleRow, OnSuccess> afterwards = new TableColumn<>("Source afterwards");
        afterwards.setCellValueFactory(cell -> cell.getValue().onSuccessProperty());
        // Empty means the rule follows the folder-wide setting above, as in the browser's rule editor.
        javafx.collections.ObservableList<OnSuccess> choices = FXCollections.observableArrayList((OnSuccess) null);
        choices.addAll(OnSuccess.values());
        afterwards.setCellFactory(ComboBoxTableCell.forTableColumn(
                new javafx.util.StringConverter<OnSuccess>() {
                    @Override
                    public String toString(OnSuccess value) {
                        return value == null ? "as set above" : value.wireName();
                    }

                    @Override
                    public OnSuccess fromString(String text) {
                        return text == null || text.equals("as set above") ? null : OnSuccess.fromWire(text);
                    }
                },
                choices));
        afterwards.setPrefWidth(140);
        TableColumn<RuleRow, String> priority = new TableColumn<>("Priority");
        priority.setCellValueFactory(cell -> cell.getValue().priorityProperty());
        priority.setCellFactory(TextFieldTableCell.forTableColumn());
        priority.setPrefWidth(80);
        priority.setId("rule-priority");
        table.getColumns().addAll(java.util.List.of(pattern, type, profile, output, afterwards, priority));

        Button add = new Button("Add rule");
        add.setOnAction(event -> {
            model.addRule();
            table.getSelectionModel().selectLast();
        });
        Button remove = new Button("Remove");
        remove.setOnAction(event -> model.removeRule(table.getSelectionModel().getSelectedIndex()));
        Button up = new Button("Move up");
        up.setOnAction(event -> table.getSelectionModel()
                .select(model.moveRule(table.getSelectionModel().getSelectedIndex(), -1)));
        Button down = new Button("Move down");
        down.setOnAction(event -> table.getSelectionModel()
                .select(model.moveRule(table.getSelectionModel().getSelectedIndex(), 1)));
        ruleErrors.getStyleClass().add("field-error");
        ruleErrors.setId("rule-errors");
        ruleErrors.setVisible(false);
        ruleErrors.setManaged(false);
        Label title = new Label("Rules (tried from the top; the first match wins)");
        title.getStyleClass().add("section-title");
        return new VBox(8, title, table, new HBox(8, add, remove, up, down), ruleErrors);
    }

    private VBox tester() {
        TextField name = new TextField();
        name.setId("rule-test-name");
        name.setPromptText("a file name, such as interview_take3.mov");
        name.textProperty().bindBidirectional(model.testFileNameProperty());
        name.setOnAction(event -> model.testRule());
        HBox.setHgrow(name, Priority.ALWAYS);
        Button test = new Button("Test");
        test.setId("rule-test");
        test.setOnAction(event -> model.testRule());
        Label result = new Label();
        result.setId("rule-test-result");
        result.setWrapText(true);
        result.textProperty().bind(model.testResultProperty());
        Label title = new Label("Test a file name");
        title.getStyleClass().add("section-title");
        return new VBox(8, title, new HBox(8, name, test), result);
    }

    private HBox buttons() {
        Button save = new Button("Save");
        save.setId("config-save");
        save.setDefaultButton(true);
        save.disableProperty().bind(model.savingProperty());
        save.setOnAction(event -> model.save());
        Button revert = new Button("Discard changes");
        revert.setId("config-revert");
        revert.setOnAction(event -> model.revert());
        Button reset = new Button("Reset to defaults…");
        reset.setId("config-reset");
        reset.setOnAction(event -> {
            // Buttons that say what they do: "OK" to a question about losing the settings says too little.
            ButtonType resetIt = new ButtonType("Reset to defaults", ButtonBar.ButtonData.OK_DONE);
            ButtonType keep = new ButtonType("Keep current settings", ButtonBar.ButtonData.CANCEL_CLOSE);
            Alert alert = new Alert(
                    Alert.AlertType.CONFIRMATION,
                    "The folders, rules and settings go back to the defaults.",
                    resetIt,
                    keep);
            alert.setHeaderText("Reset the daemon's configuration?");
            if (getScene() != null) {
                alert.initOwner(getScene().getWindow());
            }
            if (alert.showAndWait().filter(resetIt::equals).isPresent()) {
                model.resetToDefaults();
            }
        });
        Label message = new Label();
        message.setId("config-message");
        message.getStyleClass().add("status-message");
        message.textProperty().bind(model.messageProperty());
        return new HBox(8, save, revert, reset, message);
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("form-label");
        label.setMinWidth(Label.USE_PREF_SIZE);
        return label;
    }

    private static Node hint(String text) {
        Label hint = new Label(text);
        hint.getStyleClass().add("hint");
        return hint;
    }
}
