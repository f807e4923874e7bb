package dev.bulletproof.daemon.media;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Pauses and continues a process tree. POSIX systems get SIGSTOP/SIGCONT (via the {@code kill} command,
 * which every Linux and macOS has); Windows gets NtSuspendProcess/NtResumeProcess from ntdll through the
 * FFM API, since it has no signals.
 */
final class ProcessSignals {

    private static final boolean WINDOWS =
            System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");

    private ProcessSignals() {}

    static void suspend(ProcessHandle root) {
        if (WINDOWS) {
            WindowsProcesses.apply(root, "NtSuspendProcess");
        } else {
            // Parent first, so it cannot start a new child between the signals.
            signal("-STOP", root);
        }
    }

    static void resume(ProcessHandle root) {
        if (WINDOWS) {
            WindowsProcesses.apply(root, "NtResumeProcess");
        } else {
            signal("-CONT", root);
        }
    }

    private static void signal(String signal, ProcessHandle root) {
        List<String> command = new ArrayList<>(List.of("kill", signal, Long.toString(root.pid())));
        root.descendants().forEach(child -> command.add(Long.toString(child.pid())));
        try {
            ToolOutput output = ToolRunner.run(command, Duration.ofSeconds(10));
            if (!output.succeeded() && root.isAlive()) {
                throw new ProcessControlException("kill " + signal + " failed: " + output.lastErrorLine());
            }
        } catch (IOException e) {
            throw new ProcessControlException(
                    "cannot send " + signal + " to process " + root.pid() + ": " + e.getMessage());
        }
    }

    /** NtSuspendProcess/NtResumeProcess suspend every thread of the process in one call. */
    private static final class WindowsProcesses {
        private static final int PROCESS_SUSPEND_RESUME = 0x0800;

        // Restricted FFM calls are the point here; the launchers grant native access (Enable-Native-Access).
        @SuppressWarnings("restricted")
        static void apply(ProcessHandle root, String function) {
            List<ProcessHandle> tree = new ArrayList<>();
            tree.add(root);
            tree.addAll(root.descendants().toList());
            Linker linker = Linker.nativeLinker();
            try (Arena arena = Arena.ofConfined()) {
                SymbolLookup kernel32 = SymbolLookup.libraryLookup("kernel32", arena);
                SymbolLookup ntdll = SymbolLookup.libraryLookup("ntdll", arena);
                MethodHandle openProcess = linker.downcallHandle(
                        kernel32.findOrThrow("OpenProcess"),
                        FunctionDescriptor.of(
                                ValueLayout.ADDRESS, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
                MethodHandle closeHandle = linker.downcallHandle(
                        kernel32.findOrThrow("CloseHandle"),
                        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
                MethodHandle call = linker.downcallHandle(
                        ntdll.findOrThrow(function), FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS));
                for (ProcessHandle process : tree) {
                    MemorySegment handle =
                            (MemorySegment) openProcess.invokeExact(PROCESS_SUSPEND_RESUME, 0, (int) process.pid());
                    if (handle.address() == 0) {
                        throw new ProcessControlException("cannot open process " + process.pid() + " for " + function);
                    }
                    try {
                        int status = (int) call.invokeExact(handle);
                        if (status != 0) {
                            throw new ProcessControlException(function + " failed with NTSTATUS "
                                    + Integer.toHexString(status) + " for process " + process.pid());
                        }
                    } finally {
                        int closed = (int) closeHandle.invokeExact(handle);
                        assert closed != 0;
                    }
                }
            } catch (ProcessControlException e) {
                throw e;
            } catch (Throwable e) {
                throw new ProcessControlException(function + " is unavailable: " + e.getMessage());
            }
        }
    }
}
