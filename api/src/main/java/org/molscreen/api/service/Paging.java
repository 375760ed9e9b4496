package org.molscreen.api.service;

import java.util.List;
import java.util.Map;

/**
 * One page of a list: {@code limit} items from {@code offset}.
 */
public record Paging(int offset, int limit) {

    /** Checks a page request against the page-size limit. */
    public static Paging of(Integer offset, Integer limit, int defaultLimit, int maxLimit) {
        int from = offset == null ? 0 : offset;
        int size = limit == null ? Math.min(defaultLimit, maxLimit) : limit;
        if (from < 0) {
            throw new RequestRefused(RequestRefused.Reason.INVALID, "offset must be 0 or more, got " + from, Map.of("field", "offset"));
        }
        if (size < 1 || size > maxLimit) {
            throw new RequestRefused(RequestRefused.Reason.INVALID, "limit must be 1.." + maxLimit + ", got " + size,
                    Map.of("field", "limit", "max", maxLimit));
        }
        return new Paging(from, size);
    }

    public <T> List<T> apply(List<T> all) {
        return all.subList(Math.min(offset, all.size()), (int) Math.min((long) offset + limit, all.size()));
    }
}
