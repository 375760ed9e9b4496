package org.molscreen.api.service;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.molscreen.api.access.Caller;
import org.molscreen.cluster.ClusterScreening;
import org.molscreen.cluster.JobInfo;
import org.molscreen.cluster.LibraryInfo;
import org.molscreen.cluster.MolscreenNode;
import org.molscreen.cluster.ScreeningJobs;
import org.molscreen.engine.screen.HitList;
import org.molscreen.engine.screen.InvalidScreenException;
import org.molscreen.engine.screen.ScreenRequest;
import org.molscreen.engine.screen.ScreenSettings;

/**
 * Users' screening jobs: checked against the models, the library and the limits, then handed to the
 * cluster. Jobs belong to the user who submitted them.
 */
public final class JobService {

    private final MolscreenNode node;
    private final ModelService models;
    private final LibraryService libraries;
    private final ServiceLimits limits;
    /**
     * Finished hit lists last read, by job id: a finished list never changes, and reading one from the
     * cluster (fetch and deserialise thousands of hits) costs far more than serving a page of it. Bounded by
     * the hits held (a hit with its molecule and predictions is a few kilobytes), not by the lists.
     */
    private final java.util.LinkedHashMap<String, HitList> recentHits = new java.util.LinkedHashMap<>(16, 0.75f, true);
    private static final int CACHED_HITS = 25_000;

    public JobService(MolscreenNode node, ModelService models, LibraryService libraries, ServiceLimits limits) {
        this.node = node;
        this.models = models;
        this.libraries = libraries;
        this.limits = limits;
    }

