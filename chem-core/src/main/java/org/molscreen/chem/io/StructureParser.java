package org.molscreen.chem.io;

import java.io.IOException;
import java.io.StringReader;
import org.molscreen.chem.InvalidRecordException;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtom;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.interfaces.IPseudoAtom;
import org.openscience.cdk.interfaces.IChemObjectBuilder;
import org.openscience.cdk.io.IChemObjectReader;
import org.openscience.cdk.io.MDLV2000Reader;
import org.openscience.cdk.io.MDLV3000Reader;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * Turns a {@link RawRecord}'s text into a CDK molecule, without perception (see
 * {@code org.molscreen.chem.standardize.Perception}). Uses CDK's silent builder, which skips change
 * notification: the right choice for bulk work.
 *
 * <p>Not thread-safe (CDK's {@code SmilesParser} keeps state): use one instance per thread.
 */
public final class StructureParser {

    private final IChemObjectBuilder builder = SilentChemObjectBuilder.getInstance();
    private final SmilesParser smilesParser = new SmilesParser(builder);

    /**
     * Parses the record's structure.
     *
     * @throws InvalidRecordException naming the field ({@code smiles} or {@code molfile}) and the reason
     */
    public IAtomContainer parse(RawRecord record) {
        return switch (record.notation()) {
            case SMILES -> parseSmiles(record.text());
            case MOLFILE -> parseMolfile(record.text());
        };
    }

    /** Parses one SMILES string. */
    public IAtomContainer parseSmiles(String smiles) {
        if (smiles.isBlank()) {
            throw new InvalidRecordException("smiles", "empty SMILES");
        }
        try {
            IAtomContainer mol = smilesParser.parseSmiles(smiles);
            if (mol.getAtomCount() == 0) {
                throw new InvalidRecordException("smiles", "SMILES '" + abbreviate(smiles) + "' has no atoms");
            }
            requireRealElements(mol, "smiles");
            return mol;
        } catch (CDKException e) {
            throw new InvalidRecordException("smiles", "invalid SMILES '" + abbreviate(smiles) + "': " + smilesProblem(e.getMessage()), e);
        } catch (RuntimeException e) {
            if (e instanceof InvalidRecordException invalid) {
                throw invalid;
            }
            throw new InvalidRecordException("smiles", "invalid SMILES '" + abbreviate(smiles) + "': " + describe(e), e);
        }
    }

    private IAtomContainer parseMolfile(String molfile) {
        boolean v3000 = isV3000(molfile);
        try (IChemObjectReader reader = v3000
                ? new MDLV3000Reader(new StringReader(molfile), IChemObjectReader.Mode.RELAXED)
                : new MDLV2000Reader(new StringReader(molfile), IChemObjectReader.Mode.RELAXED)) {
            IAtomContainer mol = v3000
                    ? ((MDLV3000Reader) reader).read(builder.newAtomContainer())
                    : ((MDLV2000Reader) reader).read(builder.newAtomContainer());
            if (mol == null || mol.getAtomCount() == 0) {
                throw new InvalidRecordException("molfile", "the molfile has no atoms");
            }
            requireRealElements(mol, "molfile");
            return mol;
        } catch (CDKException | IOException e) {
            throw new InvalidRecordException("molfile", "unreadable " + (v3000 ? "V3000" : "V2000") + " molfile: "
                    + firstLine(e.getMessage()), e);
        } catch (RuntimeException e) {
            if (e instanceof InvalidRecordException invalid) {
                throw invalid;
            }
            throw new InvalidRecordException("molfile", "unreadable " + (v3000 ? "V3000" : "V2000") + " molfile: " + describe(e), e);
        }
    }

    /**
     * CDK reads an unknown bracket symbol ({@code [Xx]}), a wildcard ({@code *}) or an R group as a pseudo
     * atom; none of them has a mass, a fingerprint environment or a place in a descriptor, so such a record is
     * refused here with the symbol named, rather than scored as something it is not.
     */
    private static void requireRealElements(IAtomContainer mol, String field) {
        for (int i = 0; i < mol.getAtomCount(); i++) {
            IAtom atom = mol.getAtom(i);
            Integer element = atom.getAtomicNumber();
            if (atom instanceof IPseudoAtom || element == null || element == 0) {
                String symbol = atom instanceof IPseudoAtom pseudo && pseudo.getLabel() != null ? pseudo.getLabel() : atom.getSymbol();
                throw new InvalidRecordException(field, "atom " + (i + 1) + " '" + symbol
                        + "' is not a chemical element (unknown symbol, wildcard or R group)");
            }
        }
    }

    /** CDK's SMILES messages repeat the input and end with a caret picture; keep the sentence that explains. */
    private static String smilesProblem(String message) {
        String text = firstLine(message);
        if (text.startsWith("could not parse '")) {
            int comma = text.indexOf("', ");
            if (comma > 0) {
                text = text.substring(comma + 3);
            }
        }
        while (text.endsWith(":")) {
            text = text.substring(0, text.length() - 1).strip();
        }
        return text;
    }

    /** The counts line (the fourth) says V3000; CDK needs a different reader for it. */
    private static boolean isV3000(String molfile) {
        int start = 0;
        for (int line = 0; line < 3; line++) {
            int newline = molfile.indexOf('\n', start);
            if (newline < 0) {
                return false;
            }
            start = newline + 1;
        }
        int end = molfile.indexOf('\n', start);
        String counts = end < 0 ? molfile.substring(start) : molfile.substring(start, end);
        return counts.contains("V3000");
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage());
    }

    static String firstLine(String message) {
        if (message == null) {
            return "no details";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
