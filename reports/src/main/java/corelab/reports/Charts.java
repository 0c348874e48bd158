package corelab.reports;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The look shared by every chart, and PNG encoding. Chart classes choose the data; this draws it. */
final class Charts {
    static final int PANEL_WIDTH = 440;
    static final int PANEL_HEIGHT = 320;
    static final int WIDE_WIDTH = 960;
    static final int WIDE_HEIGHT = 400;
    static final int STRIP_HEIGHT = 240;

    private static final BasicStroke SOLID = new BasicStroke(2f);
    private static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);
    private static final BasicStroke DOTTED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {2f, 3f}, 0f);

    static {
        // A report is drawn into images, never onto a screen: it must work on a server or in CI with no display.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private Charts() {
    }

    /** One bar of a bar chart: a mean with the half-width of its 95% interval (NaN: none drawn). */
    record Bar(String name, double mean, double halfWidth, Color color, boolean valid) {
    }

    static XYChart xy(String title, String xTitle, String yTitle, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        return chart;
    }

    /**
     * Bars with confidence-interval error bars, one bar per category, each in its own colour. XChart
     * colours by series, not by bar, so each bar is a series that is zero everywhere but in its own
     * category, and the series are overlapped. Invalid bars are grey and say so in their label.
     */
    static CategoryChart bars(String title, String yTitle, List<Bar> bars, int width, int height) {
        CategoryChart chart = new CategoryChartBuilder().width(width).height(height).title(title)
                .xAxisTitle("").yAxisTitle(yTitle).build();
        style(chart.getStyler());
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisTitleVisible(false);
        List<String> categories = uniqueNames(bars.stream()
                .map(b -> b.valid() ? b.name() : b.name() + " (INVALID)").toList());
        int labelChars = categories.stream().mapToInt(String::length).sum();
        if (labelChars * 9 > width - 80) {
            chart.getStyler().setXAxisLabelRotation(LABEL_ROTATION_DEGREES);
        }
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            List<Double> values = new ArrayList<>();
            List<Double> errors = new ArrayList<>();
            for (int j = 0; j < bars.size(); j++) {
                values.add(j == i ? finiteOrZero(bar.mean()) : 0.0);
                errors.add(j == i ? finiteOrZero(bar.halfWidth()) : 0.0);
            }
            CategorySeries series = chart.addSeries(categories.get(i), categories, values, errors);
            series.setFillColor(bar.valid() ? bar.color() : Palette.INVALID);
        }
        return chart;
    }

    /** A measured line: solid, with markers; an invalid one is grey and dashed (its name already says INVALID). */
    static XYSeries line(XYChart chart, String name, double[] x, double[] y, double[] halfWidths, Color color,
                         boolean valid) {
        XYSeries series = halfWidths == null ? chart.addSeries(name, x, y)
                : chart.addSeries(name, x, y, finiteOrZero(halfWidths));
        series.setLineColor(valid ? color : Palette.INVALID);
        series.setMarkerColor(valid ? color : Palette.INVALID);
        series.setLineStyle(valid ? SOLID : DASHED);
        series.setMarker(SeriesMarkers.CIRCLE);
        return series;
    }

    /** A line with no markers, for dense series such as a time series or a percentile spectrum. */
    static XYSeries trace(XYChart chart, String name, double[] x, double[] y, Color color, boolean valid) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(valid ? color : Palette.INVALID);
        series.setLineStyle(valid ? SOLID : DASHED);
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    /** A reference line (a theoretical limit, an ideal, a threshold): dark, dotted, no markers. */
    static XYSeries reference(XYChart chart, String name, double[] x, double[] y, Color color) {
        XYSeries series = chart.addSeries(name, x, y);
        series.setLineColor(color);
        series.setLineStyle(DOTTED);
        series.setMarker(SeriesMarkers.NONE);
        return series;
    }

    static byte[] png(Chart<?, ?> chart) {
        try {
            return BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode a chart as PNG", e);
        }
    }

    /**
     * Several panels of the same size in one image, row by row: small multiples that share a caption.
     * Drawn here rather than by XChart's grid, which needs every cell of the last row filled (ten
     * panels in rows of three failed).
     */
    static byte[] png(List<? extends Chart<?, ?>> panels, int columns) {
        if (panels.size() == 1) {
            return png(panels.get(0));
        }
        int rows = (panels.size() + columns - 1) / columns;
        int width = panels.get(0).getWidth();
        int height = panels.get(0).getHeight();
        BufferedImage grid = new BufferedImage(columns * width, rows * height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = grid.createGraphics();
        try {
            graphics.setColor(Color.WHITE);
            graphics.fillRect(0, 0, grid.getWidth(), grid.getHeight());
            for (int i = 0; i < panels.size(); i++) {
                graphics.drawImage(BitmapEncoder.getBufferedImage(panels.get(i)), (i % columns) * width,
                        (i / columns) * height, null);
            }
        } finally {
            graphics.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(grid, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode charts as PNG", e);
        }
        return out.toByteArray();
    }

    /**
     * Long category labels are turned this far. XChart ends a turned label at its tick only from
     * about 45 degrees: at 25 each label sat under the next bar and the last one was dropped.
     */
    static final int LABEL_ROTATION_DEGREES = 45;

    /** The look every chart of the report shares. */
    static void style(AxesChartStyler styler) {
        styler.setLocale(Locale.ROOT);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotBorderColor(new Color(0xcc, 0xcc, 0xcc));
        styler.setPlotGridLinesColor(new Color(0xe4, 0xe4, 0xe4));
        styler.setLegendPosition(Styler.LegendPosition.OutsideS);
        styler.setLegendLayout(Styler.LegendLayout.Horizontal);
        styler.setLegendBorderColor(Color.WHITE);
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setAnnotationTextFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        styler.setAnnotationLineColor(new Color(0xbb, 0xbb, 0xbb));
        styler.setErrorBarsColor(new Color(0x22, 0x22, 0x22));
        // No grouping separator: "12345", never "12,345", which reads as twelve point three in half the world.
        styler.setYAxisDecimalPattern("#0.###");
        styler.setXAxisDecimalPattern("#0.###");
        styler.setMarkerSize(7);
        styler.setAntiAlias(true);
        styler.setToolTipsEnabled(false);
        styler.setChartPadding(8);
    }

    static double finiteOrZero(double value) {
        return Double.isFinite(value) ? value : 0.0;
    }

    private static double[] finiteOrZero(double[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = finiteOrZero(values[i]);
        }
        return out;
    }

    /** XChart refuses two series of one name; two bars of one label get "#2", "#3". */
    private static List<String> uniqueNames(List<String> names) {
        Set<String> seen = new HashSet<>();
        List<String> out = new ArrayList<>();
        for (String name : names) {
            String candidate = name;
            for (int i = 2; !seen.add(candidate); i++) {
                candidate = name + " #" + i;
            }
            out.add(candidate);
        }
        return out;
    }
}
