package org.wuyi.supervision.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.wuyi.wartime.ActivationsChanged;

/**
 * The war-room screens connected to this node, by the region they show, and what to tell them: an activation or a
 * stand-down committed below their region (pushed within half a second, by one sender thread — never on the thread that
 * activated) and, once a minute, a tick for what changes without an event here (requests' timers, risk areas). A screen
 * that loses its stream (a restart) reconnects by itself and reads the whole picture again. With several nodes each
 * pushes what committed on it: a screen on another node learns of it at the next tick. On the way down every stream is
 * ended first, so that the web server's graceful shutdown does not wait out its time-out on the open screens.
 */
@Component
public class WarRoomStreams implements SmartLifecycle {

    private static final long TIMEOUT_MS = 30 * 60 * 1000L;

    private record Screen(String region, SseEmitter emitter) {
    }

    private final List<Screen> screens = new CopyOnWriteArrayList<>();
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();
    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /** Ends every screen's stream (they reconnect to whichever node serves them next). */
    @Override
    public void stop() {
        running = false;
        screens.forEach(screen -> screen.emitter().complete());
        screens.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A new screen's stream for a region (checked by the caller). */
    public SseEmitter connect(String region) {
        SseEmitter emitter = new SseEmitter(TIMEOUT_MS);
        Screen screen = new Screen(region, emitter);
        screens.add(screen);
        emitter.onCompletion(() -> screens.remove(screen));
        emitter.onTimeout(() -> screens.remove(screen));
        emitter.onError(error -> screens.remove(screen));
        send(screen, "hello", region);
        return emitter;
    }

    /** Moves on with every activation or stand-down committed on this node: a picture read before it is out of date. */
    public long version() {
        return version.get();
    }

    /** How many screens are connected now. */
    public int connected() {
        return screens.size();
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void on(ActivationsChanged event) {
        version.incrementAndGet();
        changed.addAll(event.gridCodes());
    }

    @Scheduled(fixedDelay = 500)
    void flush() {
        if (changed.isEmpty()) {
            return;
        }
        List<String> grids = new ArrayList<>(changed);
        changed.removeAll(grids);
        for (Screen screen : screens) {
            List<String> theirs = grids.stream().filter(grid -> grid.startsWith(screen.region())).toList();
            if (!theirs.isEmpty()) {
                send(screen, "changed", String.join(",", theirs));
            }
        }
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void tick() {
        screens.forEach(screen -> send(screen, "tick", ""));
    }

    private void send(Screen screen, String name, String data) {
        try {
            screen.emitter().send(SseEmitter.event().name(name).data(data));
        } catch (IOException | IllegalStateException gone) {
            screens.remove(screen);
        }
    }
}
