package hearth.engine.sandbox;

import hearth.engine.limit.Deadline;
import hearth.engine.limit.ExecutionTimeoutSignal;

/**
 * Text handed to the JDK's regex engine on behalf of app code. The engine reads the text one
 * character at a time and never checks for interrupts, so a backtracking pattern could keep a
 * worker busy long after its call timed out; reading through this wrapper checks the call's
 * limits every few thousand characters.
 */
final class InterruptibleText implements CharSequence {
    private static final int CHECK_EVERY = 4096;

    private final String text;
    private int reads;

    InterruptibleText(String text) {
        this.text = text;
    }

    @Override
    public char charAt(int index) {
        if (++reads % CHECK_EVERY == 0 && (Thread.currentThread().isInterrupted() || Deadline.passed())) {
            throw new ExecutionTimeoutSignal("the SmartApp ran out of time in a regular expression");
        }
        return text.charAt(index);
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.substring(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
