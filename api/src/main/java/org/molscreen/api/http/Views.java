package org.molscreen.api.http;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Locale;
import org.molscreen.cluster.JobInfo;
import org.molscreen.cluster.LibraryInfo;
import org.molscreen.engine.screen.HitFilter;
import org.molscreen.engine.screen.ScreenSettings;

/** How libraries and jobs look in JSON: snake_case names, lower-case states, links to what belongs to them. */
final class Views {

    static final String BASE = "/api/v1";

    private Views() {
    }

    static String libraryUrl(String id) {
        return BASE + "/libraries/" + id;
    }

    static String jobUrl(String id) {
        return BASE + "/jobs/" + id;
    }

    static JsonObject library(LibraryInfo library) {
        return new JsonObject()
                .put("id", library.id())
                .put("name", library.name())
                .put("owner", library.owner())
                .put("source_file", library.sourceFile())
                .put("sha256", library.sha256())
                .put("state", library.state().name().toLowerCase(Locale.ROOT))
                .put("records", library.records())
                .put("errors", library.errors())
                .put("fingerprint", library.fingerprint())
                .put("created", library.created())
                .put("failure", library.failure())
                .put("errors_url", libraryUrl(library.id()) + "/errors");
    }

    /**
     * @param rankEndpoint the name of the endpoint the job ranks by
     */
    static JsonObject job(JobInfo job, String rankEndpoint) {
        ScreenSettings s = job.settings();
        JsonObject request = new JsonObject()
                .put("library", job.library())
                .put("models", new JsonArray(s.models()))
                .put("rank_by", s.rankModel() + ":" + rankEndpoint)
                .put("filters", new JsonArray(s.filters().stream().map(HitFilter::registryName).sorted().toList()))
                .put("max_tox", s.maxTox())
                .put("similar_to", s.similarTo())
                .put("min_sim", s.minSimilarity())
                .put("top", s.top())
                .put("keep_filtered", s.keepFiltered());
        return new JsonObject()
                .put("id", job.id())
                .put("library", job.library())
                .put("owner", job.owner())
                .put("state", job.state().name().toLowerCase(Locale.ROOT))
                .put("progress", new JsonObject().put("processed", job.processed()).put("total", job.total()))
                .put("error", job.error())
                .put("request", request)
                .put("submitted", job.submitted())
                .put("started", job.started())
                .put("finished", job.finished())
                .put("hits_url", jobUrl(job.id()) + "/hits");
    }

    static JsonObject page(int offset, int limit, int total, List<?> items) {
        return new JsonObject().put("offset", offset).put("limit", limit).put("total", total).put("items", new JsonArray(items));
    }
}
