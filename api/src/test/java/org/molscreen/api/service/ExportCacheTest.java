package org.molscreen.api.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** One rendering per job and format, shared by concurrent requests, within the byte bound. */
class ExportCacheTest {

    @Test
    void concurrentDownloadsOfOneExportRenderItOnce() throws Exception {
        ExportCache cache = new ExportCache(1 << 20);
        AtomicInteger renders = new AtomicInteger();
        CountDownLatch rendering = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<byte[]>> downloads = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                downloads.add(pool.submit(() -> cache.file("job-1", "SDF", () -> {
                    renders.incrementAndGet();
                    rendering.countDown();
                    await(release);
                    return new byte[1000];
                })));
            }
            assertThat(rendering.await(10, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(100); // the other seven are waiting on the one rendering
            release.countDown();
            for (Future<byte[]> download : downloads) {
                assertThat(download.get(10, TimeUnit.SECONDS)).hasSize(1000);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(renders.get()).isEqualTo(1);
        assertThat(cache.file("job-1", "SDF", () -> { throw new AssertionError("rendered again"); })).hasSize(1000);
        assertThat(cache.cachedBytes()).isEqualTo(1000);
    }

    @Test
    void theByteBoundEvictsTheLeastRecentlyUsedAndKeepsNothingTooLarge() {
        ExportCache cache = new ExportCache(2500);
        cache.file("a", "CSV", () -> new byte[1000]);
        cache.file("b", "CSV", () -> new byte[1000]);
        cache.file("a", "CSV", () -> new byte[1]); // a used again: b is now the eldest
        cache.file("c", "CSV", () -> new byte[1000]);
        assertThat(cache.cachedBytes()).isEqualTo(2000);
        assertThat(cache.file("a", "CSV", () -> new byte[7])).hasSize(1000);
        assertThat(cache.file("b", "CSV", () -> new byte[7])).hasSize(7);
        cache.file("huge", "SDF", () -> new byte[5000]);
        assertThat(cache.file("huge", "SDF", () -> new byte[3])).hasSize(3);
        cache.forget("a");
        assertThat(cache.file("a", "CSV", () -> new byte[5])).hasSize(5);
    }

    @Test
    void aFailedRenderingIsNotKeptAndTheNextRequestTriesAgain() {
        ExportCache cache = new ExportCache(1 << 20);
        assertThatThrownBy(() -> cache.file("j", "CSV", () -> { throw new IllegalStateException("cluster gone"); }))
                .hasMessage("cluster gone");
        assertThat(cache.file("j", "CSV", () -> new byte[4])).hasSize(4);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
