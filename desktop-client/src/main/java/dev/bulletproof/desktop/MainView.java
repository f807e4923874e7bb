package dev.bulletproof.desktop;

import dev.bulletproof.desktop.config.ConfigView;
import dev.bulletproof.desktop.connection.ConnectDialog;
import dev.bulletproof.desktop.connection.ConnectionState;
import dev.bulletproof.desktop.connection.StatusBar;
import dev.bulletproof.desktop.dashboard.DashboardView;
import dev.bulletproof.desktop.history.HistoryView;
import dev.bulletproof.desktop.jobs.JobsView;
import dev.bulletproof.desktop.nodes.NodesView;
import dev.bulletproof.desktop.webhooks.WebhooksView;
import dev.bulletproof.model.JobModel;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceDialog;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The window: a tab per screen, the status bar, shortcuts, themes and dropping files to queue them. */
public final class MainView extends BorderPane {

    public enum Theme {
        LIGHT,
        DARK
    }

    private final MainViewModel model;
    private final TabPane tabs = new TabPane();
    private final JobsView jobsView;
    private Theme theme = Theme.DARK;

    public MainView(MainViewModel model) {
        this.model = model;
        getStyleClass().add("main");
        jobsView = new JobsView(model.jobs());
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getTabs()
                .addAll(
                        tab("Dashboard", "tab-dashboard", new DashboardView(model.dashboard())),
                        tab("Jobs", "tab-jobs", jobsView),
                        tab("Config", "tab-config", new ConfigView(model.config())),
                        tab("History", "tab-history", new HistoryView(model.history())),
                        tab("Nodes", "tab-nodes", new NodesView(model.nodes())),
                        tab("Webhooks", "tab-webhooks", new WebhooksView(model.webhooks())));
        setTop(header());
        setCenter(tabs);
        // Without a daemon the screens show what was last known; greyed out, nobody mistakes it for live.
        tabs.disableProperty().bind(model.connection().stateProperty().isNotEqualTo(ConnectionState.CONNECTED));
        Label messages = new Label();
        messages.setId("main-message");
        messages.textProperty().bind(model.messageProperty());
        setBottom(new StatusBar(model.connection(), this::openConnectDialog, messages));
        acceptDroppedFiles();
    }

