package corelab.reports;

import java.util.Base64;

/**
 * One chart of the report: a title, a caption that says what to look for, and the image
 * itself as PNG bytes, embedded in the page so the report works offline once copied.
 */
record Figure(String title, String caption, byte[] png) {
    Figure {
        if (png == null || png.length == 0) {
            throw new IllegalArgumentException("a figure needs an image: " + title);
        }
    }

    String dataUri() {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
