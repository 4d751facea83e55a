package hearth.engine.dsl;

/** Lets tests see how {@link AppLog} cleans a message. */
public final class AppLogAccess {
    private AppLogAccess() {
    }

    public static String clean(Object message) {
        return AppLog.clean(message);
    }

    /** Logs {@code n} info lines on a fresh log and tells whether it ended up dropping lines. */
    public static boolean dropsAfter(int n) {
        AppLog log = new AppLog("test");
        for (int i = 0; i < n; i++) {
            log.info("line " + i);
        }
        return log.dropping();
    }
}
