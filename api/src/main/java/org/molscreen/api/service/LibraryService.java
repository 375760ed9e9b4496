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
import org.molscreen.cluster.RecordLimit;

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
    private final ServiceLimits limits;
    private final UserSlots uploadSlots;
    private final AtomicLong ingested = new AtomicLong();

    /**
     * @param ingests where ingests run (each reads its file on this node and streams it to the cluster)
     * @param uploads where the uploaded files wait; each is discarded once its ingest ends
     */
    public LibraryService(MolscreenNode node, ExecutorService ingests, UploadDirectory uploads, ServiceLimits limits) {
        this.node = node;
        this.ingests = ingests;
        this.uploads = uploads;
        this.limits = limits;
        this.uploadSlots = new UserSlots(ServiceLimits.MAX_UPLOADS_PER_USER, limits.maxUploadsPerUser(), "uploads in progress");
    }

    /**
     * Takes one of the caller's upload slots before the file is received; {@link #upload} releases it when the
     * ingest ends, and whoever fails before handing it over closes it.
     */
    public UserSlots.Slot startUpload(Caller caller) {
        return uploadSlots.acquire(caller.user());
    }

    /** What the caller uses of the per-user limits: libraries, records stored, uploads in progress on this node. */
    public Map<String, Long> usage(Caller caller) {
        List<LibraryInfo> owned = node.libraries().list().stream().filter(l -> caller.user().equals(l.owner())).toList();
        return Map.of("libraries", (long) owned.size(), "records", storedRecords(owned),
                "uploads_in_progress", (long) uploadSlots.held(caller.user()));
    }

    /** The caller's own libraries and what they hold, for the quotas. */
    private void checkQuotas(Caller caller, String id) {
        List<LibraryInfo> owned = node.libraries().list().stream()
                .filter(l -> caller.user().equals(l.owner()) && !l.id().equals(id)).toList();
        if (owned.size() >= limits.maxLibrariesPerUser()) {
            throw new RequestRefused(RequestRefused.Reason.TOO_MANY, "user " + caller.user() + " already has " + owned.size()
                    + " libraries (the " + ServiceLimits.MAX_LIBRARIES_PER_USER + " limit is " + limits.maxLibrariesPerUser()
                    + "); delete one first", Map.of("limit", ServiceLimits.MAX_LIBRARIES_PER_USER, "max", limits.maxLibrariesPerUser()));
        }
        if (storedRecords(owned) >= limits.maxRecordsPerUser()) {
            throw new RequestRefused(RequestRefused.Reason.TOO_MANY, "user " + caller.user() + "'s libraries hold "
                    + storedRecords(owned) + " records (the " + ServiceLimits.MAX_RECORDS_PER_USER + " limit is "
                    + limits.maxRecordsPerUser() + "); delete a library first",
                    Map.of("limit", ServiceLimits.MAX_RECORDS_PER_USER, "max", limits.maxRecordsPerUser()));
        }
    }

    private static long storedRecords(List<LibraryInfo> libraries) {
        return libraries.stream().filter(l -> l.state() != LibraryInfo.State.FAILED).mapToLong(l -> l.records() - l.errors()).sum();
    }

    /** The tighter of the per-library bound and what is left of the user's quota, named for the failure it causes. */
    private RecordLimit recordLimit(Caller caller, String id) {
        List<LibraryInfo> others = node.libraries().list().stream()
                .filter(l -> caller.user().equals(l.owner()) && !l.id().equals(id)).toList();
        long left = limits.maxRecordsPerUser() - storedRecords(others);
        return left < limits.maxRecordsPerLibrary() ? new RecordLimit(Math.max(0, left), ServiceLimits.MAX_RECORDS_PER_USER)
                : new RecordLimit(limits.maxRecordsPerLibrary(), ServiceLimits.MAX_RECORDS_PER_LIBRARY);
    }

    /**
     * Accepts an uploaded file for ingest. The file is in a directory of its own, which is removed once the
     * ingest ends (or at once, when the same file is already stored under the name).
     *
     * @param file    the upload, named as the user's file was (its extension tells the format unless given)
     * @param options format and columns
     */
    public LibraryInfo upload(Caller caller, Path file, String name, ReadOptions options, UserSlots.Slot slot) {
        boolean handedOver = false;
        try {
            if (name == null || name.isBlank()) {
                throw new RequestRefused(RequestRefused.Reason.INVALID, "a library needs a name", Map.of("field", "name"));
            }
            if (name.chars().anyMatch(Character::isISOControl)) {
                throw new RequestRefused(RequestRefused.Reason.INVALID, "name: control characters (a NUL byte, a line break)"
                        + " are not allowed in a library name", Map.of("field", "name"));
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
            checkQuotas(caller, id);
            RecordLimit recordLimit = recordLimit(caller, id);
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
                        LibraryInfo done = store.load(reservation.library(), file, options, FeaturizerOptions.defaults(), recordLimit);
                        ingested.addAndGet(done.records() - done.errors());
                    } catch (Throwable failed) {
                        // recorded on the library as its failure (an Error too: out of memory, a stack overflow in
                        // a chemistry library); the caller sees it with GET /libraries/{id}; this pool thread lives on
                        if (failed instanceof Error) {
                            LOG.log(System.Logger.Level.ERROR, "ingest of " + reservation.library().id() + " failed", failed);
                        }
                    } finally {
                        uploads.discard(file);
                        slot.close();
                    }
                });
                handedOver = true;
            }
            return reservation.library();
        } finally {
            if (!handedOver) {
                uploads.discard(file);
                slot.close();
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

    /** One page of the library's rejected records, each with where and why, and how many there are. */
    public ErrorPage errors(Caller caller, String id, Paging paging) {
        LibraryInfo library = get(caller, id);
        return new ErrorPage(node.libraries().errors(id, paging.offset(), paging.limit()), library.errors());
    }

    /** A page of a library's rejected records; {@code total} is the library's count of them. */
    public record ErrorPage(List<String> items, long total) {
    }

    public void delete(Caller caller, String id) {
        AccessRules.requireLibraryDeletion(caller);
        get(caller, id);
        node.libraries().delete(id);
    }
}