    /**
     * Submits a screen of one of the caller's libraries (an admin's: anybody's).
     *
     * @param idempotencyKey null, or the key under which a repeated submission returns the first job
     */
    public JobInfo submit(Caller caller, String library, ScreenRequest request, String idempotencyKey) {
        if (library == null || library.isBlank()) {
            throw new RequestRefused(RequestRefused.Reason.INVALID, "library: name the library to screen", Map.of("field", "library"));
        }
        if (request.top() > limits.maxTop()) {
            throw new RequestRefused(RequestRefused.Reason.INVALID, "top must be 1.." + limits.maxTop() + ", got " + request.top(),
                    Map.of("field", "top", "max", limits.maxTop()));
        }
        if (request.similarTo() != null && request.similarTo().length() > limits.maxSmilesLength()) {
            throw new RequestRefused(RequestRefused.Reason.INVALID, "similar_to: SMILES of " + request.similarTo().length()
                    + " characters is longer than the " + limits.maxSmilesLength() + " accepted",
                    Map.of("field", "similar_to", "max", limits.maxSmilesLength()));
        }
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new RequestRefused(RequestRefused.Reason.INVALID, "Idempotency-Key must be 1 to 200 characters",
                    Map.of("field", "Idempotency-Key"));
        }
        LibraryInfo target = libraries.get(caller, library);
        ScreenSettings settings;
        try {
            settings = request.resolve(name -> models.card(name));
        } catch (RequestRefused e) {
            // an unknown model makes the request invalid; it is not a resource the URL names
            throw e.reason() == RequestRefused.Reason.NOT_FOUND
                    ? new RequestRefused(RequestRefused.Reason.INVALID, "models: " + e.getMessage(), Map.of("field", "models"))
                    : e;
        } catch (InvalidScreenException e) {
            throw new RequestRefused(RequestRefused.Reason.INVALID, e.getMessage(), Map.of("field", e.field().jsonName()));
        } catch (IllegalArgumentException e) {
            // a check outside the request's own fields (a model file that cannot serve this request)
            throw new RequestRefused(RequestRefused.Reason.INVALID, e.getMessage(), Map.of("field", "body"));
        }
        synchronized (this) {
            // counted and submitted under one lock, so two requests at once cannot both take the last slot
            long active = node.jobs().activeOwnedBy(caller.user());
            if (active >= limits.maxActiveJobsPerUser() && (idempotencyKey == null || !isReplay(caller, idempotencyKey))) {
                throw new RequestRefused(RequestRefused.Reason.TOO_MANY, caller.user() + " has " + active
                        + " jobs queued or running, the most allowed; wait for one to end or cancel one",
                        Map.of("max", limits.maxActiveJobsPerUser()));
            }
            try {
                return node.jobs().submit(target.id(), settings, caller.user(), idempotencyKey);
            } catch (ScreeningJobs.LibraryNotReadyException e) {
                throw new RequestRefused(RequestRefused.Reason.CONFLICT, e.getMessage(), Map.of("library", target.id()));
            } catch (ScreeningJobs.IdempotencyKeyReusedException e) {
                throw new RequestRefused(RequestRefused.Reason.KEY_REUSED, e.getMessage(), Map.of("field", "Idempotency-Key"));
            } catch (ClusterScreening.UnknownLibraryException e) {
                throw RequestRefused.notFound("library", library);
            }
        }
    }

    private boolean isReplay(Caller caller, String key) {
        return node.jobs().keyed(caller.user(), key).isPresent();
    }

    /**
     * Tells {@code watcher} of every change to any job, on a cluster thread; whoever passes a job on to a
     * caller has checked that the caller may see it (see {@link #get}).
     */
    public AutoCloseable watch(java.util.function.Consumer<JobInfo> watcher) {
        return node.jobs().watch(watcher);
    }

    /** The caller's jobs (an admin's: everybody's), newest first. */
    public List<JobInfo> list(Caller caller) {
        List<JobInfo> visible = AccessRules.seesEverybody(caller) ? node.jobs().list() : node.jobs().listOwnedBy(caller.user());
        return visible.stream().filter(j -> AccessRules.mayAccess(caller, j.owner()))
                .sorted(Comparator.comparing(JobInfo::submitted).reversed().thenComparing(JobInfo::id)).toList();
    }

    public JobInfo get(Caller caller, String id) {
        return node.jobs().get(id).filter(j -> AccessRules.mayAccess(caller, j.owner()))
                .orElseThrow(() -> RequestRefused.notFound("job", id));
    }

    /**
     * {@code DELETE /jobs/{id}}: cancels a queued or running job and returns it as it is now; removes an ended one
     * with its hits (and returns empty).
     */
    public Optional<JobInfo> cancelOrDelete(Caller caller, String id) {
        JobInfo job = get(caller, id);
        if (!job.state().ended()) {
            node.jobs().cancel(id);
            return Optional.of(get(caller, id));
        }
        node.jobs().delete(id);
        synchronized (recentHits) {
            recentHits.remove(id);
        }
        return Optional.empty();
    }

    /** Removes the jobs that ended more than {@code keep} ago, with their hits; returns how many. */
    public int deleteExpired(java.time.Duration keep) {
        return node.jobs().deleteEndedBefore(java.time.Instant.now().minus(keep));
    }

    /** The finished job's hit list. */
    public HitList hits(Caller caller, String id) {
        JobInfo job = get(caller, id);
        if (job.state() != JobInfo.State.DONE) {
            throw new RequestRefused(RequestRefused.Reason.CONFLICT, "job " + id + " is " + job.state().name().toLowerCase(java.util.Locale.ROOT)
                    + "; its hits are there once it is done", Map.of("state", job.state().name().toLowerCase(java.util.Locale.ROOT)));
        }
        synchronized (recentHits) {
            HitList cached = recentHits.get(id);
            if (cached != null) {
                return cached;
            }
        }
        HitList hits = node.jobs().hits(id).orElseThrow(() -> new RequestRefused(RequestRefused.Reason.NOT_FOUND,
                "job " + id + " is done but its hit list is gone: both nodes that held a copy left the cluster; submit the job again",
                Map.of("state", "done")));
        synchronized (recentHits) {
            recentHits.put(id, hits);
            int held = recentHits.values().stream().mapToInt(list -> list.hits().size()).sum();
            var eldest = recentHits.entrySet().iterator();
            while (held > CACHED_HITS && recentHits.size() > 1) {
                held -= eldest.next().getValue().hits().size();
                eldest.remove();
            }
        }
        return hits;
    }
}
