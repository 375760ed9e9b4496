package org.molscreen.api.service;

import java.util.LinkedHashMap;
import java.util.Map;
import org.molscreen.chem.InvalidRecordException;
import org.molscreen.chem.depict.StructureDepicter;

/**
 * Structure drawings for hit lists and the web page. Layout costs milliseconds per molecule and a page
 * asks for the same few hundred structures again and again, so the latest drawings are kept.
 */
public final class DepictionService {

    private static final int CACHED = 4_096;

    private final StructureDepicter depicter = StructureDepicter.standard();
    private final int maxSmilesLength;
    private final Map<String, String> cache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > CACHED;
        }
    };

    public DepictionService(int maxSmilesLength) {
        this.maxSmilesLength = maxSmilesLength;
    }

    /** The SVG of a molecule. */
    public String svg(String smiles) {
        if (smiles == null || smiles.isBlank()) {
            throw new RequestRefused(RequestRefused.Reason.INVALID, "smiles: give a molecule as ?smiles=", Map.of("field", "smiles"));
        }
        if (smiles.length() > maxSmilesLength) {
            throw new RequestRefused(RequestRefused.Reason.INVALID, "smiles: " + smiles.length() + " characters is longer than the "
                    + maxSmilesLength + " accepted", Map.of("field", "smiles", "max", maxSmilesLength));
        }
        synchronized (cache) {
            String svg = cache.get(smiles);
            if (svg != null) {
                return svg;
            }
        }
        String svg;
        try {
            svg = depicter.svg(smiles);
        } catch (InvalidRecordException e) {
            throw new RequestRefused(RequestRefused.Reason.INVALID, e.getMessage(), Map.of("field", "smiles"));
        }
        synchronized (cache) {
            cache.put(smiles, svg);
        }
        return svg;
    }
}
