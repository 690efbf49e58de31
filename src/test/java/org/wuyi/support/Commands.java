package org.wuyi.support;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.wuyi.WuyiApplication;

/** Runs a Wuyi command line ({@code import-divisions}, {@code verify-audit}, …) against a database, as an operator would. */
public final class Commands {

    /** What a command printed and its exit code. */
    public record Run(int exitCode, String output) {
    }

    private Commands() {
    }

    /** Runs the command with {@code stdin} as standard input, on the test server's database of this URL. */
    public static Run run(String databaseUrl, String stdin, String... args) {
        String[] all = new String[args.length + 3];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--spring.datasource.url=" + databaseUrl;
        all[args.length + 1] = "--spring.datasource.username=postgres";
        all[args.length + 2] = "--spring.datasource.password=";
        PrintStream originalOut = System.out;
        InputStream originalIn = System.in;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        try {
            return new Run(WuyiApplication.runCommand(all), captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(originalOut);
            System.setIn(originalIn);
        }
    }
}
