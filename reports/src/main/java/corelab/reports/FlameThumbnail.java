package corelab.reports;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A small flame graph drawn as inline SVG from collapsed stacks, for the report's page, which
 * carries no script: the roots at the bottom, each frame as wide as its share of the samples,
 * coloured as async-profiler colours its own (Java green, kernel orange, JVM and native
 * yellow). Frames narrower than a pixel are left out; the interactive page has them all.
 */
final class FlameThumbnail {
    static final int WIDTH = 360;
    static final int HEIGHT = 180;
    private static final int MAX_DEPTH = 36;

    private FlameThumbnail() {
    }

    private static final class Node {
        final Map<String, Node> children = new LinkedHashMap<>();
        long samples;
    }

    static String svg(CollapsedStacks stacks) {
        Node root = new Node();
        stacks.samplesByStack().forEach((stack, count) -> {
            root.samples += count;
            Node node = root;
            for (String frame : stack.subList(0, Math.min(stack.size(), MAX_DEPTH))) {
                node = node.children.computeIfAbsent(frame, k -> new Node());
                node.samples += count;
            }
        });
        double rowHeight = (double) HEIGHT / MAX_DEPTH;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\""
                        + " role=\"img\"><rect width=\"%d\" height=\"%d\" fill=\"#fafafa\"/>",
                WIDTH, HEIGHT, WIDTH, HEIGHT, WIDTH, HEIGHT));
        if (root.samples > 0) {
            draw(svg, root, 0, 0, WIDTH, rowHeight);
        }
        return svg.append("</svg>").toString();
    }

    private static void draw(StringBuilder svg, Node parent, int depth, double x, double width, double rowHeight) {
        double left = x;
        for (Map.Entry<String, Node> child : parent.children.entrySet()) {
            double w = width * child.getValue().samples / parent.samples;
            if (w >= 1) {
                double y = HEIGHT - (depth + 1) * rowHeight;
                svg.append(String.format(Locale.ROOT,
                        "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\"><title>%s</title></rect>",
                        left, y, Math.max(0.5, w - 0.3), rowHeight - 0.3, colour(child.getKey()),
                        Html.text(child.getKey())));
                draw(svg, child.getValue(), depth + 1, left, w, rowHeight);
            }
            left += w;
        }
    }

    static String colour(String frame) {
        if (frame.endsWith("_[k]")) {
            return "#e8923a";
        }
        if (frame.contains("/") || frame.endsWith("_[j]") || frame.endsWith("_[i]")) {
            return "#62b562";
        }
        return "#e0c341";
    }

    static List<String> legend() {
        return List.of("green: Java", "orange: kernel", "yellow: JVM and native");
    }
}
