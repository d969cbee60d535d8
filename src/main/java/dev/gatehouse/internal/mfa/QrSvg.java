package dev.gatehouse.internal.mfa;

import io.nayuki.qrcodegen.QrCode;

/**
 * A QR code as a self-contained SVG document: no script, no external reference, no width or height
 * (the page's CSS sizes it), dark modules as one path of one-module-high runs, on a white background
 * with the 4-module quiet zone scanners need.
 */
public final class QrSvg {

    /** Light modules around the code, as ISO/IEC 18004 requires. */
    static final int QUIET_ZONE = 4;

    private QrSvg() {
    }

    /**
     * {@code text} as a QR code with error correction level M.
     *
     * @throws IllegalArgumentException the text does not fit in a QR code (about 2,300 bytes at level M)
     */
    public static String svg(String text) {
        QrCode qr = QrCode.encodeText(text, QrCode.Ecc.MEDIUM);
        int side = qr.size + 2 * QUIET_ZONE;
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\" viewBox=\"0 0 " + side + " " + side
                + "\" shape-rendering=\"crispEdges\">"
                + "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>"
                + "<path d=\"" + path(qr) + "\" fill=\"#000000\"/></svg>";
    }

    /** One {@code M x,y h n v1 h -n z} per horizontal run of dark modules, in viewBox units. */
    private static String path(QrCode qr) {
        StringBuilder d = new StringBuilder();
        for (int y = 0; y < qr.size; y++) {
            int x = 0;
            while (x < qr.size) {
                if (!qr.getModule(x, y)) {
                    x++;
                    continue;
                }
                int start = x;
                while (x < qr.size && qr.getModule(x, y)) {
                    x++;
                }
                int run = x - start;
                d.append('M').append(start + QUIET_ZONE).append(',').append(y + QUIET_ZONE)
                        .append('h').append(run).append("v1h-").append(run).append('z');
            }
        }
        return d.toString();
    }
}
