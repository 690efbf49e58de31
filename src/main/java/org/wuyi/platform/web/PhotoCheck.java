package org.wuyi.platform.web;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Optional;

import javax.imageio.ImageIO;

/**
 * A photo as it may be kept: a JPEG or PNG by its first bytes (not by its name), readable as a picture of sensible
 * size, then written again from its pixels alone — which drops every metadata block (EXIF with its GPS position,
 * comments, thumbnails). Anything else is refused, with the reason as a message key.
 */
public final class PhotoCheck {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final int MAX_SIDE = 8000;

    /** A photo ready to keep: its type, size and new bytes. */
    public record Clean(String contentType, int width, int height, byte[] bytes) {
    }

    /** The clean photo, or the message key of why not. */
    public record Outcome(Optional<Clean> photo, String problem) {
    }

    private PhotoCheck() {
    }

    public static Outcome check(byte[] file) {
        if (file == null || file.length == 0) {
            return new Outcome(Optional.empty(), "request.photo.empty");
        }
        if (file.length > MAX_BYTES) {
            return new Outcome(Optional.empty(), "request.photo.too-large");
        }
        boolean jpeg = file.length > 3 && (file[0] & 0xFF) == 0xFF && (file[1] & 0xFF) == 0xD8 && (file[2] & 0xFF) == 0xFF;
        boolean png = file.length > 8 && (file[0] & 0xFF) == 0x89 && file[1] == 'P' && file[2] == 'N' && file[3] == 'G';
        if (!jpeg && !png) {
            return new Outcome(Optional.empty(), "request.photo.type");
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(file));
            if (image == null || image.getWidth() > MAX_SIDE || image.getHeight() > MAX_SIDE) {
                return new Outcome(Optional.empty(), "request.photo.type");
            }
            BufferedImage pixels = image;
            if (jpeg && image.getColorModel().hasAlpha()) {
                pixels = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
                pixels.getGraphics().drawImage(image, 0, 0, null);
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(pixels, jpeg ? "jpeg" : "png", out)) {
                return new Outcome(Optional.empty(), "request.photo.type");
            }
            return new Outcome(Optional.of(new Clean(jpeg ? "image/jpeg" : "image/png", image.getWidth(), image.getHeight(), out.toByteArray())),
                    null);
        } catch (IOException | RuntimeException unreadable) {
            return new Outcome(Optional.empty(), "request.photo.type");
        }
    }
}
