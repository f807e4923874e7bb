package dev.bulletproof.desktop.history;

import dev.bulletproof.format.Formats;
import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.axes.spi.format.DefaultTickUnitSupplier;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.dataset.DataSet;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** History charts over a chosen range. The charts are built once; the view model's data sets feed them. */
public final class HistoryView extends BorderPane {

    private static final DefaultTickUnitSupplier WHOLE_STEPS =
            new DefaultTickUnitSupplier(new TreeSet<>(List.of(1.0, 2.0, 5.0)));

    public HistoryView(HistoryViewModel model) {
        getStyleClass().add("history");
        DatePicker from = new DatePicker();
        from.setId("history-from");
        from.valueProperty().bindBidirectional(model.fromProperty());
        DatePicker to = new DatePicker();
        to.setId("history-to");
        to.valueProperty().bindBidirectional(model.toProperty());
        ComboBox<String> bucket =
                new ComboBox<>(FXCollections.observableArrayList(HistoryViewModel.HOUR, HistoryViewModel.DAY));
        bucket.setId("history-bucket");
        bucket.valueProperty().bindBidirectional(model.bucketProperty());
        Button show = new Button("Show");
        show.setId("history-show");
        show.setOnAction(event -> model.refresh());
        Label summary = new Label();
        summary.setId("history-summary");
        summary.textProperty().bind(model.summaryProperty());
        Label error = new Label();
        error.getStyleClass().add("error-text");
        error.textProperty().bind(model.messageProperty());
        HBox controls = new HBox(
                8, new Label("From"), from, new Label("to"), to, new Label("per"), bucket, show, summary, error);
        controls.getStyleClass().add("tool-bar-row");

        // A third of a bucket each: the model places completed and failed side by side within the bucket.
        XYChart perBucket = barChart("Jobs finished", "time", "jobs", true, 33, model.completed(), model.failed());
        perBucket.setId("chart-finished");
        bucketTimes(perBucket.getXAxis(), model);
        wholeNumbers(perBucket.getYAxis());
        XYChart media = barChart("Media processed", "time", "", true, 60, model.mediaProcessed());
        media.setId("chart-media");
        bucketTimes(media.getXAxis(), model);
        media.getYAxis().nameProperty().bind(model.mediaUnitProperty());
        XYChart distribution = barChart("Processing time", "", "jobs", false, 60, model.processingTimes());
        distribution.setId("chart-distribution");
        distribution.getXAxis().nameProperty().bind(model.processingUnitProperty());
        wholeNumbers(distribution.getYAxis());

        GridPane charts = new GridPane();
        charts.setHgap(12);
        charts.setVgap(12);
        charts.add(perBucket, 0, 0, 2, 1);
        charts.add(distribution, 0, 1);
        charts.add(media, 1, 1);
        for (XYChart chart : new XYChart[] {perBucket, distribution, media}) {
            GridPane.setHgrow(chart, Priority.ALWAYS);
            GridPane.setVgrow(chart, Priority.ALWAYS);
            chart.setMinSize(200, 160);
            chart.setPrefSize(400, 260);
        }
        VBox.setVgrow(charts, Priority.ALWAYS);
        setTop(controls);
        setCenter(charts);
        BorderPane.setMargin(charts, new Insets(12, 0, 0, 0));
        setPadding(new Insets(16));
    }

    /** Time ticks read as the web dashboard's bucket labels: "03-29 14:00" by hour, "2026-03-29" by day. */
    private static void bucketTimes(Axis axis, HistoryViewModel model) {
        ((DefaultNumericAxis) axis).setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number epochSeconds) {
                return Formats.bucketStart(
                        Instant.ofEpochSecond(Math.round(epochSeconds.doubleValue())),
                        model.zone(),
                        !HistoryViewModel.DAY.equals(model.bucketProperty().get()));
            }

            /** The axis only formats its ticks; a chart never turns a label back into a time. */
            @Override
            public Number fromString(String text) {
                throw new UnsupportedOperationException("time tick labels are not parsed back");
            }
        });
    }

    /**
     * Ticks of a count axis step by whole numbers (1, 2, 5, 10, ...) and read without decimals: no "0.5 jobs".
     */
    private static void wholeNumbers(Axis axis) {
        DefaultNumericAxis counts = (DefaultNumericAxis) axis;
        counts.getAxisLabelFormatter().setTickUnitSupplier(raw -> Math.max(1, WHOLE_STEPS.computeTickUnit(raw)));
        counts.setMinorTickCount(0);
        counts.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number value) {
                return Formats.count(Math.round(value.doubleValue()));
            }

            @Override
            public Number fromString(String text) {
                return Double.valueOf(text.replace(",", ""));
            }
        });
    }

    private static XYChart barChart(
            String title, String xName, String yName, boolean timeAxis, double barPercent, DataSet... data) {
        DefaultNumericAxis x = new DefaultNumericAxis(xName);
        x.setTimeAxis(timeAxis);
        // No unit brackets: the names already say what is counted.
        x.setUnit(null);
        x.setAutoRangePadding(0.05);
        DefaultNumericAxis y = new DefaultNumericAxis(yName);
        y.setUnit(null);
        y.setForceZeroInRange(true);
        y.setAutoRangePadding(0.1);
        if (!timeAxis) {
            x.setForceZeroInRange(true);
        }
        XYChart chart = new XYChart(x, y);
        chart.setTitle(title);
        ErrorDataSetRenderer renderer = new ErrorDataSetRenderer();
        renderer.setPolyLineStyle(LineStyle.NONE);
        renderer.setDrawBars(true);
        renderer.setDrawMarker(false);
        renderer.setErrorStyle(ErrorStyle.NONE);
        renderer.setDynamicBarWidth(true);
        renderer.setBarWidthPercentage(barPercent);
        renderer.getDatasets().addAll(data);
        chart.getRenderers().setAll(renderer);
        chart.getStyleClass().add("history-chart");
        return chart;
    }
}
