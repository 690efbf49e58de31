package org.wuyi.platform.web;

import io.nayuki.qrcodegen.QrCode;

/** QR codes drawn as SVG on the server (no script, no image service): for enrolment in an authenticator, for posters. */
public final class QrCodes {

    private static final int BORDER = 4;

    private QrCodes() {
    }

    /** An SVG image of the text's QR code (error correction M), one unit per module, scalable to any size. */
    public static String svg(String text) {
        QrCode code = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int size = code.size + BORDER * 2;
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    path.append('M').append(x + BORDER).append(',').append(y + BORDER).append("h1v1h-1z");
                }
            }
        }
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size
                + "\" shape-rendering=\"crispEdges\" role=\"img\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path d=\"" + path + "\" fill=\"#000\"/></svg>";
    }
}
