package corelab.reports;

import java.awt.Color;
import java.util.HashMap;
import java.util.Map;

/**
 * One colour per series label for the whole report, so "cluster" is the same colour in every
 * chart, and in every report: the five modes and the three Node.js ones have fixed colours (Okabe and Ito's palette,
 * readable with the common colour-vision deficiencies); variants take the remaining ones in turn.
 * Invalid configurations are grey wherever they appear.
 */
final class Palette {
    static final Color INVALID = new Color(0x9e, 0x9e, 0x9e);
    static final Color LIMIT = new Color(0x33, 0x33, 0x33);

    private static final Map<String, Color> MODES = Map.of(
            "single", new Color(0x00, 0x72, 0xB2),
            "platform", new Color(0xE6, 0x9F, 0x00),
            "virtual", new Color(0x00, 0x9E, 0x73),
            "offload", new Color(0xCC, 0x79, 0xA7),
            "cluster", new Color(0xD5, 0x5E, 0x00),
            // The seeds' Node.js program: beside its Java models' hues (a lighter blue than single's, a darker red than cluster's).
            "node", new Color(0x56, 0xB4, 0xE9),
            "node-cluster", new Color(0xA6, 0x1C, 0x3C),
            "node-pm2", new Color(0x8C, 0x56, 0x1A));
    private static final Color[] OTHERS = {
        new Color(0x1B, 0x3A, 0x6B),
        new Color(0x6A, 0x3D, 0x9A), new Color(0x00, 0x5F, 0x4B),
        new Color(0x44, 0x44, 0x44), new Color(0xB1, 0x95, 0x00),
    };

    private final Map<String, Color> assigned = new HashMap<>();
    private int nextOther;

    Color color(String label) {
        Color mode = MODES.get(label);
        if (mode != null) {
            return mode;
        }
        return assigned.computeIfAbsent(label, k -> OTHERS[nextOther++ % OTHERS.length]);
    }
}
