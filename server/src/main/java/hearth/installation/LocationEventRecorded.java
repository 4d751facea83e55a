package hearth.installation;

import hearth.engine.api.AppEvent;

/** Something happened to a Location as a whole (its mode changed): its subscribers hear of it. */
public record LocationEventRecorded(String locationId, AppEvent event) {
}
