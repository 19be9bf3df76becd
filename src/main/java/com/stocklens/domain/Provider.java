package com.stocklens.domain;

/** Who runs a warehouse, i.e. which API dialect its stock arrives in. */
public enum Provider {
    SHIPBOB("ShipBob"),
    WINIT("WINIT 万邑通"),
    SHIPMONK("ShipMonk"),
    FLEXPORT("Flexport"),
    GOODCANG("GoodCang 谷仓"),
    CSV("CSV");

    private final String displayName;

    Provider(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
