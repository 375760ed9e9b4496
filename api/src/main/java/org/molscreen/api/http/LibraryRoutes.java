package org.molscreen.api.http;

import io.vertx.core.Future;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.FileUpload;
import io.vertx.ext.web.RoutingContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.molscreen.api.access.Caller;
import org.molscreen.api.service.LibraryService;
import org.molscreen.api.service.Paging;
import org.molscreen.api.service.RequestRefused;
import org.molscreen.api.service.ServiceLimits;
import org.molscreen.api.service.UploadDirectory;
import org.molscreen.api.service.UserSlots;
import org.molscreen.chem.io.LibraryFormat;
import org.molscreen.chem.io.ReadOptions;
import org.molscreen.cluster.LibraryInfo;

/**
 * {@code /libraries}: upload (multipart or raw body, streamed to disk, never held in memory), list, get,
 * errors, delete.
 */
final class LibraryRoutes {

    private final LibraryService libraries;
    private final ServiceLimits limits;
    private final UploadDirectory uploads;

    LibraryRoutes(LibraryService libraries, ServiceLimits limits, UploadDirectory uploads) {
        this.libraries = libraries;
        this.limits = limits;
        this.uploads = uploads;
    }

    /** Whether a request to the upload route carries a multipart form (else: the raw file as the body). */
    static boolean isMultipart(HttpServerRequest request) {
        String type = request.getHeader("Content-Type");
        return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
    }

    void upload(RoutingContext ctx) {
        Caller caller = Authentication.caller(ctx);
        UserSlots.Slot slot;
        try {
            slot = libraries.startUpload(caller); // held from the first byte to the ingest's end
        } catch (RequestRefused refused) {
            ctx.fail(refused);
            return;
        }
        try {
            if (isMultipart(ctx.request())) {
                uploadMultipart(ctx, caller, slot);
            } else {
                uploadRaw(ctx, caller, slot);
            }
        } catch (RuntimeException e) {
            slot.close();
            throw e;
        }
    }

    private static String param(RoutingContext ctx, String name) {
        String value = ctx.request().getFormAttribute(name);
        if (value == null || value.isBlank()) {
            value = ctx.request().getParam(name);
        }
        return value == null || value.isBlank() ? null : value.strip();
    }

    private ReadOptions options(RoutingContext ctx) {
        String format = param(ctx, "format");
        try {
            return ReadOptions.defaults()
                    .withMaxRecordKb(limits.maxRecordKb())
                    .withFormat(format == null ? null : LibraryFormat.fromName(format))
                    .withSmilesColumn(param(ctx, "smiles_col"))
                    .withIdColumn(param(ctx, "id_col"));
        } catch (IllegalArgumentException e) {
            throw new RequestRefused(RequestRefused.Reason.INVALID, e.getMessage(), Map.of("field", "format"));
        }
    }

    private void uploadMultipart(RoutingContext ctx, Caller caller, UserSlots.Slot slot) {
        List<FileUpload> files = ctx.fileUploads().stream().filter(f -> f.name().equals("file")).toList();
        if (files.size() != 1) {
            slot.close();
            ctx.fail(new RequestRefused(RequestRefused.Reason.INVALID, "a multipart upload needs exactly one 'file' part, got "
                    + files.size(), Map.of("field", "file")));
            return;
        }
        FileUpload part = files.get(0);
        String name = param(ctx, "name");
        ReadOptions options = options(ctx);
        Blocking.call(ctx, () -> {
            Path target = uploads.newFile(part.fileName());
            Files.createDirectories(target.getParent());
            Files.move(Path.of(part.uploadedFileName()), target, StandardCopyOption.REPLACE_EXISTING);
            return libraries.upload(caller, target, name, options, slot);
        }, library -> accepted(ctx, library), slot::close);
    }

