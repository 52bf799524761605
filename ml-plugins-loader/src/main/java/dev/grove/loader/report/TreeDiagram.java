package dev.grove.loader.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A tree of rules drawn as inline SVG: a box per node (a split's rule, a leaf's prediction, each
 * with its training rows), leaves tinted by their class, edges from a split to its children
 * labelled yes (the rows that meet the rule, on the left) and no. Each subtree owns a band of the
 * width, children side by side under their parent, so no two boxes overlap; boxes are as wide as
 * their text. Splits whose subtrees are not drawn are dashed boxes saying how much lies below.
 */
final class TreeDiagram {

    /** Most levels of boxes drawn (a tree of depth 5). */
    static final int MAX_LEVELS = 6;
    /** Widest drawing, in SVG units: about a laptop's page width at the type's natural size. */
    static final double MAX_WIDTH = 1300;

    private static final double FONT = 12;
    private static final double SMALL_FONT = 11;
    private static final double LINE = 16;
    private static final double PAD_X = 10;
    private static final double PAD_Y = 6;
    private static final double BOX_HEIGHT = 2 * PAD_Y + 2 * LINE;
    private static final double LEVEL_GAP = 46;
    private static final double SIBLING_GAP = 14;
    private static final double MARGIN = 8;
    /** Room under the bottom level for the stubs under cut subtrees. */
    private static final double STUB = 14;
    private static final int MAX_CHARS = 40;

    /** A node's box as drawn: top-left corner, size, and the boxes of its drawn children (yes, then no). */
    record Box(TreeOutline node, String path, double x, double y, double width, double height, boolean cut, List<Box> children) {

        double centre() {
            return x + width / 2;
        }
    }

    private TreeDiagram() {
    }

    /**
     * How many levels of {@code root} to draw: all of them when the tree has at most
     * {@value #MAX_LEVELS} levels and fits in {@value #MAX_WIDTH} units, else the most top levels that
     * fit (at least two).
     */
    static int levelsToDraw(TreeOutline root) {
        int levels = Math.min(root.depth() + 1, Math.min(MAX_LEVELS, keptLevels(root)));
        while (levels > 2 && bandWidth(root, 1, levels) > MAX_WIDTH) {
            levels--;
        }
        return levels;
    }

    /** The boxes of the top {@code levels} levels of {@code root}, laid out from the drawing's top-left corner. */
    static Box layout(TreeOutline root, int levels) {
        return place(root, "root", 1, levels, MARGIN);
    }

