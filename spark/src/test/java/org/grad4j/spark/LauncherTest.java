package org.grad4j.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The class the {@code grad4j} launcher names as the logging provider of {@code train --spark} is on Spark's class path. */
class LauncherTest {

    @Test
    void theSlf4jProviderTheLauncherNamesExists() throws IOException, ClassNotFoundException {
        String launcher = Files.readString(Path.of("..", "grad4j"));
        Matcher m = Pattern.compile("-Dslf4j\\.provider=([\\w.]+)").matcher(launcher);
        assertThat(m.find()).as("-Dslf4j.provider in the launcher").isTrue();
        assertThat(org.slf4j.spi.SLF4JServiceProvider.class.isAssignableFrom(Class.forName(m.group(1)))).isTrue();
    }
}
