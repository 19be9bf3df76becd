/**
 * Notifications: {@link com.stocklens.notify.NoticeCenter} turns flag events and calibration deadlines
 * into {@link com.stocklens.service.Notice}s for the desktop, and {@link com.stocklens.notify.TeamPushService}
 * pushes them to WeCom, DingTalk and Feishu group robots, signed where the platform signs.
 *
 * <p>May import {@code domain}, {@code service}, {@code connector.http}, OkHttp, Jackson and SLF4J; never
 * {@code ui}, {@code store}, {@code sync} or JavaFX. Owns two daemon threads: {@code stocklens-notices}
 * and {@code stocklens-push}, both stopped by their owners' {@code close()}.
 */
package com.stocklens.notify;
