package hearth.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller whose routes answer only requests with {@code Authorization: Bearer …}
 * ({@link BearerRouting}); any other request to the same path goes to the route without this
 * mark, e.g. a page that a browser asks for with its session cookie, whatever other Authorization
 * header (a proxy's Basic) it carries. The controller needs a type-level {@code @RequestMapping}
 * (without attributes, if it has no prefix): Spring asks for type conditions only then.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface BearerOnly {
}