    /**
     * The raw body, streamed to a file as it arrives with back-pressure, counted against the upload limit
     * (a declared Content-Length over it is refused before a byte is read).
     */
    private void uploadRaw(RoutingContext ctx, Caller caller, UserSlots.Slot slot) {
        HttpServerRequest request = ctx.request();
        String name = request.getParam("name");
        String format = request.getParam("format");
        if (name == null || name.isBlank()) {
            slot.close();
            ctx.fail(new RequestRefused(RequestRefused.Reason.INVALID, "a raw upload needs ?name=", Map.of("field", "name")));
            return;
        }
        if (format == null || format.isBlank()) {
            slot.close();
            ctx.fail(new RequestRefused(RequestRefused.Reason.INVALID,
                    "a raw upload needs ?format= (smi, csv, tsv or sdf; gzip is recognised by content)", Map.of("field", "format")));
            return;
        }
        ReadOptions options;
        try {
            options = options(ctx);
        } catch (RequestRefused refused) {
            slot.close();
            ctx.fail(refused);
            return;
        }
        String length = request.getHeader("Content-Length");
        if (length != null && parseLong(length) > limits.maxUploadBytes()) {
            slot.close();
            ctx.fail(tooLarge(limits.maxUploadBytes()));
            return;
        }
        // the file is named as the library, with the format as extension: that is what tells the reader the format
        Path target = uploads.newFile(name + "." + format.toLowerCase(Locale.ROOT));
        ctx.vertx().fileSystem().mkdirs(target.getParent().toString())
                .compose(v -> ctx.vertx().fileSystem().open(target.toString(), new OpenOptions().setWrite(true).setCreateNew(true)))
                .onSuccess(file -> stream(ctx, request, file, target, caller, name, options, slot))
                .onFailure(failure -> {
                    slot.close();
                    ctx.fail(failure);
                });
    }

    private void stream(RoutingContext ctx, HttpServerRequest request, AsyncFile file, Path target, Caller caller,
                        String name, ReadOptions options, UserSlots.Slot slot) {
        long[] received = {0};
        boolean[] over = {false};
        request.handler(chunk -> {
            if (over[0]) {
                return;
            }
            received[0] += chunk.length();
            if (received[0] > limits.maxUploadBytes()) {
                over[0] = true;
                slot.close();
                file.close().onComplete(v -> uploads.discard(target));
                // answer, then close: the only way to stop a client that is still sending a large body
                ctx.response().endHandler(v -> request.connection().close());
                ErrorReplies.refused(ctx, tooLarge(limits.maxUploadBytes()));
                return;
            }
            file.write(chunk);
            if (file.writeQueueFull()) {
                request.pause();
                file.drainHandler(v -> request.resume());
            }
        });
        request.exceptionHandler(e -> {
            slot.close();
            file.close().onComplete(v -> uploads.discard(target));
        });
        request.endHandler(v -> {
            if (over[0]) {
                return;
            }
            file.close().compose(closed -> Future.succeededFuture())
                    .onSuccess(closed -> Blocking.call(ctx, () -> libraries.upload(caller, target, name, options, slot),
                            library -> accepted(ctx, library), slot::close))
                    .onFailure(failure -> {
                        slot.close();
                        ctx.fail(failure);
                    });
        });
        request.resume();
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static RequestRefused tooLarge(long max) {
        return new RequestRefused(RequestRefused.Reason.TOO_LARGE, "the upload is larger than the " + max
                + " bytes this server accepts (serve --max-upload-mb)", Map.of("max_bytes", max));
    }

    private static void accepted(RoutingContext ctx, LibraryInfo library) {
        ctx.response().setStatusCode(202)
                .putHeader("Location", Views.libraryUrl(library.id()))
                .putHeader("Content-Type", "application/json")
                .end(Views.library(library).encode());
    }

    void list(RoutingContext ctx) {
        Caller caller = Authentication.caller(ctx);
        Paging paging = Paging.of(Params.integer(ctx, "offset"), Params.integer(ctx, "limit"), 100, limits.maxPageSize());
        Blocking.call(ctx, () -> libraries.list(caller), all -> Replies.json(ctx, 200, Views.page(paging.offset(), paging.limit(), all.size(),
                paging.apply(all).stream().map(Views::library).toList())));
    }

    void get(RoutingContext ctx) {
        Caller caller = Authentication.caller(ctx);
        String id = ctx.pathParam("id");
        Blocking.call(ctx, () -> libraries.get(caller, id), library -> Replies.json(ctx, 200, Views.library(library)));
    }

    void errors(RoutingContext ctx) {
        Caller caller = Authentication.caller(ctx);
        String id = ctx.pathParam("id");
        Paging paging = Paging.of(Params.integer(ctx, "offset"), Params.integer(ctx, "limit"), 100, limits.maxPageSize());
        Blocking.call(ctx, () -> libraries.errors(caller, id, paging), page -> Replies.json(ctx, 200,
                Views.page(paging.offset(), paging.limit(), (int) Math.min(page.total(), Integer.MAX_VALUE), page.items())));
    }

    void delete(RoutingContext ctx) {
        Caller caller = Authentication.caller(ctx);
        String id = ctx.pathParam("id");
        Blocking.call(ctx, () -> {
            libraries.delete(caller, id);
            return id;
        }, deleted -> ctx.response().setStatusCode(204).end());
    }
}
