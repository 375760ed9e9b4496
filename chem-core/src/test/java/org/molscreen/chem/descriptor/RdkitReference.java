package org.molscreen.chem.descriptor;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.molscreen.chem.standardize.Perception;
import org.openscience.cdk.exception.CDKException;
import org.openscience.cdk.interfaces.IAtomContainer;
import org.openscience.cdk.silent.SilentChemObjectBuilder;
import org.openscience.cdk.smiles.SmilesParser;

/**
 * One row of {@code rdkit_reference.tsv}: RDKit 2022.09.3's MolLogP, QED and QED properties for a molecule
 * of NCI first_5K.smi or first_200.props.sdf (see {@code rdkit_reference.py}, which wrote the file).
 */
record RdkitReference(String source, String id, String smiles, double logp, double qed, double mw, int hba,
                      int hbd, double psa, int rotb, int arom, int alerts) {

    static final String RESOURCE = "rdkit_reference.tsv";

    /** Label for messages: source, id and SMILES. */
    String label() {
        return source + " " + id + " " + smiles;
    }

    /** The molecule parsed by CDK and perceived as molscreen perceives every molecule. */
    IAtomContainer molecule() throws CDKException {
        SmilesParser parser = new SmilesParser(SilentChemObjectBuilder.getInstance());
        return Perception.perceive(parser.parseSmiles(smiles));
    }

    static List<RdkitReference> load() {
        InputStream in = RdkitReference.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the test resources; regenerate it with rdkit_reference.py");
        }
        List<RdkitReference> rows = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] f = line.split("\t", -1);
                rows.add(new RdkitReference(f[0], f[1], f[2], Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                        Double.parseDouble(f[5]), Integer.parseInt(f[6]), Integer.parseInt(f[7]),
                        Double.parseDouble(f[8]), Integer.parseInt(f[9]), Integer.parseInt(f[10]),
                        Integer.parseInt(f[11])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
