package com.stocklens.connector.winit;

import com.fasterxml.jackson.databind.JsonNode;
import com.stocklens.connector.MalformedResponseException;
import com.stocklens.connector.SourceException;
import com.stocklens.connector.WarehouseGuesses;
import com.stocklens.connector.WarehouseOverrides;
import com.stocklens.connector.http.HttpClientFactory;
import com.stocklens.connector.http.HttpStockSource;
import com.stocklens.connector.http.Pages;
import com.stocklens.connector.http.Quantities;
import com.stocklens.connector.winit.WinitDtos.StoragePage;
import com.stocklens.connector.winit.WinitDtos.StorageRow;
import com.stocklens.connector.winit.WinitDtos.WarehouseInfo;
import com.stocklens.domain.Bucket;
import com.stocklens.domain.Market;
import com.stocklens.domain.Provider;
import com.stocklens.domain.Reading;
import com.stocklens.domain.Sku;
import com.stocklens.domain.SkuCodes;
import com.stocklens.domain.SourceInfo;
import com.stocklens.domain.StockLevel;
import com.stocklens.domain.StockRow;
import com.stocklens.domain.Warehouse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stock of one WINIT seller account, per warehouse and product (docs/api/warehouses.md §3).
 *
 * <p>{@code queryWarehouse} lists the warehouses; {@code queryWarehouseStorage} is paged per warehouse
 * ({@code pageNum}/{@code pageSize} inside {@code data}, each page signed on its own) until
 * {@code currentPageNum * pageSize >= total} or an empty list.
 *
 * <p>Buckets (§3.7): onHand = {@code inStockQty}, available = {@code qtyAvailable}, reserved =
 * {@code qtyWaitOut} + {@code preSaleWaitOutQty} (when present), inTransit = {@code pipelineInventory},
 * frozen = {@code qtyFrozen + prohibitFrozenQty + prohibitUsableQty + qtyLostConfirming + qtyDestruction}
 * (the known ones), qcHold and returnPendingQc unknown: WINIT's stock actions expose neither.
 *
 * <p><b>Returned stock.</b> Rows with {@code isReturnInventory=Y} are customer returns WINIT has already
 * graded and shelved as a separate "return inventory" pool. They are kept out of every bucket of the
 * SKU's row: they are not pending QC (so not {@code return_pending_qc}), WINIT sells them only through
 * its return-stock outbound (so not TikTok's sellable number, which the calibration compares against),
 * and adding them to on-hand alone would break on-hand = available + reserved + frozen for the row.
 * They are counted in the log so a seller asking "where are my returns" can find them.
 *
 * <p><b>SKU identity.</b> WINIT keys stock by ({@code productCode}, {@code specification}). Sellers
 * normally encode the variant in the product code already ({@code TTS-PS-BLK} / {@code BLACK}), so
 * the seller SKU is the {@code productCode}. Only when one product code carries more than one distinct
 * non-blank specification in the same reading is the SKU written {@code productCode/specification}
 * for each of them (otherwise different variants would collapse into one row). The barcode is
 * {@code merchandiseSerno}; the WMS id is {@code productCode}.
 *
 * <p>Warehouse ids are {@code winit:<warehouseID>}; the reading holds the warehouses with stock rows
 * and those named in the connection's settings (queryWarehouse may list all of WINIT's). Market and region come from the connection's
 * {@link WarehouseOverrides}, else the market from the warehouse code ({@code UKBH}) or its name or
 * address when they name a country, else unknown.
 */
public final class WinitSource extends HttpStockSource {
    private static final Logger LOG = LoggerFactory.getLogger(WinitSource.class);
    private final WinitConfig config;
    private final WinitClient client;

    public WinitSource(SourceInfo info, WinitConfig config, HttpClientFactory factory, Clock clock) {
        super(info, clock);
        this.config = Objects.requireNonNull(config, "config");
        this.client = new WinitClient(config, factory, counter(), clock);
        timedBy(factory.ticker());
    }