    /**
     * The SVG of the top {@code levels} levels of {@code root}.
     *
     * @param id    its name in the page ({@code data-chart})
     * @param title what it shows, for its tooltip and screen readers
     */
    static String svg(String id, String title, TreeOutline root, int levels) {
        Box top = layout(root, levels);
        List<Box> boxes = new ArrayList<>();
        collect(top, boxes);
        double width = top.width() + 2 * MARGIN;
        for (Box box : boxes) {
            width = Math.max(width, box.x() + box.width() + MARGIN);
        }
        double height = boxes.stream().mapToDouble(b -> b.y() + b.height()).max().orElse(0) + STUB + MARGIN;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart tree\" data-chart=\"").append(Html.escape(id))
                .append("\" viewBox=\"0 0 ").append(ChartFrame.num(width)).append(' ').append(ChartFrame.num(height))
                .append("\" style=\"max-width:").append(ChartFrame.num(width)).append("px\" role=\"img\" aria-label=\"")
                .append(Html.escape(title + ": " + boxes.size() + " nodes drawn")).append("\">\n");
        sb.append("<title>").append(Html.escape(title)).append("</title>\n");
        for (Box box : boxes) {
            edges(box, sb);
        }
        for (Box box : boxes) {
            node(box, sb);
        }
        return sb.append("</svg>\n").toString();
    }

    private static Box place(TreeOutline node, String path, int level, int levels, double left) {
        double band = bandWidth(node, level, levels);
        double own = boxWidth(node, level, levels);
        double y = MARGIN + (level - 1) * (BOX_HEIGHT + LEVEL_GAP);
        if (!drawsChildren(node, level, levels)) {
            boolean cut = node.depth() > 0;
            return new Box(node, path, left + (band - own) / 2, y, own, cut ? BOX_HEIGHT + LINE : BOX_HEIGHT, cut, List.of());
        }
        TreeOutline yes = node.children().get(0);
        TreeOutline no = node.children().get(1);
        double yesBand = bandWidth(yes, level + 1, levels);
        double noBand = bandWidth(no, level + 1, levels);
        // Children centred in the band when the parent's own box is the wider.
        double start = left + (band - (yesBand + SIBLING_GAP + noBand)) / 2;
        Box yesBox = place(yes, path + "-yes", level + 1, levels, start);
        Box noBox = place(no, path + "-no", level + 1, levels, start + yesBand + SIBLING_GAP);
        // Over the middle of its children, kept inside its band so it cannot reach a neighbour's.
        double centre = Math.max(left + own / 2, Math.min(left + band - own / 2, (yesBox.centre() + noBox.centre()) / 2));
        return new Box(node, path, centre - own / 2, y, own, BOX_HEIGHT, false, List.of(yesBox, noBox));
    }

    private static boolean drawsChildren(TreeOutline node, int level, int levels) {
        return !node.children().isEmpty() && level < levels;
    }

    /** The width a subtree's drawing takes: its box, or its children's bands side by side if wider. */
    private static double bandWidth(TreeOutline node, int level, int levels) {
        double own = boxWidth(node, level, levels);
        if (!drawsChildren(node, level, levels)) {
            return own;
        }
        double children = bandWidth(node.children().get(0), level + 1, levels) + SIBLING_GAP
                + bandWidth(node.children().get(1), level + 1, levels);
        return Math.max(own, children);
    }

    private static double boxWidth(TreeOutline node, int level, int levels) {
        double first = textWidth(shorten(node.text()), FONT) * 1.06;
        double second = textWidth(samples(node), SMALL_FONT);
        double third = !drawsChildren(node, level, levels) && node.depth() > 0 ? textWidth(leavesBelow(node), SMALL_FONT) : 0;
        return Math.ceil(Math.max(first, Math.max(second, third)) + 2 * PAD_X);
    }

    /** The levels the outline keeps below and including {@code node}. */
    private static int keptLevels(TreeOutline node) {
        int deepest = 0;
        for (TreeOutline child : node.children()) {
            deepest = Math.max(deepest, keptLevels(child));
        }
        return deepest + 1;
    }

    private static String samples(TreeOutline node) {
        return Double.isNaN(node.samples()) ? "" : Format.number(node.samples()) + (node.samples() == 1 ? " sample" : " samples");
    }

    /** A cut subtree's size, short enough to keep its box as narrow as its rule: the tooltip adds its depth. */
    private static String leavesBelow(TreeOutline node) {
        return Format.count(node.leaves()) + " leaves below";
    }

    private static void collect(Box box, List<Box> into) {
        into.add(box);
        box.children().forEach(child -> collect(child, into));
    }

    private static void edges(Box box, StringBuilder sb) {
        double fromX = box.centre();
        double fromY = box.y() + box.height();
        for (int i = 0; i < box.children().size(); i++) {
            Box child = box.children().get(i);
            double toX = child.centre();
            double toY = child.y();
            double midY = (fromY + toY) / 2;
            sb.append("<path class=\"edge\" d=\"M").append(ChartFrame.num(fromX)).append(',').append(ChartFrame.num(fromY))
                    .append(" C").append(ChartFrame.num(fromX)).append(',').append(ChartFrame.num(midY)).append(' ')
                    .append(ChartFrame.num(toX)).append(',').append(ChartFrame.num(midY)).append(' ')
                    .append(ChartFrame.num(toX)).append(',').append(ChartFrame.num(toY)).append("\"/>\n");
            boolean yes = i == 0;
            // Beside the edge, on its outer side, just under the parent.
            double labelX = fromX + (toX - fromX) * 0.5 + (yes ? -6 : 6);
            sb.append("<text class=\"edge-label\" x=\"").append(ChartFrame.num(labelX)).append("\" y=\"")
                    .append(ChartFrame.num(midY + 4)).append("\" text-anchor=\"").append(yes ? "end" : "start").append("\">")
                    .append(yes ? "yes" : "no").append("</text>\n");
        }
        if (box.cut()) {
            sb.append("<line class=\"stub\" x1=\"").append(ChartFrame.num(fromX)).append("\" y1=\"").append(ChartFrame.num(fromY))
                    .append("\" x2=\"").append(ChartFrame.num(fromX)).append("\" y2=\"").append(ChartFrame.num(fromY + STUB)).append("\"/>\n");
        }
    }

    private static void node(Box box, StringBuilder sb) {
        TreeOutline node = box.node();
        boolean leaf = node.depth() == 0;
        String kind = leaf ? "leaf" : box.cut() ? "split cut" : "split";
        String colour = node.classIndex() >= 0 ? Palette.colour(node.classIndex()) : Palette.colour(0);
        String fill = leaf || box.cut() ? colour : "#f4f6f9";
        String fillOpacity = leaf ? "0.22" : box.cut() ? "0.08" : "1";
        String stroke = leaf ? colour : "#9aa4b1";
        String second = samples(node);
        String tooltip = node.text() + (second.isEmpty() ? "" : "\n" + second) + (box.cut() ? "\n" + node.depth()
                + (node.depth() == 1 ? " level, " : " levels, ") + leavesBelow(node) : "");
        sb.append("<g class=\"node ").append(kind).append("\" data-node=\"").append(box.path()).append("\">");
        sb.append("<title>").append(Html.escape(tooltip)).append("</title>");
        sb.append("<rect x=\"").append(ChartFrame.num(box.x())).append("\" y=\"").append(ChartFrame.num(box.y()))
                .append("\" width=\"").append(ChartFrame.num(box.width())).append("\" height=\"").append(ChartFrame.num(box.height()))
                .append("\" rx=\"5\" fill=\"").append(fill).append("\" fill-opacity=\"").append(fillOpacity)
                .append("\" stroke=\"").append(stroke).append("\"/>");
        double middle = box.centre();
        sb.append("<text class=\"node-text\" x=\"").append(ChartFrame.num(middle)).append("\" y=\"")
                .append(ChartFrame.num(box.y() + PAD_Y + LINE - 4)).append("\" text-anchor=\"middle\">")
                .append(Html.escape(shorten(node.text()))).append("</text>");
        sb.append("<text class=\"node-samples\" x=\"").append(ChartFrame.num(middle)).append("\" y=\"")
                .append(ChartFrame.num(box.y() + PAD_Y + 2 * LINE - 4)).append("\" text-anchor=\"middle\">")
                .append(Html.escape(second)).append("</text>");
        if (box.cut()) {
            sb.append("<text class=\"node-samples\" x=\"").append(ChartFrame.num(middle)).append("\" y=\"")
                    .append(ChartFrame.num(box.y() + PAD_Y + 3 * LINE - 4)).append("\" text-anchor=\"middle\">")
                    .append(Html.escape(leavesBelow(node))).append("</text>");
        }
        sb.append("</g>\n");
    }

    /** Very long rules (long feature names) are cut so one box cannot take the width; the tooltip has them whole. */
    private static String shorten(String text) {
        return text.length() <= MAX_CHARS ? text : text.substring(0, MAX_CHARS - 1) + "…";
    }

    /**
     * An estimate of the width of {@code text} in a sans-serif face at {@code size} (the page's
     * fonts; DejaVu Sans, Debian's default, among the widest), by classes of characters, so boxes fit
     * their text without measuring it in a browser.
     */
    private static double textWidth(String text, double size) {
        double ems = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ("ijlI.,:;'|!".indexOf(c) >= 0) {
                ems += 0.32;
            } else if ("frt -()[]".indexOf(c) >= 0) {
                ems += 0.42;
            } else if ("mwMW".indexOf(c) >= 0) {
                ems += 0.95;
            } else if (Character.isUpperCase(c) || c == '≤' || c == '…' || c == '·') {
                ems += c == '·' ? 0.35 : 0.78;
            } else {
                ems += 0.64;
            }
        }
        return ems * size;
    }
}
