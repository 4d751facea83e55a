package hearth.oauth;

import hearth.support.Secrets;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SealedSuccessorTest {
    private final String token = Secrets.newSecret();
    private final String row = Secrets.sha256Hex(token);

    @Test
    void sealOpensWithThePresentedTokenForItsRow() {
        String sealed = SealedSuccessor.seal(token, row, "access-1", "refresh-1");
        assertThat(SealedSuccessor.open(token, row, sealed)).hasValueSatisfying(pair ->
                assertThat(pair).containsExactly("access-1", "refresh-1"));
    }

    @Test
    void sealDoesNotOpenWithAnotherTokenNorTheStoredHashNorForAnotherRow() {
        String sealed = SealedSuccessor.seal(token, row, "access-1", "refresh-1");
        assertThat(SealedSuccessor.open(Secrets.newSecret(), row, sealed)).isEmpty();
        assertThat(SealedSuccessor.open(row, row, sealed)).as("the database's hash is no key").isEmpty();
        assertThat(SealedSuccessor.open(token, Secrets.sha256Hex("other"), sealed)).isEmpty();
    }

    @Test
    void aTamperedOrGarbageSealDoesNotOpen() {
        String sealed = SealedSuccessor.seal(token, row, "access-1", "refresh-1");
        char flipped = sealed.charAt(20) == 'A' ? 'B' : 'A';
        assertThat(SealedSuccessor.open(token, row, sealed.substring(0, 20) + flipped + sealed.substring(21)))
                .isEmpty();
        assertThat(SealedSuccessor.open(token, row, "not base64 !")).isEmpty();
        assertThat(SealedSuccessor.open(token, row, "")).isEmpty();
        assertThat(SealedSuccessor.open(token, row, null)).isEmpty();
    }

    @Test
    void twoSealsOfThePairDiffer() {
        assertThat(SealedSuccessor.seal(token, row, "a", "r")).isNotEqualTo(SealedSuccessor.seal(token, row, "a", "r"));
    }
}
