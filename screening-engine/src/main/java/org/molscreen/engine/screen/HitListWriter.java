package org.molscreen.engine.screen;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.molscreen.chem.featurize.FeatureTableWriter;
import org.molscreen.chem.featurize.FixedDecimals;
import org.molscreen.chem.io.StructureParser;
import org.molscreen.engine.model.CompoundPrediction;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.io.MDLV2000Writer;
import org.openscience.cdk.layout.StructureDiagramGenerator;

/**
 * Writes a hit list as CSV, SDF or JSON with the same columns and the same text for every value, so the
 * three formats (and, later, the API's) agree cell for cell:
 * {@code rank, id, smiles, score}; per model, its endpoints ({@code <model>.<endpoint>}), their ensemble
 * spread ({@code <model>.<endpoint>_std}), {@code <model>_nearest_training} and {@code <model>_in_domain};
 * the descriptors, {@code ro5_violations, veber_pass, pains}; {@code similarity} when a reference was given;
 * {@code filtered} when filtered compounds are kept visible. SDF records carry 2D coordinates and every
 * column as an SD property, readable by RDKit, DataWarrior and KNIME.
 */
public final class HitListWriter {

    public enum Format {
        CSV, SDF, JSON;

        /** The format a file name implies ({@code .csv}, {@code .sdf}, {@code .json}); CSV otherwise. */
        public static Format forFileName(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".sdf") || lower.endsWith(".sd")) {
                return SDF;
            }
            return lower.endsWith(".json") ? JSON : CSV;
        }
    }

    /** Thread-safe once configured; making one costs more than writing a page of hits. */
    private static final com.fasterxml.jackson.databind.ObjectWriter WRITER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writer();

    private HitListWriter() {
    }

    public static List<String> header(HitList list) {
        List<String> header = new ArrayList<>(List.of("rank", "id", "smiles", "score"));
        for (HitList.ModelColumns model : list.models()) {
            model.endpoints().forEach(e -> header.add(model.name() + "." + e));
            model.endpoints().forEach(e -> header.add(model.name() + "." + e + "_std"));
            header.add(model.name() + "_nearest_training");
            header.add(model.name() + "_in_domain");
        }
        header.addAll(FeatureTableWriter.DESCRIPTOR_COLUMNS);
        header.addAll(List.of("ro5_violations", "veber_pass", "pains"));
        if (list.settings().similarTo() != null) {
            header.add("similarity");
        }
        if (list.settings().keepFiltered()) {
            header.add("filtered");
        }
        return header;
    }

    /** Every hit's cells, in header order. */
    public static List<List<String>> rows(HitList list) {
        return rows(list, Page.ALL);
    }

    /**
     * A part of a hit list: {@code limit} hits from rank {@code offset + 1}. Pages are cut from the whole
     * list, so a hit's rank and cells are the same on every page and in the whole download.
     */
    public record Page(int offset, int limit) {
        public static final Page ALL = new Page(0, Integer.MAX_VALUE);

        public Page {
            if (offset < 0 || limit < 0) {
                throw new IllegalArgumentException("offset and limit must not be negative, got " + offset + " and " + limit);
            }
        }

        public boolean all() {
            return offset == 0 && limit == Integer.MAX_VALUE;
        }

        int from(HitList list) {
            return Math.min(offset, list.hits().size());
        }

        int to(HitList list) {
            return (int) Math.min((long) offset + limit, list.hits().size());
        }
    }

    /** The page's hits' cells, in header order. */
    public static List<List<String>> rows(HitList list, Page page) {
        List<List<String>> rows = new ArrayList<>();
        int rank = page.from(list);
        for (Hit hit : list.hits().subList(page.from(list), page.to(list))) {
            List<String> row = new ArrayList<>();
            row.add(Integer.toString(++rank));
            row.add(hit.id());
            row.add(hit.molecule().smiles());
            row.add(FixedDecimals.format(hit.score(), 4));
            for (HitList.ModelColumns model : list.models()) {
                CompoundPrediction p = hit.predictions().get(model.name());
                int decimals = model.classification() ? 4 : 3;
                for (int e = 0; e < model.endpoints().size(); e++) {
                    row.add(FixedDecimals.format(p.mean(e), decimals));
                }
                for (int e = 0; e < model.endpoints().size(); e++) {
                    row.add(FixedDecimals.format(p.std(e), decimals));
                }
                row.add(FixedDecimals.format(p.nearestTraining(), 3));
                row.add(Boolean.toString(p.inDomain()));
            }
            row.addAll(FeatureTableWriter.descriptorCells(hit.molecule()));
            if (list.settings().similarTo() != null) {
                row.add(FixedDecimals.format(hit.similarity(), 3));
            }
            if (list.settings().keepFiltered()) {
                row.add(String.join("; ", hit.filteredBy()));
            }
            rows.add(row);
        }
        return rows;
    }

    public static void write(HitList list, Format format, Writer out) throws IOException {
        write(list, format, out, Page.ALL);
    }

    /**
     * Writes a page of the list; the whole list ({@link Page#ALL}) is what {@code molscreen screen} writes. A
     * JSON page also says where it lies: {@code offset}, {@code limit} and {@code total}.
     */
    public static void write(HitList list, Format format, Writer out, Page page) throws IOException {
        switch (format) {
            case CSV -> writeCsv(list, out, page);
            case SDF -> writeSdf(list, out, page);
            case JSON -> writeJson(list, out, page);
        }
        out.flush();
    }

    private static void writeCsv(HitList list, Writer out, Page page) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get());
        csv.printRecord(header(list));
        for (List<String> row : rows(list, page)) {
            csv.printRecord(row.stream().map(SpreadsheetCell::neutralised).toList());
        }
        csv.flush();
    }

    private static void writeSdf(HitList list, Writer out, Page page) throws IOException {
        List<String> header = header(list);
        StructureParser parser = new StructureParser();
        StructureDiagramGenerator layout = new StructureDiagramGenerator();
        int index = page.from(list);
        for (List<String> row : rows(list, page)) {
            Hit hit = list.hits().get(index++);
            IAtomContainer mol = parser.parseSmiles(hit.molecule().smiles());
            mol.setTitle(hit.id());
            StringWriter molfile = new StringWriter();
            try (MDLV2000Writer writer = new MDLV2000Writer(molfile)) {
                layout.generateCoordinates(mol);
                writer.write(mol);
            } catch (CDKException e) {
                throw new IOException("cannot write " + hit.id() + " as a molfile: " + e.getMessage(), e);
            }
            out.write(withoutTimestamp(molfile.toString().replace("\r\n", "\n")));
            for (int c = 0; c < header.size(); c++) {
                if (!row.get(c).isEmpty()) {
                    out.write("> <" + header.get(c) + ">\n" + row.get(c) + "\n\n");
                }
            }
            out.write("$$$$\n");
        }
    }

    /**
     * The molfile with the date and time of its header line blanked (columns 11–20, kept as spaces so the
     * dimension code stays in its columns): CDK writes the minute of writing there, and the same hit list must
     * give the same file whenever it is downloaded.
     */
    static String withoutTimestamp(String molfile) {
        int first = molfile.indexOf('\n');
        int second = first < 0 ? -1 : molfile.indexOf('\n', first + 1);
        if (second - first - 1 < 20) {
            return molfile;
        }
        return molfile.substring(0, first + 11) + " ".repeat(10) + molfile.substring(first + 21);
    }

    private static void writeJson(HitList list, Writer out, Page page) throws IOException {
        List<String> header = header(list);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("records", list.records());
        document.put("errors", list.errors());
        document.put("filtered", list.filtered());
        document.put("rank_by", list.settings().rankModel());
        document.put("columns", header);
        if (!page.all()) {
            document.put("offset", page.offset());
            document.put("limit", page.limit());
            document.put("total", list.hits().size());
        }
        List<Map<String, Object>> hits = new ArrayList<>();
        for (List<String> row : rows(list, page)) {
            Map<String, Object> hit = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                hit.put(header.get(c), jsonValue(header.get(c), row.get(c)));
            }
            hits.add(hit);
        }
        document.put("hits", hits);
        WRITER.writeValue(new NonClosing(out), document);
    }

    /** Numbers as JSON numbers with the CSV's digits, booleans as booleans, empty as null, text as text. */
    private static Object jsonValue(String column, String cell) {
        if (cell.isEmpty()) {
            return null;
        }
        if (cell.equals("true") || cell.equals("false")) {
            return Boolean.valueOf(cell);
        }
        if (column.equals("id") || column.equals("smiles") || column.equals("pains") || column.equals("filtered")) {
            return cell;
        }
        try {
            return new BigDecimal(cell);
        } catch (NumberFormatException e) {
            return cell;
        }
    }

    /** Jackson closes the writer it is given; the caller owns it. */
    private static final class NonClosing extends java.io.FilterWriter {
        NonClosing(Writer out) {
            super(out);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }
}
