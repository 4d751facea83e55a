package hearth.api;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryParametersTest {

    @Test
    void parseWhenFormEncodedThenDecodedInOrderWithFirstValuesForParams() {
        QueryParameters query = QueryParameters.parse("b=2&a=x+y&access_token=t%2B1&b=3&flag");
        assertThat(query.malformed()).isFalse();
        assertThat(query.all("b")).containsExactly("2", "3");
        assertThat(query.all("access_token")).containsExactly("t+1");
        assertThat(query.firstValuesExcept("access_token")).containsExactly(
                java.util.Map.entry("b", "2"), java.util.Map.entry("a", "x y"), java.util.Map.entry("flag", ""));
    }

    @Test
    void parseWhenAnEscapeIsMalformedThenSaysSoAndKeepsTheRest() {
        QueryParameters query = QueryParameters.parse("a=1&b=%zz");
        assertThat(query.malformed()).isTrue();
        assertThat(query.all("a")).containsExactly("1");
    }

    @Test
    void parseWhenAbsentThenEmpty() {
        assertThat(QueryParameters.parse(null).entries()).isEmpty();
        assertThat(QueryParameters.parse("").malformed()).isFalse();
    }

    @Test
    void fromQueryWhenTheTokenIsSentOnceThenIt() {
        assertThat(BearerTokens.fromQuery(QueryParameters.parse("access_token=abc"))).isEqualTo("abc");
        assertThat(BearerTokens.fromQuery(QueryParameters.parse("access_token=a&access_token=b"))).isNull();
        assertThat(BearerTokens.fromQuery(QueryParameters.parse("other=1"))).isNull();
    }
}
