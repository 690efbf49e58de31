package org.wuyi.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;

/**
 * The heap a program really holds: after each garbage collection, the heap still in use (what survived), the
 * highest seen. The sum of the pools' peaks counts garbage waiting for a collection too, so with a 512 MiB heap
 * it climbs towards 512 whatever the program keeps; this is the figure that says what it keeps.
 */
final class LiveHeap {

    private final AtomicLong highest = new AtomicLong();

    private LiveHeap() {
    }

    static LiveHeap watch() {
        LiveHeap live = new LiveHeap();
        Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                            .filter(pool -> heapPools.contains(pool.getKey())).mapToLong(pool -> pool.getValue().getUsed()).sum();
                    live.highest.accumulateAndGet(used, Math::max);
                }
            }, null, null);
        }
        return live;
    }

    long highest() {
        return highest.get();
    }
}
