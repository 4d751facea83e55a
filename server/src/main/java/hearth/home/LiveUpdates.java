package hearth.home;

import hearth.device.DeviceEventsRecorded;
import hearth.engine.api.DeviceEvent;
import hearth.installation.LocationEventRecorded;
import hearth.location.Location;
import hearth.location.LocationRepository;
import hearth.support.PageTimes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The live stream of the pages ({@code GET /live}, Server-Sent Events): each change of a device
 * or a mode goes to the open pages of the Location's owner, and only theirs. Sent after the
 * change is committed, so a page never shows what was rolled back. An EventSource reconnects by
 * itself when a stream times out or the server restarts.
 */
@Component
class LiveUpdates {
    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);
    static final Duration TIMEOUT = Duration.ofMinutes(15);
    /** Open pages per account; a further one closes the oldest, so nobody can hold threads without end. */
    static final int MAX_STREAMS = 10;

    private final LocationRepository locations;
    private final Map<String, List<SseEmitter>> streams = new ConcurrentHashMap<>();

    LiveUpdates(LocationRepository locations) {
        this.locations = locations;
    }

    SseEmitter open(String accountId) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        List<SseEmitter> mine = streams.computeIfAbsent(accountId, id -> new CopyOnWriteArrayList<>());
        mine.add(emitter);
        while (mine.size() > MAX_STREAMS) {
            SseEmitter oldest = mine.remove(0);
            oldest.complete();
        }
        Runnable forget = () -> forget(accountId, emitter);
        emitter.onCompletion(forget);
        emitter.onTimeout(forget);
        emitter.onError(e -> forget.run());
        try {
            // A first line, so the browser sees the stream open at once; retry: how soon to reconnect.
            emitter.send(SseEmitter.event().comment("live").reconnectTime(3000));
        } catch (IOException e) {
            forget(accountId, emitter);
        }
        return emitter;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(DeviceEventsRecorded recorded) {
        if (streams.isEmpty()) {
            return;
        }
        ownerOf(recorded.locationId()).ifPresent(owner -> {
            for (DeviceEvent e : recorded.events()) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("device", recorded.deviceId());
                change.put("attribute", e.name());
                change.put("value", HomeViews.text(e.value()));
                change.put("unit", e.unit());
                change.put("changed", PageTimes.format(e.date(), ""));
                change.put("event", HomeViews.event(e));
                send(owner, "device", change);
            }
        });
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(LocationEventRecorded recorded) {
        if (streams.isEmpty() || !"mode".equals(recorded.event().name())) {
            return;
        }
        ownerOf(recorded.locationId()).ifPresent(owner -> send(owner, "mode",
                Map.of("location", recorded.locationId(), "mode", String.valueOf(recorded.event().value()))));
    }

    private Optional<String> ownerOf(String locationId) {
        return locationId == null ? Optional.empty() : locations.findById(locationId).map(Location::ownerId);
    }

    private void send(String accountId, String name, Object data) {
        for (SseEmitter emitter : streams.getOrDefault(accountId, List.of())) {
            try {
                emitter.send(SseEmitter.event().name(name).data(data, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException gone) {
                log.debug("a live stream of account {} is gone", accountId);
                forget(accountId, emitter);
            }
        }
    }

    private void forget(String accountId, SseEmitter emitter) {
        streams.computeIfPresent(accountId, (id, list) -> {
            list.remove(emitter);
            return list.isEmpty() ? null : list;
        });
    }

    int openStreams(String accountId) {
        return streams.getOrDefault(accountId, List.of()).size();
    }
}
