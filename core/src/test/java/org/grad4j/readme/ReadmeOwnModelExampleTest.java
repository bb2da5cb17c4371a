package org.grad4j.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Your own model" example, compiled and run exactly as written (the first {@code java}
 * code block after that heading); what it prints must be the output the README shows under it.
 */
class ReadmeOwnModelExampleTest {

    private static final Path SOURCE = Path.of("..", "README.md");

    @TempDir
    Path dir;

    @Test
    void theExampleCompilesRunsAndFits() throws Exception {
        String text = Files.readString(SOURCE);
        int section = text.indexOf("## Your own model");
        assertThat(section).isNotNegative();
        Matcher m = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(text);
        assertThat(m.find(section)).isTrue();
        Path src = dir.resolve("YourOwnModel.java");
        Files.writeString(src, m.group(1));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int rc = javac.run(null, null, errors, "-proc:none", "-cp", System.getProperty("java.class.path"),
                "-d", dir.toString(), src.toString());
        assertThat(rc).as(errors.toString(StandardCharsets.UTF_8)).isZero();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()},
                ReadmeOwnModelExampleTest.class.getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            loader.loadClass("YourOwnModel").getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(old);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(lines).hasSize(6);
        Matcher shown = Pattern.compile("```\\n(.*?)```", Pattern.DOTALL).matcher(text);
        assertThat(shown.find(m.end())).isTrue();
        assertThat(lines).as("the output the README shows").isEqualTo(shown.group(1).lines().toList());
        double first = Double.parseDouble(lines.get(0).replaceAll(".*loss ", ""));
        double last = Double.parseDouble(lines.get(4).replaceAll(".*loss ", ""));
        assertThat(last).isLessThan(first).isLessThan(0.05);
        double f = Double.parseDouble(lines.get(5).replaceAll("f\\(1, 2, 0.5\\) = ", "").replaceAll(" .*", ""));
        assertThat(f).isBetween(1.5, 2.0);
    }
}