    @Override
    protected Found read() throws SourceException {
        Map<String, Warehouse> warehouses = new LinkedHashMap<>();
        for (WarehouseInfo w : readWarehouses()) {
            warehouses.putIfAbsent(w.warehouseId(), toWarehouse(w));
        }
        List<Located> located = new ArrayList<>();
        for (String warehouseId : List.copyOf(warehouses.keySet())) {
            for (StorageRow row : readStorage(warehouseId)) {
                // Trust the warehouse we asked about over a row's own id.
                located.add(new Located(warehouseId, row));
            }
        }

        Map<String, Set<String>> specs = new LinkedHashMap<>();
        for (Located l : located) {
            if (l.row().productCode() != null && l.row().specification() != null) {
                specs.computeIfAbsent(l.row().productCode(), k -> new TreeSet<>()).add(l.row().specification());
            }
        }
        Map<String, Sku> skus = new LinkedHashMap<>();
        Map<List<String>, StockRow> rows = new LinkedHashMap<>();
        int returnRows = 0;
        for (Located l : located) {
            StorageRow r = l.row();
            if (r.productCode() == null) {
                LOG.warn("WINIT stock row without productCode in warehouse {}: skipped", l.warehouseId());
                continue;
            }
            if (r.returnInventory()) {
                returnRows++;
                LOG.debug("WINIT returned stock {} ({}) in {}: {} in stock, kept out of the buckets", r.productCode(),
                        r.specification(), l.warehouseId(), r.inStockQty());
                continue;
            }
            String sellerSku = sellerSku(r, specs);
            skus.putIfAbsent(sellerSku, new Sku(new SkuCodes(sellerSku, null, r.merchandiseSerno(), r.productCode()),
                    nameOf(r)));
            String warehouseId = Warehouse.idOf(Provider.WINIT, l.warehouseId());
            StockRow row = new StockRow(sellerSku, warehouseId, r.productCode(), levelOf(r));
            StockRow earlier = rows.get(List.of(sellerSku, warehouseId));
            rows.put(List.of(sellerSku, warehouseId), earlier == null ? row
                    : new StockRow(earlier.sellerSku(), earlier.warehouseId(), earlier.wmsId(),
                            plus(earlier.level(), row.level())));
        }
        // queryWarehouse may list every WINIT warehouse: keep those holding this seller's stock, and
        // those the seller named in the connection's settings.
        Set<String> used = new HashSet<>();
        located.forEach(l -> used.add(l.warehouseId()));
        used.addAll(config.overrides().tiktokLinks().keySet());
        used.addAll(config.overrides().markets().keySet());
        used.addAll(config.overrides().regions().keySet());
        warehouses.keySet().retainAll(used);
        if (returnRows > 0) {
            LOG.info("WINIT {}: {} returned-stock rows kept apart from sellable stock", info().id(), returnRows);
        }
        return (takenAt, requests) -> Reading.ofWarehouse(takenAt, List.copyOf(warehouses.values()),
                List.copyOf(skus.values()), List.copyOf(rows.values()), requests);
    }

    /** The seller SKU of a row: see the class comment. */
    static String sellerSku(StorageRow r, Map<String, Set<String>> specsByCode) {
        Set<String> specs = specsByCode.get(r.productCode());
        if (specs != null && specs.size() > 1 && r.specification() != null) {
            return r.productCode() + "/" + r.specification();
        }
        return r.productCode();
    }

    private static String nameOf(StorageRow r) {
        if (r.productName() == null) {
            return r.specification();
        }
        return r.specification() == null ? r.productName() : r.productName() + " - " + r.specification();
    }

