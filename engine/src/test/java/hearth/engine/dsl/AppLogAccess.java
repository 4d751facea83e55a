package hearth.engine.dsl;

/** Lets tests see how {@link AppLog} cleans a message. */
public final class AppLogAccess {
    private AppLogAccess() {
    }

    public static String clean(Object message) {
        return AppLog.clean(message);
    }
}
