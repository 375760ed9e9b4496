package org.molscreen.api.service;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.molscreen.api.access.Caller;
import org.molscreen.chem.featurize.FeaturizerOptions;
import org.molscreen.chem.io.LibraryFormat;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.cluster.LibraryInfo;
import org.molscreen.cluster.LibraryStore;
import org.molscreen.cluster.MolscreenNode;

/**
 * Users' libraries: an uploaded file is checked, its name claimed, and the cluster ingests it in the
 * background (the caller gets the library, {@code ingesting}, at once). Libraries belong to the user who
 * uploaded them; another user's library does not exist as far as a caller can tell.
 */
public final class LibraryService {

    private static final System.Logger LOG = System.getLogger(LibraryService.class.getName());

    private final MolscreenNode node;
    private final ExecutorService ingests;
    private final UploadDirectory uploads;
    private final AtomicLong ingested = new AtomicLong();

    /**
     * @param ingests where ingests run (each reads its file on this node and streams it to the cluster)
     * @param uploads where the uploaded files wait; each is discarded once its ingest ends
     */
    public LibraryService(MolscreenNode node, ExecutorService ingests, UploadDirectory uploads) {
        this.node = node;
        this.ingests = ingests;
        this.uploads = uploads;
    }

    /**
     * Accepts an uploaded file for ingest. The file is in a directory of its own, which is removed once the
     * ingest ends (or at once, when the same file is already stored under the name).
     *
     * @param file    the upload, named as the user's file was (its extension tells the format unless given)
     * @param options format and columns
     */
    public LibraryInfo upload(Caller caller, Path file, String name, ReadOptions options) {
        boolean handedOver = false;
        try {
            if (name == null || name.isBlank()) {
                throw new RequestRefused(RequestRefused.Reason.INVALID, "a library needs a name", Map.of("field", "name"));
            }
            String id;
            try {
                id = LibraryStore.idFor(caller.user(), name);
                if (options.format() == null && LibraryFormat.fromFileName(file.getFileName().toString()) == null) {
                    throw new IllegalArgumentException("cannot tell the format of '" + file.getFileName()
                            + "' from its name: upload .smi, .csv, .tsv or .sdf (optionally .gz), or give format");
                }
            } catch (IllegalArgumentException e) {
                throw new RequestRefused(RequestRefused.Reason.INVALID, e.getMessage(),
                        Map.of("field", e.getMessage().startsWith("library name") ? "name" : "format"));
            }
            LibraryStore store = node.libraries();
            LibraryStore.Reservation reservation;
            try {
                reservation = store.reserve(file, name, caller.user(), FeaturizerOptions.defaults());
            } catch (LibraryStore.LibraryExistsException e) {
                throw new RequestRefused(RequestRefused.Reason.CONFLICT, e.getMessage(), Map.of("library", id));
            }
            if (reservation.fresh()) {
                ingests.execute(() -> {
                    try {
                        LibraryInfo done = store.load(reservation.library(), file, options, FeaturizerOptions.defaults());
                        ingested.addAndGet(done.records() - done.errors());
                    } catch (Throwable failed) {
                        // recorded on the library as its failure (an Error too: out of memory, a stack overflow in
                        // a chemistry library); the caller sees it with GET /libraries/{id}; this pool thread lives on
                        if (failed instanceof Error) {
                            LOG.log(System.Logger.Level.ERROR, "ingest of " + reservation.library().id() + " failed", failed);
                        }
                    } finally {
                        uploads.discard(file);
                    }
                });
                handedOver = true;
            }
            return reservation.library();
        } finally {
            if (!handedOver) {
                uploads.discard(file);
            }
        }
    }

    /** Compounds stored by ingests that finished on this node since it started. */
    public long compoundsIngested() {
        return ingested.get();
    }

    public List<LibraryInfo> list(Caller caller) {
        return node.libraries().list().stream().filter(l -> AccessRules.mayAccess(caller, l.owner()))
                .sorted(Comparator.comparing(LibraryInfo::created).reversed().thenComparing(LibraryInfo::id)).toList();
    }

    public LibraryInfo get(Caller caller, String id) {
        return node.libraries().get(id).filter(l -> AccessRules.mayAccess(caller, l.owner()))
                .orElseThrow(() -> RequestRefused.notFound("library", id));
    }

    /** The library's rejected records, each with where and why. */
    public List<String> errors(Caller caller, String id) {
        get(caller, id);
        return node.libraries().errors(id);
    }

    public void delete(Caller caller, String id) {
        AccessRules.requireLibraryDeletion(caller);
        get(caller, id);
        node.libraries().delete(id);
    }
}
