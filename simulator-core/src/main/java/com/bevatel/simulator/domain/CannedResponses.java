package com.bevatel.simulator.domain;

import static org.apiguardian.api.API.Status.INTERNAL;

import com.bevatel.simulator.model.CannedResponse;
import com.bevatel.simulator.state.Sequence;
import com.bevatel.simulator.state.State;
import com.bevatel.simulator.state.Transaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * Canned responses (app/models/canned_response.rb, app/controllers/api/v1/accounts/canned_responses_controller.rb):
 * any member of the account lists, searches, creates, changes and deletes them.
 */
@API(status = INTERNAL)
public final class CannedResponses {
    private CannedResponses() {
    }

    /** {@code POST /canned_responses}: validated (422) before anything is stored. */
    public static CannedResponse create(Transaction tx, long accountId, Change<String> shortCode, Change<String> content) {
        CannedResponse blank = new CannedResponse(0, accountId, null, null, tx.now(), tx.now());
        CannedResponse valid = validated(tx.state(), blank, shortCode, content);
        CannedResponse saved = new CannedResponse(tx.nextId(Sequence.CANNED_RESPONSE), accountId, valid.shortCode(),
                valid.content(), tx.now(), tx.now());
        tx.state().cannedResponses.put(saved);
        return saved;
    }

    /** {@code PATCH|PUT /canned_responses/{id}}: what is given; {@code updated_at} moves only on a change. */
    public static CannedResponse update(Transaction tx, CannedResponse current, Change<String> shortCode,
                                        Change<String> content) {
        CannedResponse valid = validated(tx.state(), current, shortCode, content);
        if (valid.equals(current)) {
            return current;
        }
        CannedResponse saved = new CannedResponse(current.id(), current.accountId(), valid.shortCode(), valid.content(),
                current.createdAt(), tx.now());
        tx.state().cannedResponses.put(saved);
        return saved;
    }

    /**
     * The column lengths (short_code, then content, in column order), then the model's validations in
     * their order: content present, short code present and unique in the account (case-sensitive).
     */
    private static CannedResponse validated(State state, CannedResponse current, Change<String> shortCodeChange,
                                            Change<String> contentChange) {
        String shortCode = Change.apply(shortCodeChange, current.shortCode());
        String content = Change.apply(contentChange, current.content());
        List<Errors.Violation> v = new ArrayList<>();
        Errors.tooLong(v, "short_code", "Short code", shortCode, Errors.MAX_STRING);
        Errors.tooLong(v, "content", "Content", content, Errors.MAX_TEXT);
        if (content == null || content.isBlank()) {
            v.add(new Errors.Violation("content", "Content can't be blank"));
        }
        if (shortCode == null || shortCode.isBlank()) {
            v.add(new Errors.Violation("short_code", "Short code can't be blank"));
        }
        if (shortCode != null && state.cannedResponseByShortCode.find(new State.AccountKey(current.accountId(), shortCode))
                .filter(id -> id != current.id()).isPresent()) {
            v.add(new Errors.Violation("short_code", "Short code has already been taken"));
        }
        if (!v.isEmpty()) {
            throw Errors.validation(v);
        }
        return new CannedResponse(current.id(), current.accountId(), shortCode, content, current.createdAt(),
                current.updatedAt());
    }

    public static void destroy(Transaction tx, CannedResponse cannedResponse) {
        tx.state().cannedResponses.remove(cannedResponse.id());
    }

    /** A canned response of the account by id: 404 otherwise ({@code Current.account.canned_responses.find}). */
    public static CannedResponse find(State state, long accountId, long id) {
        return state.cannedResponses.find(id).filter(r -> r.accountId() == accountId).orElseThrow(Errors::notFound);
    }

    /** The account's canned responses by id (no ORDER BY in Chatwoot). */
    public static List<CannedResponse> ofAccount(State state, long accountId) {
        return state.cannedResponses.all().stream().filter(r -> r.accountId() == accountId).toList();
    }

    /**
     * {@code ?search=}: NUL bytes dropped, then those whose short code or content contains it
     * ({@code ILIKE '%search%'}, where {@code %} and {@code _} stay wildcards), best first —
     * short code starting with it, short code containing it, content containing it ({@code order_by_search}).
     */
    public static List<CannedResponse> search(State state, long accountId, String search) {
        String term = search.replace("\0", "");
        Pattern starts = ilike(term + "%");
        Pattern contains = ilike("%" + term + "%");
        return ofAccount(state, accountId).stream()
                .filter(r -> contains.matcher(r.shortCode()).matches() || contains.matcher(r.content()).matches())
                .sorted(Comparator.comparingInt((CannedResponse r) -> starts.matcher(r.shortCode()).matches() ? 0
                        : contains.matcher(r.shortCode()).matches() ? 1 : 2))
                .toList();
    }

    /** Postgres' {@code ILIKE} pattern as a regex: {@code %} any run, {@code _} one character, {@code \} escapes. */
    private static Pattern ilike(String pattern) {
        StringBuilder regex = new StringBuilder();
        int[] chars = pattern.codePoints().toArray();
        for (int i = 0; i < chars.length; i++) {
            int c = chars[i];
            if (c == '\\' && i + 1 < chars.length) {
                regex.append(Pattern.quote(Character.toString(chars[++i])));
            } else if (c == '%') {
                regex.append(".*");
            } else if (c == '_') {
                regex.append('.');
            } else {
                regex.append(Pattern.quote(Character.toString(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    }
}
