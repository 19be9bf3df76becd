package com.stocklens.connector.tiktok;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.connector.ActivityPage;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.ShopActivitySource;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.http.Pages;
import com.stocklens.connector.tiktok.TikTokDtos.LineItem;
import com.stocklens.connector.tiktok.TikTokDtos.Order;
import com.stocklens.connector.tiktok.TikTokDtos.OrdersData;
import com.stocklens.connector.tiktok.TikTokDtos.ReturnLineItem;
import com.stocklens.connector.tiktok.TikTokDtos.ReturnOrder;
import com.stocklens.connector.tiktok.TikTokDtos.ReturnsData;
import com.stocklens.connector.tiktok.TikTokDtos.Shop;
import com.stocklens.domain.ReturnItem;
import com.stocklens.domain.SaleLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Orders and returns of every authorized TikTok shop by update time (docs/api/tiktok-shop.md §5.7, §5.8).
 * TikTok's line items carry no quantity, so each order line item becomes one {@link SaleLine} and each
 * return line item one {@link ReturnItem}; the return's stage comes from {@link ReturnStages}.
 *
 * <p>Both searches are sorted by {@code update_time} ascending and paged with {@code page_token}
 * to the end; any failure on any page fails the whole window.
 */
public final class TikTokActivitySource implements ShopActivitySource {
    static final String ORDERS_PATH = "/order/202309/orders/search";
    static final String RETURNS_PATH = "/return_refund/202309/returns/search";
    /** The documented maximum: fewer round trips on the 28-day first window. */
    static final int ORDERS_PAGE_SIZE = 100;
    /** The documented range is 10–50. */
    static final int RETURNS_PAGE_SIZE = 50;

    private final String id;
    private final TikTokClient client;

    /**
     * @param id     the cursor key in the store, e.g. {@code tiktok:main}
     * @param client a signed client for the seller's app
     */
    public TikTokActivitySource(String id, TikTokClient client) {
        this.id = Objects.requireNonNull(id, "id");
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public ActivityPage fetchActivity(Instant updatedSince, Instant updatedUntil) throws SourceException {
        if (!updatedSince.isBefore(updatedUntil)) {
            throw new IllegalArgumentException("empty window " + updatedSince + " … " + updatedUntil);
        }
        int before = client.requestCount();
        List<Shop> shops = client.shops();
        Map<String, Object> window = new LinkedHashMap<>();
        // TikTok takes Unix seconds; the window is half-open like ours.
        window.put("update_time_ge", updatedSince.getEpochSecond());
        window.put("update_time_lt", updatedUntil.getEpochSecond());
        List<SaleLine> sales = new ArrayList<>();
        List<ReturnItem> returns = new ArrayList<>();
        for (Shop shop : shops) {
            readOrders(shop, window, sales);
            readReturns(shop, window, returns);
        }
        return new ActivityPage(updatedSince, updatedUntil, sales, returns, client.requestCount() - before);
    }

    private void readOrders(Shop shop, Map<String, Object> window, List<SaleLine> out) throws SourceException {
        Pages pages = new Pages("TikTok orders search");
        String token = null;
        while (true) {
            pages.next();
            JsonNode data = client.post(ORDERS_PATH, shop.cipher(), query(ORDERS_PAGE_SIZE, token), window);
            OrdersData orders = TikTokClient.convert(data, OrdersData.class, "orders");
            List<Order> list = orders.orders() == null ? List.of() : orders.orders();
            for (Order o : list) {
                if (blank(o.id()) || o.createTime() == null) {
                    throw new MalformedResponseException("TikTok order without id or create_time in shop " + shop.id());
                }
                Instant created = Instant.ofEpochSecond(o.createTime());
                Instant updated = o.updateTime() == null ? created : Instant.ofEpochSecond(o.updateTime());
                for (LineItem li : o.lineItems() == null ? List.<LineItem>of() : o.lineItems()) {
                    if (blank(li.id())) {
                        throw new MalformedResponseException("TikTok line item without id in order " + o.id());
                    }
                    out.add(new SaleLine(shop.id(), o.id(), li.id(), li.sellerSku(), li.skuId(), o.warehouseId(),
                            o.status(), created, updated));
                }
            }
            token = next(orders.nextPageToken(), list.isEmpty(), pages);
            if (token == null) {
                return;
            }
        }
    }

    private void readReturns(Shop shop, Map<String, Object> window, List<ReturnItem> out) throws SourceException {
        Pages pages = new Pages("TikTok returns search");
        String token = null;
        while (true) {
            pages.next();
            JsonNode data = client.post(RETURNS_PATH, shop.cipher(), query(RETURNS_PAGE_SIZE, token), window);
            ReturnsData returns = TikTokClient.convert(data, ReturnsData.class, "returns");
            List<ReturnOrder> list = returns.returnOrders() == null ? List.of() : returns.returnOrders();
            for (ReturnOrder r : list) {
                if (blank(r.returnId()) || r.createTime() == null) {
                    throw new MalformedResponseException("TikTok return without id or create_time in shop " + shop.id());
                }
                Instant created = Instant.ofEpochSecond(r.createTime());
                Instant updated = r.updateTime() == null ? created : Instant.ofEpochSecond(r.updateTime());
                var stage = ReturnStages.of(r.returnType(), r.returnStatus());
                for (ReturnLineItem li : r.returnLineItems() == null ? List.<ReturnLineItem>of() : r.returnLineItems()) {
                    if (blank(li.returnLineItemId())) {
                        throw new MalformedResponseException("TikTok return line without id in return " + r.returnId());
                    }
                    out.add(new ReturnItem(shop.id(), r.returnId(), r.orderId(), li.returnLineItemId(), li.sellerSku(),
                            li.skuId(), r.returnType(), r.returnStatus(), stage, created, updated));
                }
            }
            token = next(returns.nextPageToken(), list.isEmpty(), pages);
            if (token == null) {
                return;
            }
        }
    }

    private static Map<String, String> query(int pageSize, String token) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("page_size", Integer.toString(pageSize));
        query.put("sort_field", "update_time");
        query.put("sort_order", "ASC");
        if (token != null) {
            query.put("page_token", token);
        }
        return query;
    }

    /** The next token, or null at the end (empty string and absent both mean the end: §8 item 8). */
    private static String next(String token, boolean emptyPage, Pages pages) throws MalformedResponseException {
        if (emptyPage || blank(token)) {
            return null;
        }
        pages.unseen(token, "page token " + token);
        return token;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
