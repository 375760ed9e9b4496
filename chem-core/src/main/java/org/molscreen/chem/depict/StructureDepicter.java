package org.molscreen.chem.depict;

import java.awt.Color;
import org.molscreen.chem.InvalidRecordException;
import org.molscreen.chem.io.StructureParser;
import org.openscience.cdk.depict.Depiction;
import org.openscience.cdk.depict.DepictionGenerator;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * Draws a molecule from SMILES as an SVG image for hit lists and web pages (CDK's
 * {@code DepictionGenerator}, 2D coordinates generated, headless). Sizes are in pixels, so the SVG can be
 * placed in an HTML page as it is.
 *
 * <p>Thread-safe: a parser is made per call (cheap next to layout), the generator is immutable.
 */
public final class StructureDepicter {

    /** Longest SMILES drawn: larger inputs are refused rather than laid out for seconds. */
    public static final int MAX_SMILES_LENGTH = 2_000;

    private final DepictionGenerator generator;

    /** A depicter for images of the given size in pixels. */
    public StructureDepicter(int width, int height) {
        if (width < 16 || height < 16 || width > 4_096 || height > 4_096) {
            throw new IllegalArgumentException("image size must be 16..4096 px, got " + width + "x" + height);
        }
        this.generator = new DepictionGenerator()
                .withSize(width, height)
                .withFillToFit()
                .withBackgroundColor(Color.WHITE)
                .withAtomColors();
    }

    /** A 250 × 200 px depicter: the size of a hit-list cell. */
    public static StructureDepicter standard() {
        return new StructureDepicter(250, 200);
    }

    /**
     * The SVG document for a SMILES string.
     *
     * @throws InvalidRecordException (field {@code smiles}) when the SMILES is empty, too long or invalid
     */
    public String svg(String smiles) {
        if (smiles == null || smiles.isBlank()) {
            throw new InvalidRecordException("smiles", "empty SMILES");
        }
        if (smiles.length() > MAX_SMILES_LENGTH) {
            throw new InvalidRecordException("smiles", "SMILES of " + smiles.length() + " characters is longer than the "
                    + MAX_SMILES_LENGTH + " that can be drawn");
        }
        IAtomContainer mol = new StructureParser().parseSmiles(smiles.strip());
        try {
            Depiction depiction = generator.depict(mol);
            return depiction.toSvgStr(Depiction.UNITS_PX);
        } catch (CDKException | RuntimeException e) {
            throw new InvalidRecordException("smiles", "cannot draw '" + smiles + "': " + e.getMessage(), e);
        }
    }
}
