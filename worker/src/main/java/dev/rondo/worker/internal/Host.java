package dev.rondo.worker.internal;

import java.net.InetAddress;

/** The machine and process a worker runs in, for its default id and its registry row. */
public final class Host {

    private Host() {}

    /** The host name, or {@code host} when it cannot be known. */
    public static String name() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "host";
        }
    }

    public static long pid() {
        return ProcessHandle.current().pid();
    }
}
