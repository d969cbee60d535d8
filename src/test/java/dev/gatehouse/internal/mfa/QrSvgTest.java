package dev.gatehouse.internal.mfa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;

class QrSvgTest {

    private static final int PX = 8;
    private static final Pattern RUN = Pattern.compile("M(\\d+),(\\d+)h(\\d+)v1h-(\\d+)z");

    @Test
    void scansBackToTheOtpauthUri() throws Exception {
        String uri = OtpAuthUri.of("ACME Co", "jürgen@example.com", Totp.newSecret());
        Result result = scan(QrSvg.svg(uri));
        assertEquals(uri, result.getText());
        assertEquals("M", result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL));
    }

    @Test
    void scansBackLongAndNonAsciiText() throws Exception {
        String text = "otpauth://totp/" + "x".repeat(300) + "?issuer=Z%C3%BCrich&secret=" + Base32.encode(new byte[64]);
        assertEquals(text, scan(QrSvg.svg(text)).getText());
    }

    @Test
    void isOneSelfContainedPathSizedByCss() throws Exception {
        String svg = QrSvg.svg(OtpAuthUri.of("Gatehouse", "jane@example.com", Totp.newSecret()));
        Element root = parse(svg).getDocumentElement();
        assertEquals("svg", root.getTagName());
        assertEquals("http://www.w3.org/2000/svg", root.getAttribute("xmlns"));
        assertEquals("crispEdges", root.getAttribute("shape-rendering"));
        assertFalse(root.hasAttribute("width") || root.hasAttribute("height"), svg.substring(0, 120));
        assertTrue(root.getAttribute("viewBox").matches("0 0 (\\d+) \\1"));
        assertEquals(1, root.getElementsByTagName("path").getLength());
        NodeList all = root.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            assertTrue(e.getTagName().equals("path") || e.getTagName().equals("rect"), e.getTagName());
            NamedNodeMap attributes = e.getAttributes();
            for (int j = 0; j < attributes.getLength(); j++) {
                String name = attributes.item(j).getNodeName().toLowerCase();
                String value = attributes.item(j).getNodeValue().toLowerCase();
                assertFalse(name.startsWith("on") || name.contains("href") || value.contains("url("), name + "=" + value);
            }
        }
        assertFalse(svg.toLowerCase().contains("<script") || svg.contains("<!") || svg.contains("<?"));
    }

    @Test
    void leavesAFourModuleQuietZone() throws Exception {
        String svg = QrSvg.svg("otpauth://totp/Gatehouse:jane?secret=" + Base32.encode(new byte[20]));
        int side = side(svg);
        assertEquals(0, (side - 2 * 4 - 21) % 4, "a QR code is 21 + 4k modules: " + side);
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = 0;
        int maxY = 0;
        Matcher m = RUN.matcher(path(svg));
        while (m.find()) {
            int x = Integer.parseInt(m.group(1));
            int y = Integer.parseInt(m.group(2));
            minX = Math.min(minX, x);
            minY = Math.min(minY, y);
            maxX = Math.max(maxX, x + Integer.parseInt(m.group(3)));
            maxY = Math.max(maxY, y + 1);
        }
        // The finder patterns reach every edge of the code itself.
        assertEquals(4, minX);
        assertEquals(4, minY);
        assertEquals(side - 4, maxX);
        assertEquals(side - 4, maxY);
    }

    @Test
    void refusesTextTooLongForAQrCode() {
        assertThrows(IllegalArgumentException.class, () -> QrSvg.svg("x".repeat(5000)));
    }

    /** Rasterises the path format QrSvg writes, then reads it with ZXing. */
    private static Result scan(String svg) throws Exception {
        int side = side(svg);
        BufferedImage image = new BufferedImage(side * PX, side * PX, BufferedImage.TYPE_BYTE_GRAY);
        java.awt.Graphics2D g = image.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, side * PX, side * PX);
        g.setColor(java.awt.Color.BLACK);
        String d = path(svg);
        Matcher m = RUN.matcher(d);
        int consumed = 0;
        while (m.find()) {
            assertEquals(consumed, m.start(), "the path holds nothing but runs");
            assertEquals(m.group(3), m.group(4));
            g.fillRect(Integer.parseInt(m.group(1)) * PX, Integer.parseInt(m.group(2)) * PX,
                    Integer.parseInt(m.group(3)) * PX, PX);
            consumed = m.end();
        }
        assertEquals(d.length(), consumed);
        g.dispose();
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.CHARACTER_SET, "UTF-8"));
    }

    private static int side(String svg) throws Exception {
        String[] box = parse(svg).getDocumentElement().getAttribute("viewBox").split(" ");
        return Integer.parseInt(box[2]);
    }

    private static String path(String svg) throws Exception {
        Element path = (Element) parse(svg).getElementsByTagName("path").item(0);
        assertNull(path.getAttributes().getNamedItem("transform"));
        return path.getAttribute("d");
    }

    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
