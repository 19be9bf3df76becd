import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Draws the StockLens icon (the shapes of {@code icons/stocklens.svg}: teal tile, three white bars, an
 * amber magnifier) with Java2D at every size, anti-aliased, and writes the icon set the installers use:
 * {@code icons/stocklens-N.png} for N = 16 … 1024, {@code icons/stocklens.ico} (Windows, PNG entries
 * 16–256) and {@code icons/stocklens.icns} (macOS, PNG entries ic07 … ic14). No dependencies: run with
 * the JDK's source launcher, headless:
 *
 * <pre>java -Djava.awt.headless=true packaging/IconGenerator.java [OUT_DIR]</pre>
 *
 * The app's own window icons in {@code src/main/resources/com/stocklens/} are copies of the 32/64/256 PNGs.
 */
public final class IconGenerator {
    static final int[] PNG_SIZES = {16, 24, 32, 48, 64, 128, 256, 512, 1024};
    static final int[] ICO_SIZES = {16, 24, 32, 48, 64, 128, 256};
    /** icns types holding PNG data, by pixel size (ic04/ic05 are left out: older readers expect ARGB there). */
    static final Map<String, Integer> ICNS_TYPES = new LinkedHashMap<>();

    static {
        ICNS_TYPES.put("ic07", 128);
        ICNS_TYPES.put("ic08", 256);
        ICNS_TYPES.put("ic09", 512);
        ICNS_TYPES.put("ic10", 1024);
        ICNS_TYPES.put("ic11", 32);   // 16@2x
        ICNS_TYPES.put("ic12", 64);   // 32@2x
        ICNS_TYPES.put("ic13", 256);  // 128@2x
        ICNS_TYPES.put("ic14", 512);  // 256@2x
    }

    private IconGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "icons");
        Files.createDirectories(out);
        Map<Integer, byte[]> png = new LinkedHashMap<>();
        for (int size : PNG_SIZES) {
            png.put(size, encode(draw(size)));
            Files.write(out.resolve("stocklens-" + size + ".png"), png.get(size));
        }
        Files.write(out.resolve("stocklens.ico"), ico(png));
        Files.write(out.resolve("stocklens.icns"), icns(png));
        System.out.println("icons written to " + out.toAbsolutePath());
    }

    /** The icon at {@code size} × {@code size}, drawn in the SVG's 256-unit space scaled down. */
    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size / 256.0;
        g.scale(s, s);
        boolean tiny = size <= 24; // at 16/24 px: fewer, thicker shapes so the picture stays readable
        double inset = tiny ? 2 : 8;
        g.setColor(new Color(0x0f6e74));
        g.fill(new RoundRectangle2D.Double(inset, inset, 256 - 2 * inset, 256 - 2 * inset, 48, 48));
        g.setColor(Color.WHITE);
        double barW = tiny ? 40 : 32;
        g.fill(new RoundRectangle2D.Double(tiny ? 44 : 56, 140, barW, 64 + (tiny ? 12 : 0), 8, 8));
        g.fill(new RoundRectangle2D.Double(tiny ? 100 : 104, 100, barW, 104 + (tiny ? 12 : 0), 8, 8));
        g.fill(new RoundRectangle2D.Double(tiny ? 156 : 152, 60, barW, 144 + (tiny ? 12 : 0), 8, 8));
        Color amber = new Color(0xffb020);
        g.setColor(amber);
        g.setStroke(new BasicStroke(tiny ? 22f : 14f));
        g.draw(new Ellipse2D.Double(140, 44, 80, 80));
        g.setStroke(new BasicStroke(tiny ? 26f : 16f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(new Line2D.Double(208, 112, 232, 136));
        g.dispose();
        return img;
    }

    static byte[] encode(BufferedImage img) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageIO.write(img, "png", bytes);
        return bytes.toByteArray();
    }

    /** ICO container: ICONDIR, one ICONDIRENTRY per size (little-endian), then the PNG payloads. */
    static byte[] ico(Map<Integer, byte[]> png) throws IOException {
        List<Integer> sizes = java.util.Arrays.stream(ICO_SIZES).boxed().toList();
        int headerLength = 6 + 16 * sizes.size();
        ByteBuffer header = ByteBuffer.allocate(headerLength).order(ByteOrder.LITTLE_ENDIAN);
        header.putShort((short) 0).putShort((short) 1).putShort((short) sizes.size());
        int offset = headerLength;
        for (int size : sizes) {
            byte[] data = png.get(size);
            header.put((byte) (size >= 256 ? 0 : size)).put((byte) (size >= 256 ? 0 : size)); // 0 means 256
            header.put((byte) 0).put((byte) 0);                  // no palette, reserved
            header.putShort((short) 1).putShort((short) 32);      // planes, bits per pixel
            header.putInt(data.length).putInt(offset);
            offset += data.length;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header.array());
        for (int size : sizes) {
            out.write(png.get(size));
        }
        return out.toByteArray();
    }

    /** icns container: 'icns' + total length, then (type, length incl. 8-byte header, PNG) per entry; big-endian. */
    static byte[] icns(Map<Integer, byte[]> png) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(body);
        for (Map.Entry<String, Integer> e : ICNS_TYPES.entrySet()) {
            byte[] payload = png.get(e.getValue());
            data.writeBytes(e.getKey());
            data.writeInt(8 + payload.length);
            data.write(payload);
        }
        data.flush();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DataOutputStream header = new DataOutputStream(out);
        header.writeBytes("icns");
        header.writeInt(8 + body.size());
        body.writeTo((OutputStream) header);
        header.flush();
        return out.toByteArray();
    }
}
