package hearth.console;

import hearth.smartapp.SmartAppRecord;
import hearth.smartapp.SmartAppService;
import hearth.smartapp.SmartAppService.Changes;
import hearth.web.ApiException;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The developer console's SmartApp form as posted (multipart, so a .groovy file can come with it).
 * Blank fields mean "the default" on create and "unchanged" on edit.
 *
 * @param source      pasted Groovy source
 * @param sourceFile  an uploaded .groovy file; when one is chosen it wins over the pasted source
 * @param redirectUris one URI per line
 * @param servers     the ticked Server names, {@code *} for all
 * @param legacyTokens a ticked box, null when not ticked (a browser sends nothing for it)
 */
public record SmartAppForm(String source, MultipartFile sourceFile, String redirectUris, List<String> servers,
                           String accessTokenTtlSeconds, String refreshTokenTtlSeconds, Boolean legacyTokens,
                           Boolean publicClient) {

    /** The form a new SmartApp starts with: published everywhere, default lifetimes. */
    static SmartAppForm blank() {
        return new SmartAppForm("", null, "", List.of(SmartAppRecord.ALL_SERVERS), "", "", false, false);
    }

    /** The edit form of a registered SmartApp, filled in with what it has now. */
    static SmartAppForm of(SmartAppRecord app) {
        boolean legacy = app.accessTokenTtl().equals(SmartAppService.LEGACY_TOKEN_TTL);
        return new SmartAppForm(app.source(), null, String.join("\n", app.redirectUris()), app.servers(),
                legacy ? "" : String.valueOf(app.accessTokenTtl().getSeconds()),
                String.valueOf(app.refreshTokenTtl().getSeconds()), legacy, app.publicClient());
    }

    /** The uploaded file's text if one was chosen, else the pasted source; null when neither was given. */
    String chosenSource() {
        if (sourceFile != null && !sourceFile.isEmpty()) {
            try {
                return new String(sourceFile.getBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return source == null || source.isBlank() ? null : source;
    }

    List<String> redirectUriList() {
        return redirectUris == null ? List.of() : Arrays.stream(redirectUris.split("\\R")).map(String::trim)
                .filter(s -> !s.isEmpty()).toList();
    }

    /**
     * The changes to register or apply. Turning legacy tokens off with the access-token field
     * left blank falls back to {@code defaultAccessTtl}: a blank field would otherwise keep the
     * 50-year lifetime the app had.
     */
    Changes toChanges(boolean editing, Duration defaultAccessTtl, boolean wasLegacy) {
        Long access = seconds(accessTokenTtlSeconds, "Access token lifetime");
        boolean legacy = Boolean.TRUE.equals(legacyTokens);
        if (editing && !legacy && wasLegacy && access == null) {
            access = defaultAccessTtl.getSeconds();
        }
        if (redirectUriList().isEmpty()) {
            throw ApiException.badRequest("list at least one redirect URI, one per line: where the authorization "
                    + "code may be sent, e.g. https://example.com/oauth/callback");
        }
        return new Changes(chosenSource(), redirectUriList(),
                servers == null ? List.of() : servers, access, seconds(refreshTokenTtlSeconds, "Refresh token lifetime"),
                legacy, Boolean.TRUE.equals(publicClient));
    }

    private static Long seconds(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest(field + " must be a whole number of seconds, got '" + value.trim() + "'");
        }
    }

    /** The form shown again after a refusal, without the uploaded file (a browser can't be handed one back). */
    SmartAppForm withSource(String text) {
        return new SmartAppForm(text, null, redirectUris, servers, accessTokenTtlSeconds, refreshTokenTtlSeconds,
                legacyTokens, publicClient);
    }
}
