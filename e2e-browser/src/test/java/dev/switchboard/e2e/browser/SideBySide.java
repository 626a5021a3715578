package dev.switchboard.e2e.browser;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/** Screenshots of several browsers put next to each other, top-aligned on a light background, as one PNG. */
final class SideBySide {
    /** Where the build keeps what the tests produce. */
    static final Path TARGET = Path.of("target");
    private static final int GAP = 24;
    private static final Color BACKGROUND = new Color(0xe9, 0xec, 0xef);

    private SideBySide() {}

    /** Writes {@code screenshots} (PNG each), left to right, to {@code target/<fileName>} and returns its path. */
    static Path write(String fileName, byte[]... screenshots) {
        List<BufferedImage> images = new ArrayList<>();
        for (byte[] png : screenshots) {
            images.add(read(png));
        }
        int width = GAP + images.stream().mapToInt(image -> image.getWidth() + GAP).sum();
        int height = 2 * GAP + images.stream().mapToInt(BufferedImage::getHeight).max().orElse(0);
        BufferedImage canvas = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = canvas.createGraphics();
        try {
            graphics.setColor(BACKGROUND);
            graphics.fillRect(0, 0, width, height);
            int x = GAP;
            for (BufferedImage image : images) {
                graphics.drawImage(image, x, GAP, null);
                x += image.getWidth() + GAP;
            }
        } finally {
            graphics.dispose();
        }
        Path file = TARGET.resolve(fileName);
        try {
            Files.createDirectories(TARGET);
            ImageIO.write(canvas, "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        return file;
    }

    private static BufferedImage read(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new IllegalArgumentException("not an image the JDK can read");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
