package hearth.browser;

import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page on a 360×800 phone: nothing scrolls sideways, nothing that takes a tap is smaller than
 * 24 px (WCAG 2.2, 2.5.8; inline links in a sentence are exempt from the height), with every
 * disclosure closed and then open. Screenshots land in target/screenshots.
 */
public final class PhoneLayout {
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    // Everything that takes a click, visible, and smaller than 24 px: wide enough, and tall enough
    // unless it is a link inside running text.
    private static final String SMALL_TARGETS = """
            const small = [];
            for (const e of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')) {
              const r = e.getBoundingClientRect();
              if (r.width === 0 && r.height === 0) continue;
              const inline = e.tagName === 'A' && getComputedStyle(e).display === 'inline';
              if (r.width < 24 || (!inline && r.height < 24)) {
                small.push(e.tagName.toLowerCase() + ' "' + (e.textContent || e.name || e.id).trim().slice(0, 40)
                    + '" ' + Math.round(r.width) + 'x' + Math.round(r.height));
              }
            }
            return small;""";

    private PhoneLayout() {
    }

    public static void emulate(ChromeDriver browser) {
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", 360, "height", 800,
                "deviceScaleFactor", 1, "mobile", true));
    }

    public static void desktop(ChromeDriver browser) {
        browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    }

    /** The page now open fits the phone, disclosures closed and open. */
    public static void assertFits(ChromeDriver browser, String name) {
        screenshot(browser, name);
        for (String state : List.of("closed", "open")) {
            if (state.equals("open")) {
                browser.executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
                screenshot(browser, name + "-open");
            }
            List<?> widths = (List<?>) browser.executeScript("return [document.documentElement.scrollWidth, "
                    + "document.documentElement.clientWidth]");
            assertThat(((Number) widths.get(0)).intValue()).as(name + " (" + state + ") scrolls sideways")
                    .isLessThanOrEqualTo(((Number) widths.get(1)).intValue());
            assertThat((List<?>) browser.executeScript(SMALL_TARGETS)).as(name + " (" + state
                    + "): targets under 24 px").isEmpty();
        }
    }

    private static void screenshot(ChromeDriver browser, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
