package hearth.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.servlet.mvc.condition.AbstractRequestCondition;
import org.springframework.web.servlet.mvc.condition.RequestCondition;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Collection;
import java.util.List;

/**
 * Routes of a {@link BearerOnly} controller match only a request that carries a bearer token,
 * and then win over a route of the same path without the mark (Spring prefers a mapping with a
 * condition to one without). Spring's {@code headers} condition can ask only for a header's
 * presence or an exact value, not for its scheme.
 */
@Configuration(proxyBeanMethods = false)
public class BearerRouting implements WebMvcRegistrations {

    @Override
    public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
        return new RequestMappingHandlerMapping() {
            @Override
            protected RequestCondition<?> getCustomTypeCondition(Class<?> handlerType) {
                return AnnotatedElementUtils.hasAnnotation(handlerType, BearerOnly.class) ? BearerCondition.INSTANCE
                        : null;
            }
        };
    }

    static final class BearerCondition extends AbstractRequestCondition<BearerCondition> {
        static final BearerCondition INSTANCE = new BearerCondition();

        @Override
        protected Collection<?> getContent() {
            return List.of("Authorization: Bearer");
        }

        @Override
        protected String getToStringInfix() {
            return "";
        }

        @Override
        public BearerCondition combine(BearerCondition other) {
            return this;
        }

        @Override
        public BearerCondition getMatchingCondition(HttpServletRequest request) {
            return BearerRequests.carriesBearer(request) ? this : null;
        }

        @Override
        public int compareTo(BearerCondition other, HttpServletRequest request) {
            return 0;
        }
    }
}
