package corelab.reports;

/**
 * One chart of a run's report, for a page other than report.html (a notebook shows it inline):
 * the heading of the report section it belongs to, its title, the caption that says what to
 * look for, and the image as PNG bytes, exactly as report.html embeds it.
 */
public record ReportChart(String section, String title, String caption, byte[] png) {
    public ReportChart {
        if (section == null || title == null || caption == null || png == null || png.length == 0) {
            throw new IllegalArgumentException("a chart needs a section, a title, a caption and an image: " + title);
        }
    }
}
