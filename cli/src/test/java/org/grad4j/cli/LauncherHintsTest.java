package org.grad4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The JIT hints that the {@code grad4j} launcher (and the benchmark that copies one of them) pass
 * as {@code -XX:CompileCommand=...} name classes and methods by their text; HotSpot ignores a hint
 * whose class or method no longer exists, quietly (the launcher also passes
 * {@code CompileCommand=quiet}). This test reads every hint and checks by reflection that its class
 * exists and, where a method is named, that the class declares it, so a rename fails the build.
 */
class LauncherHintsTest {

    /** {@code -XX:CompileCommand=VALUE}, VALUE up to a quote, whitespace or the closing parenthesis of a shell array. */
    private static final Pattern HINT = Pattern.compile("-XX:CompileCommand=([^'\"\\s)]+)");

    /** The commands and options the launcher uses or may reasonably use (HotSpot's names). */
    private static final Set<String> COMMANDS = Set.of("quiet", "dontinline", "inline", "exclude",
            "compileonly", "CompileThresholdScaling", "option", "log", "print", "break", "help");

    /** The repository root: Maven runs the tests in the module's directory, cli/. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    /** One parsed hint: the command, the class named and the method pattern ({@code *} for all). */
    record Hint(String text, String command, String className, String method) {}

    @Test
    void everyClassAndMethodTheLauncherNamesExists() throws IOException {
        List<Hint> hints = hints(read(ROOT.resolve("grad4j")));

        assertThat(hints).as("CompileCommand hints in the grad4j launcher").hasSizeGreaterThanOrEqualTo(10);
        assertThat(hints).extracting(Hint::className).contains("org.grad4j.nn.SgdStep", "org.grad4j.data.Split");
        for (Hint h : hints) {
            assertThat(problem(h)).as(h.text()).isNull();
        }
    }

    @Test
    void theBenchmarksHintsNameExistingClassesToo() throws IOException {
        List<Hint> hints = hints(read(ROOT.resolve("bench/src/main/java/org/grad4j/bench/PixelsBench.java")));

        assertThat(hints).isNotEmpty();
        for (Hint h : hints) {
            assertThat(problem(h)).as(h.text()).isNull();
        }
    }

    @Test
    void aRenamedClassOrMethodIsCaught() {
        List<Hint> hints = hints("""
                jit=(-XX:CompileCommand=quiet
                  '-XX:CompileCommand=CompileThresholdScaling,org.grad4j.tensor.NoSuchKernels::*,0.01'
                  -XX:CompileCommand=dontinline,org.grad4j.data.Split::noSuchMethod
                  -XX:CompileCommand=dontinlne,org.grad4j.data.Split::copyRows
                  -XX:CompileCommand=dontinline,org.grad4j.data.Split.copyRows)
                """);

        assertThat(hints).extracting(LauncherHintsTest::problem).containsExactly(
                null,
                "class org.grad4j.tensor.NoSuchKernels does not exist",
                "org.grad4j.data.Split declares no method noSuchMethod",
                "unknown CompileCommand 'dontinlne'",
                "no Class::method pattern in 'dontinline,org.grad4j.data.Split.copyRows'");
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }

    /** Every {@code -XX:CompileCommand=} in {@code text}, parsed; {@code quiet} has no class. */
    static List<Hint> hints(String text) {
        List<Hint> out = new ArrayList<>();
        Matcher m = HINT.matcher(text);
        while (m.find()) {
            String value = m.group(1);
            String[] parts = value.split(",");
            String pattern = null;
            for (String p : parts) {
                if (p.contains("::")) {
                    pattern = p;
                }
            }
            if (pattern == null) {
                out.add(new Hint(value, parts[0], null, null));
            } else {
                int sep = pattern.indexOf("::");
                out.add(new Hint(value, parts[0], pattern.substring(0, sep), pattern.substring(sep + 2)));
            }
        }
        return out;
    }

    /** What is wrong with a hint, or null when its command is known and what it names exists. */
    static String problem(Hint h) {
        if (!COMMANDS.contains(h.command())) {
            return "unknown CompileCommand '" + h.command() + "'";
        }
        if (h.className() == null) {
            return h.command().equals("quiet") || h.command().equals("help") ? null
                    : "no Class::method pattern in '" + h.text() + "'";
        }
        Class<?> c;
        try {
            c = Class.forName(h.className(), false, LauncherHintsTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return "class " + h.className() + " does not exist";
        }
        String method = h.method();
        if (method.equals("*")) {
            return c.getDeclaredMethods().length + c.getDeclaredConstructors().length > 0 ? null
                    : h.className() + " declares no methods";
        }
        if (method.equals("<init>")) {
            Constructor<?>[] ctors = c.getDeclaredConstructors();
            return ctors.length > 0 ? null : h.className() + " declares no constructor";
        }
        for (Method d : c.getDeclaredMethods()) {
            if (matches(method, d.getName())) {
                return null;
            }
        }
        return h.className() + " declares no method " + method;
    }

    /** HotSpot's method patterns: a name, optionally with a leading and/or trailing {@code *}. */
    private static boolean matches(String pattern, String name) {
        boolean head = pattern.startsWith("*");
        boolean tail = pattern.endsWith("*") && pattern.length() > 1;
        String core = pattern.substring(head ? 1 : 0, pattern.length() - (tail ? 1 : 0));
        if (head && tail) {
            return name.contains(core);
        }
        if (head) {
            return name.endsWith(core);
        }
        if (tail) {
            return name.startsWith(core);
        }
        return name.equals(core);
    }
}
