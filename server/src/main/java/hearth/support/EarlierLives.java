package hearth.support;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.function.ToIntFunction;

/**
 * What this node's earlier lives held (claims matching {@link NodeIdentity#previousLives()}:
 * scheduled jobs, outbox leases, hub leases), handed back once per process, at the first chance,
 * instead of waiting for their leases to run out. A release that fails is tried again the next
 * time; one made twice frees nothing more.
 */
public final class EarlierLives {
    private final AtomicBoolean released = new AtomicBoolean();

    /**
     * @param release frees the claims matching the LIKE pattern it is given, answering how many
     * @param freed   told how many, when there were any
     */
    public void releaseOnce(NodeIdentity node, ToIntFunction<String> release, IntConsumer freed) {
        if (released.get()) {
            return;
        }
        int count = release.applyAsInt(node.previousLives());
        if (released.compareAndSet(false, true) && count > 0) {
            freed.accept(count);
        }
    }
}
