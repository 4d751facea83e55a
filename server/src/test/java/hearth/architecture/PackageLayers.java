package hearth.architecture;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Packages in layers, top first. A class may use classes of its own package and of the layers
 * below its own, never of a layer above nor of another package in its layer: so no cycle
 * between packages can form, and the list reads as what may call what. A name ending in ".."
 * stands for a package and its subpackages as one unit (the engine module, whose own layering
 * is the engine's business).
 */
record PackageLayers(List<Layer> layers) {

    /** @param packages exact package names, or a name ending in ".." for a package with its subpackages */
    record Layer(String name, List<String> packages) {
        Layer(String name, String... packages) {
            this(name, List.of(packages));
        }

        /** The unit (a package, or a name ending in "..") that holds {@code pkg}. */
        Optional<String> unitOf(String pkg) {
            return packages.stream().filter(p -> p.endsWith("..")
                    ? pkg.equals(p.substring(0, p.length() - 2)) || pkg.startsWith(p.substring(0, p.length() - 1))
                    : pkg.equals(p)).findFirst();
        }
    }

    Optional<Integer> indexOf(String pkg) {
        for (int i = 0; i < layers.size(); i++) {
            if (layers.get(i).unitOf(pkg).isPresent()) {
                return Optional.of(i);
            }
        }
        return Optional.empty();
    }

    private boolean sameUnit(String a, String b) {
        return indexOf(a).map(i -> layers.get(i).unitOf(a).equals(layers.get(i).unitOf(b))).orElse(false);
    }

    /** Each class's uses of a class up the layers or across one, in words, one line per pair of classes. */
    List<String> violations(Iterable<JavaClass> classes) {
        Map<String, String> found = new LinkedHashMap<>();
        for (JavaClass origin : classes) {
            Optional<Integer> from = indexOf(origin.getPackageName());
            if (from.isEmpty()) {
                continue;
            }
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                String target = dependency.getTargetClass().getPackageName();
                Optional<Integer> to = indexOf(target);
                if (to.isEmpty() || sameUnit(origin.getPackageName(), target) || to.get() > from.get()) {
                    continue;
                }
                String where = to.get().equals(from.get()) ? "beside it in layer '" + layers.get(to.get()).name()
                        + "'" : "in layer '" + layers.get(to.get()).name() + "', above its layer '"
                        + layers.get(from.get()).name() + "'";
                found.putIfAbsent(origin.getName() + " uses " + dependency.getTargetClass().getName(), where
                        + " (" + dependency.getDescription() + ")");
            }
        }
        return found.entrySet().stream().map(e -> e.getKey() + ", " + e.getValue()).toList();
    }
}
