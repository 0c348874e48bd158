package corelab.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.CategoryChart;

/** Small multiples in a grid whose last row is not full: ten panels in rows of three (a run of five strategies on two workloads). */
class ChartsTest {
    @Test
    void panelsThatDoNotFillTheLastRowMakeOneImage() throws Exception {
        List<CategoryChart> panels = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            panels.add(Charts.bars("panel " + i, "%", List.of(new Charts.Bar("a", 40, 2, Color.BLUE, true),
                    new Charts.Bar("b", 60, 2, Color.RED, true)), Charts.PANEL_WIDTH, Charts.PANEL_HEIGHT));
        }
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(Charts.png(panels, 3)));
        assertEquals(3 * Charts.PANEL_WIDTH, image.getWidth());
        assertEquals(4 * Charts.PANEL_HEIGHT, image.getHeight());
    }
}