    /**
     * The buckets of one row (§3.7); every count was judged by the one quantity rule when read (a negative
     * one fails the read), unknown stays unknown.
     */
    static StockLevel levelOf(StorageRow r) throws MalformedResponseException {
        String what = "WINIT " + r.productCode() + " reserved counts";
        Integer reserved = r.qtyWaitOut() == null ? null
                : Quantities.sumKnown(what, r.qtyWaitOut(), r.preSaleWaitOutQty());
        Integer frozen = Quantities.sumKnown("WINIT " + r.productCode() + " frozen counts", r.qtyFrozen(),
                r.prohibitFrozenQty(), r.prohibitUsableQty(), r.qtyLostConfirming(), r.qtyDestruction());
        return new StockLevel(r.inStockQty(), r.qtyAvailable(), reserved, r.pipelineInventory(), null, frozen, null);
    }

    /** Two rows of the same SKU in the same warehouse (e.g. one per active flag) add up, bucket by bucket. */
    static StockLevel plus(StockLevel a, StockLevel b) throws MalformedResponseException {
        Map<Bucket, Integer> m = new EnumMap<>(Bucket.class);
        for (Bucket bucket : Bucket.values()) {
            m.put(bucket, Quantities.sumKnown("WINIT rows of one SKU", a.get(bucket), b.get(bucket)));
        }
        return StockLevel.of(m);
    }

    private List<WarehouseInfo> readWarehouses() throws SourceException {
        JsonNode data = client.call("queryWarehouse", Map.of());
        if (data.isObject() && data.has("list")) {
            data = data.get("list");
        }
        List<WarehouseInfo> out = new ArrayList<>();
        for (JsonNode n : WinitDtos.items(data)) {
            out.add(WarehouseInfo.of(n));
        }
        return out;
    }

    private List<StorageRow> readStorage(String warehouseId) throws SourceException {
        List<StorageRow> out = new ArrayList<>();
        int pageSize = config.pageSize();
        Pages pages = pages("WINIT queryWarehouseStorage of warehouse " + warehouseId, pageSize);
        while (true) {
            int page = pages.next();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("warehouseID", warehouseId);
            data.put("pageNum", page);
            data.put("pageSize", pageSize);
            StoragePage p = StoragePage.of(client.call("queryWarehouseStorage", data));
            // An earlier page served again: reading on would duplicate rows and miss the real page.
            if (p.currentPageNum() != null && p.currentPageNum() != page) {
                throw new MalformedResponseException("WINIT queryWarehouseStorage of warehouse " + warehouseId
                        + " repeated a page instead of page " + page);
            }
            if (p.rows().isEmpty()) {
                return out;
            }
            pages.unlikeLast(p.rows(), "a page instead of page " + page);
            out.addAll(p.rows());
            if (p.total() == null) {
                if (p.currentPageNum() == null || p.rows().size() < pageSize) {
                    // No paging information: an unpaged list, or a short (last) page.
                    return out;
                }
                continue;
            }
            int current = p.currentPageNum() == null ? page : p.currentPageNum();
            if ((long) current * pageSize >= p.total()) {
                return out;
            }
        }
    }

    Warehouse toWarehouse(WarehouseInfo w) {
        WarehouseOverrides o = config.overrides();
        String id = w.warehouseId();
        Market market = o.market(id).orElse(null);
        if (market == null) {
            market = WarehouseGuesses.marketOfCode(w.warehouseCode());
        }
        if (market == null) {
            market = WarehouseGuesses.marketOfText(w.warehouseName());
        }
        if (market == null) {
            market = WarehouseGuesses.marketOfText(w.warehouseAddress());
        }
        String name = w.warehouseName() != null ? w.warehouseName() : w.warehouseCode() != null ? w.warehouseCode() : id;
        return new Warehouse(Warehouse.idOf(Provider.WINIT, id), Provider.WINIT, id, name, market,
                o.region(id).orElse(null), WarehouseGuesses.zoneOf(market), o.link(id).orElse(null));
    }

    /** A row with the warehouse it was asked for. */
    private record Located(String warehouseId, StorageRow row) {
    }
}
