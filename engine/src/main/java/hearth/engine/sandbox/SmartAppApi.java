package hearth.engine.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Opens a piece of the engine's DSL to SmartApp code; nothing of the engine is open without it.
 * <ul>
 *   <li>on a class: its instances may reach app code (as values the app holds);</li>
 *   <li>on a public method: app code may call it, and read it as a property when it is a getter
 *       ({@code getId()} as {@code device.id}); on {@code methodMissing} / {@code propertyMissing}:
 *       names the class doesn't have are forwarded there (device commands, {@code currentSwitch});</li>
 *   <li>on a public constructor: app code may {@code new} the class (it must also be nameable);</li>
 *   <li>on a public field: app code may read it.</li>
 * </ul>
 * On the script base class ({@code SmartAppScript}) it marks the DSL methods an app may call on
 * itself ({@code definition}, {@code input}, {@code render}, ...). The {@link Whitelist} reads these
 * annotations; JDK and Groovy classes are listed in its {@code whitelist.txt} instead.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.CONSTRUCTOR, ElementType.FIELD})
public @interface SmartAppApi {
}