    private HBox header() {
        Label title = new Label("Bulletproof");
        title.getStyleClass().add("app-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button theme = new Button("Light / dark");
        theme.setId("toggle-theme");
        theme.setOnAction(event -> toggleTheme());
        Label hint = new Label("Drop video files here to queue them");
        hint.getStyleClass().add("hint");
        javafx.scene.control.MenuItem shortcuts = new javafx.scene.control.MenuItem("Keyboard shortcuts (F1)");
        shortcuts.setId("help-shortcuts");
        shortcuts.setOnAction(event -> showShortcuts());
        javafx.scene.control.MenuButton help = new javafx.scene.control.MenuButton("Help", null, shortcuts);
        help.setId("help-menu");
        HBox header = new HBox(12, title, hint, spacer, help, theme);
        header.getStyleClass().add("app-header");
        return header;
    }

    private static Tab tab(String title, String id, Node content) {
        Tab tab = new Tab(title, content);
        tab.setId(id);
        return tab;
    }

    /** Builds the scene with the theme and the keyboard shortcuts. */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(this, width, height);
        applyTheme(scene, theme);
        shortcut(scene, new KeyCodeCombination(KeyCode.DIGIT1, KeyCombination.SHORTCUT_DOWN), () -> show(0));
        shortcut(scene, new KeyCodeCombination(KeyCode.DIGIT2, KeyCombination.SHORTCUT_DOWN), () -> show(1));
        shortcut(scene, new KeyCodeCombination(KeyCode.DIGIT3, KeyCombination.SHORTCUT_DOWN), () -> show(2));
        shortcut(scene, new KeyCodeCombination(KeyCode.DIGIT4, KeyCombination.SHORTCUT_DOWN), () -> show(3));
        shortcut(scene, new KeyCodeCombination(KeyCode.DIGIT5, KeyCombination.SHORTCUT_DOWN), () -> show(4));
        shortcut(scene, new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
            show(1);
            jobsView.focusSearch();
        });
        shortcut(scene, new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), jobsView::retry);
        shortcut(scene, new KeyCodeCombination(KeyCode.T, KeyCombination.SHORTCUT_DOWN), this::toggleTheme);
        shortcut(scene, new KeyCodeCombination(KeyCode.F1), this::showShortcuts);
        // Space and Delete act on the selected job only while the jobs table has the focus, so they never
        // fire while someone types in a field.
        jobsView.table().addEventFilter(KeyEvent.KEY_PRESSED, event -> {
            if (event.getCode() == KeyCode.SPACE) {
                model.jobs().togglePauseSelected();
                event.consume();
            } else if (event.getCode() == KeyCode.DELETE) {
                jobsView.confirmCancel();
                event.consume();
            }
        });
        return scene;
    }

    /** Every keyboard shortcut of the window, in the order the Help list shows them. */
    public static final List<String[]> SHORTCUTS = List.of(
            new String[] {"Ctrl+1 … Ctrl+5", "Dashboard, Jobs, Config, History, Nodes"},
            new String[] {"Ctrl+F", "Search the jobs"},
            new String[] {"Ctrl+R", "Retry the selected jobs"},
            new String[] {"Ctrl+click, Shift+click, Ctrl+A", "Select several jobs (in the jobs table)"},
            new String[] {"Space (in the jobs table)", "Pause or resume the selected job"},
            new String[] {"Delete (in the jobs table)", "Cancel the selected jobs (asks first)"},
            new String[] {"Click a column header", "Sort every job by it (again: reverse, third: newest first)"},
            new String[] {"Ctrl+T", "Switch between light and dark"},
            new String[] {"F1", "This list"});

    /** The list of shortcuts as the Help menu shows it: one line per shortcut. */
    public static String shortcutsText() {
        StringBuilder text = new StringBuilder();
        for (String[] shortcut : SHORTCUTS) {
            text.append(shortcut[0]).append("\t").append(shortcut[1]).append('\n');
        }
        return text.toString().strip();
    }

    private void showShortcuts() {
        javafx.scene.control.Alert alert =
                new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.INFORMATION, shortcutsText());
        alert.setTitle("Bulletproof");
        alert.setHeaderText("Keyboard shortcuts");
        // A table, not tab-separated text: the keys line up and a long description wraps in its column.
        javafx.scene.layout.GridPane list = new javafx.scene.layout.GridPane();
        list.setId("shortcuts-list");
        list.setHgap(16);
        list.setVgap(6);
        int row = 0;
        for (String[] shortcut : SHORTCUTS) {
            Label keys = new Label(shortcut[0]);
            keys.getStyleClass().add("shortcut-keys");
            keys.setMinWidth(Region.USE_PREF_SIZE);
            Label what = new Label(shortcut[1]);
            what.setWrapText(true);
            what.setMaxWidth(320);
            list.addRow(row++, keys, what);
        }
        alert.getDialogPane().setContent(list);
        if (getScene() != null) {
            alert.initOwner(getScene().getWindow());
            alert.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        }
        alert.show();
    }

    private static void shortcut(Scene scene, KeyCombination keys, Runnable action) {
        scene.getAccelerators().put(keys, action);
    }

    public void show(int tabIndex) {
        tabs.getSelectionModel().select(tabIndex);
    }

    /** The jobs table, for tests and for focus handling. */
    public TableView<JobModel> lookupJobsTable() {
        return jobsView.table();
    }

    /** The jobs screen, for tests. */
    public JobsView jobsView() {
        return jobsView;
    }

    public TabPane tabs() {
        return tabs;
    }

    public void toggleTheme() {
        theme = theme == Theme.DARK ? Theme.LIGHT : Theme.DARK;
        if (getScene() != null) {
            applyTheme(getScene(), theme);
        }
    }

    public static void applyTheme(Scene scene, Theme theme) {
        scene.getStylesheets()
                .setAll(
                        MainView.class.getResource("base.css").toExternalForm(),
                        MainView.class
                                .getResource(theme == Theme.DARK ? "dark.css" : "light.css")
                                .toExternalForm());
    }

    public void useTheme(Theme wanted) {
        theme = wanted;
        if (getScene() != null) {
            applyTheme(getScene(), theme);
        }
    }

    private void openConnectDialog() {
        ConnectDialog.ask(getScene() == null ? null : getScene().getWindow(), model.connection())
                .ifPresent(model.connection()::connect);
    }

    private void acceptDroppedFiles() {
        setOnDragOver(event -> {
            if (event.getDragboard().hasFiles()) {
                event.acceptTransferModes(TransferMode.COPY);
            }
            event.consume();
        });
        setOnDragDropped(event -> {
            List<Path> files = event.getDragboard().getFiles().stream()
                    .filter(File::isFile)
                    .map(File::toPath)
                    .toList();
            event.setDropCompleted(!files.isEmpty());
            event.consume();
            if (!files.isEmpty()) {
                askProfile(files.size()).ifPresent(profile -> model.enqueue(files, profile));
            }
        });
    }

    private Optional<String> askProfile(int count) {
        List<String> profiles = model.jobs().profiles();
        if (profiles.isEmpty()) {
            model.messageProperty().set("No profiles known yet: is the daemon connected?");
            return Optional.empty();
        }
        ChoiceDialog<String> dialog = new ChoiceDialog<>(profiles.getFirst(), profiles);
        dialog.initOwner(getScene().getWindow());
        dialog.getDialogPane().getStylesheets().setAll(getScene().getStylesheets());
        dialog.setTitle("Queue files");
        dialog.setHeaderText("Queue " + count + " file(s) with which profile?");
        return dialog.showAndWait();
    }
}
