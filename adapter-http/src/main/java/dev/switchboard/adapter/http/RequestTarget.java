package dev.switchboard.adapter.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A request target split as routing and signatures need it: the path decoded (what routes match) and as sent
 * (what a signature covers), the raw query and its decoded parameters ({@code ;} is an ordinary character, as
 * in a token), and the authority of an absolute-form target. A target whose escapes cannot be decoded is
 * {@link #malformed()}, never an exception later.
 */
record RequestTarget(String path, String rawPath, String rawQuery, Map<String, List<String>> parameters,
        Optional<String> authority, Optional<String> malformed) {

    static RequestTarget of(String uri) {
        String originForm = uri;
        Optional<String> authority = Optional.empty();
        int scheme = uri.indexOf("://");
        if (!uri.startsWith("/") && scheme > 0) {
            int pathStart = uri.indexOf('/', scheme + 3);
            int queryStart = uri.indexOf('?', scheme + 3);
            int end = pathStart < 0 ? (queryStart < 0 ? uri.length() : queryStart)
                    : queryStart < 0 ? pathStart : Math.min(pathStart, queryStart);
            authority = Optional.of(uri.substring(scheme + 3, end));
            originForm = end == uri.length() ? "/" : uri.charAt(end) == '?' ? "/" + uri.substring(end)
                    : uri.substring(end);
        }
        int question = originForm.indexOf('?');
        String rawPath = question < 0 ? originForm : originForm.substring(0, question);
        String rawQuery = question < 0 ? "" : originForm.substring(question + 1);
        try {
            QueryStringDecoder decoder = QueryStringDecoder.builder().semicolonIsNormalChar(true).build(originForm);
            return new RequestTarget(decoder.path(), rawPath, rawQuery, decoder.parameters(), authority,
                    Optional.empty());
        } catch (IllegalArgumentException e) {
            return new RequestTarget(rawPath, rawPath, rawQuery, Map.of(), authority,
                    Optional.of("the request target cannot be decoded: " + e.getMessage()));
        }
    }
}
