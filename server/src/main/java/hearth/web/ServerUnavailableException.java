package hearth.web;

/** A Server (shard) did not answer: callers get 503 naming it, and nothing else breaks. */
public class ServerUnavailableException extends RuntimeException {
    private final String server;

    public ServerUnavailableException(String server, String why) {
        super("the server '" + server + "' that hosts this Location is not answering (" + why + "); try again "
                + "later");
        this.server = server;
    }

    public String server() {
        return server;
    }
}
