package hearth.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import hearth.architecture.PackageLayers.Layer;
import hearth.architecture.fixture.beside.Neighbour;
import hearth.architecture.fixture.high.Controller;
import hearth.architecture.fixture.low.Repository;
import hearth.architecture.fixture.low.Sibling;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hearth's packages and the direction they may be used in, top first (README, "Layout"). The
 * global server's half of devices, Installations and Locations ({@code *.global}) reaches the
 * shard's half only through the routing ({@code cluster}), which sits between them.
 */
class PackageLayersTest {
    static final PackageLayers HEARTH = new PackageLayers(List.of(
            new Layer("entry points", "hearth.demo", "hearth.security", "hearth.console", "hearth.oauth.authorize",
                    "hearth.api", "hearth.automation", "hearth.home", "hearth.hub.pages", "hearth.admin",
                    "hearth.modern"),
            new Layer("the pages' frame", "hearth.page"),
            new Layer("OAuth endpoints", "hearth.oauth.token", "hearth.oauth.introspection",
                    "hearth.oauth.revocation", "hearth.oauth.metadata"),
            new Layer("device authorization", "hearth.oauth.device"),
            new Layer("OAuth clients", "hearth.oauth.client"),
            new Layer("an account's devices, hubs and Installations", "hearth.device.global", "hearth.hub.global",
                    "hearth.installation.global", "hearth.applog.global"),
            new Layer("Location directory", "hearth.location.global"),
            new Layer("routing between Servers", "hearth.cluster"),
            new Layer("tokens", "hearth.oauth"),
            new Layer("a Server's hubs", "hearth.hub"),
            new Layer("a Server's Installations", "hearth.installation"),
            new Layer("a Server's app logs", "hearth.applog"),
            new Layer("a Server's devices and Locations", "hearth.device", "hearth.location"),
            new Layer("SmartApp registry", "hearth.smartapp"),
            new Layer("accounts", "hearth.account"),
            new Layer("audit and topology", "hearth.audit", "hearth.server"),
            new Layer("base", "hearth.web", "hearth.support", "hearth"),
            new Layer("engine module", "hearth.engine..")));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("hearth");

    @Test
    void everyDependencyPointsDownTheLayers() {
        assertThat(HEARTH.violations(MAIN)).isEmpty();
    }

    @Test
    void everyPackageHasItsLayer() {
        assertThat(MAIN.stream().map(JavaClass::getPackageName).distinct()
                .filter(p -> HEARTH.indexOf(p).isEmpty()).toList())
                .as("packages to place in PackageLayersTest.HEARTH (and the README's Layout)").isEmpty();
    }

    @Test
    void engineUsesNeitherSpringNorTheServer() {
        List<String> found = MAIN.stream().filter(c -> c.getPackageName().startsWith("hearth.engine"))
                .flatMap(c -> c.getDirectDependenciesFromSelf().stream())
                .map(d -> d.getTargetClass().getPackageName())
                .filter(p -> p.startsWith("org.springframework") || HEARTH.indexOf(p).filter(i -> i
                        < HEARTH.layers().size() - 1).isPresent())
                .distinct().toList();
        assertThat(found).isEmpty();
    }

    // The check itself, on classes made to break it.

    private static final PackageLayers FIXTURE = new PackageLayers(List.of(
            new Layer("high", "hearth.architecture.fixture.high"),
            new Layer("low", "hearth.architecture.fixture.low", "hearth.architecture.fixture.beside")));

    @Test
    void layersWhenAClassUsesALayerAboveThenNameBothClassesAndLayers() {
        List<String> violations = FIXTURE.violations(new ClassFileImporter().importClasses(Repository.class,
                Controller.class));
        assertThat(violations).isNotEmpty().allSatisfy(v -> assertThat(v)
                .startsWith(Repository.class.getName() + " uses " + Controller.class.getName())
                .contains("in layer 'high', above its layer 'low'"));
    }

    @Test
    void layersWhenAClassUsesAnotherPackageOfItsLayerThenReportIt() {
        List<String> violations = FIXTURE.violations(new ClassFileImporter().importClasses(Neighbour.class,
                Sibling.class));
        assertThat(violations).isNotEmpty().allSatisfy(v -> assertThat(v)
                .startsWith(Neighbour.class.getName() + " uses " + Sibling.class.getName())
                .contains("beside it in layer 'low'"));
    }

    @Test
    void layersWhenClassesUseTheirOwnPackageAndLayersBelowThenAllowIt() {
        assertThat(FIXTURE.violations(new ClassFileImporter().importClasses(Controller.class, Sibling.class)))
                .isEmpty();
    }
}
