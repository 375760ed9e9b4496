package org.molscreen.chem.featurize;

import java.util.List;
import org.molscreen.chem.InvalidRecordException;
import org.molscreen.chem.alert.AlertCatalog;
import org.molscreen.chem.descriptor.DescriptorCalculator;
import org.molscreen.chem.descriptor.MolecularDescriptors;
import org.molscreen.chem.descriptor.TopologicalDescriptors;
import org.molscreen.chem.fingerprint.CountedFingerprint;
import org.molscreen.chem.fingerprint.Fingerprinter;
import org.molscreen.chem.io.RawRecord;
import org.molscreen.chem.io.RecordError;
import org.molscreen.chem.io.StructureParser;
import org.molscreen.chem.standardize.Standardizer;
import org.openscience.cdk.interfaces.IAtomContainer;

/**
 * One record in, its features out: parse, standardise (or perceive as given), canonical SMILES,
 * fingerprint, descriptors, PAINS alerts. Any failure of one record becomes a {@link RejectedRecord}
 * naming the record and the reason; nothing is thrown for bad chemistry.
 *
 * <p>Not thread-safe (it holds CDK parsers, fingerprinters and SMARTS matchers): one per thread. Creating
 * one costs a few milliseconds (the PAINS and Crippen SMARTS are parsed).
 */
public final class Featurizer {

    private final FeaturizerOptions options;
    private final StructureParser parser = new StructureParser();
    private final Standardizer standardizer = new Standardizer();
    private final Fingerprinter fingerprinter;
    private final DescriptorCalculator descriptors = new DescriptorCalculator();
    /** Null when the selection leaves the alerts out: compiling the catalogue costs a short run 0.2 s. */
    private final AlertCatalog alerts;

    private final FeatureSelection selection;

    public Featurizer(FeaturizerOptions options) {
        this(options, FeatureSelection.ALL);
    }

    /** A featurizer that computes only what {@code selection} names beside the fingerprint (see {@link PartialMolecule}). */
    public Featurizer(FeaturizerOptions options, FeatureSelection selection) {
        this.options = options;
        this.selection = selection;
        this.alerts = selection.alerts() ? AlertCatalog.pains() : null;
        this.fingerprinter = options.fingerprint() == null ? null : new Fingerprinter(options.fingerprint());
    }

    public FeaturizerOptions options() {
        return options;
    }

    public FeaturizedRecord featurize(RawRecord record) {
        try {
            IAtomContainer parsed = parser.parse(record);
            IAtomContainer mol = options.standardize() ? standardizer.standardize(parsed) : standardizer.asGiven(parsed);
            String smiles = selection.smiles() ? standardizer.canonicalSmiles(mol) : "";
            CountedFingerprint counted = fingerprinter == null ? null : fingerprinter.computeCounted(mol);
            MolecularDescriptors values = selection.descriptors() ? descriptors.calculate(mol) : MolecularDescriptors.NOT_COMPUTED;
            if (selection.topological()) {
                values = values.withTopological(TopologicalDescriptors.forThisThread().calculate(smiles));
            }
            List<String> matched = selection.alerts() ? alerts.matches(mol) : List.of();
            FeaturizedMolecule molecule = new FeaturizedMolecule(record.location(), record.id(), smiles,
                    counted == null ? null : counted.fingerprint(), counted == null ? null : counted.counts(), values, matched);
            return selection.all() ? molecule : new PartialMolecule(molecule, record);
        } catch (InvalidRecordException e) {
            return new RejectedRecord(new RecordError(record.location(), record.id(), e.field(), e.reason()));
        } catch (RuntimeException | StackOverflowError e) {
            // CDK can fail deep inside on exotic valences; one record must never stop a library
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return new RejectedRecord(new RecordError(record.location(), record.id(), "structure",
                    "cannot be featurised: " + reason));
        }
    }
}
