package com.stocklens.sandbox;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Builds the seeded catalogue: products of 1–4 variants made from typical cross-border goods. */
final class CatalogGenerator {

    /** A kind of goods: code for the seller SKU, title, variant (code, label) pairs, price band. */
    private record Base(String code, String title, String[][] variants, double minPrice, double maxPrice) {
    }

    private static final String[][] COLOURS = {
        {"BLK", "Black"}, {"WHT", "White"}, {"PNK", "Pink"}, {"BLU", "Blue"}, {"GRN", "Green"}, {"GRY", "Grey"}};
    private static final String[][] SIZES = {{"S", "S"}, {"M", "M"}, {"L", "L"}, {"XL", "XL"}};

    private static final List<Base> BASES = List.of(
            new Base("PS", "Silicone Phone Stand", COLOURS, 6.99, 12.99),
            new Base("MAG", "Magnetic Car Phone Mount", COLOURS, 9.99, 19.99),
            new Base("LED", "LED Strip Lights", new String[][] {{"5M", "5 m"}, {"10M", "10 m"}, {"20M", "20 m"}, {"30M", "30 m"}}, 12.99, 39.99),
            new Base("SCK", "Cotton Crew Socks 6-Pack", SIZES, 9.99, 16.99),
            new Base("CHP", "Vegetable Chopper", new String[][] {{"GRN", "Green"}, {"GRY", "Grey"}, {"WHT", "White"}}, 14.99, 29.99),
            new Base("OIL", "Glass Oil Sprayer Bottle", new String[][] {{"100", "100 ml"}, {"200", "200 ml"}, {"500", "500 ml"}}, 7.99, 14.99),
            new Base("UTL", "Silicone Kitchen Utensil Set", COLOURS, 18.99, 34.99),
            new Base("CRL", "Heatless Hair Curler", new String[][] {{"PNK", "Pink"}, {"BLK", "Black"}, {"CRM", "Cream"}}, 8.99, 15.99),
            new Base("JFR", "Jade Face Roller", new String[][] {{"JAD", "Jade"}, {"ROS", "Rose Quartz"}, {"AME", "Amethyst"}}, 9.99, 24.99),
            new Base("LIP", "Lip Gloss Set", new String[][] {{"NUD", "Nude"}, {"BRY", "Berry"}, {"COR", "Coral"}, {"CLR", "Clear"}}, 6.99, 13.99),
            new Base("LSH", "Magnetic Eyelashes Kit", new String[][] {{"NAT", "Natural"}, {"VOL", "Volume"}}, 11.99, 21.99),
            new Base("BTL", "Insulated Water Bottle", new String[][] {{"500", "500 ml"}, {"750", "750 ml"}, {"1L", "1 L"}}, 14.99, 27.99),
            new Base("ORG", "Under-Sink Organiser", new String[][] {{"1T", "1 tier"}, {"2T", "2 tier"}}, 16.99, 32.99),
            new Base("MOP", "Spray Mop", new String[][] {{"STD", "Standard"}, {"XL", "XL"}}, 19.99, 39.99),
            new Base("EBD", "Wireless Earbuds", COLOURS, 19.99, 49.99),
            new Base("CBL", "Braided USB-C Cable", new String[][] {{"1M", "1 m"}, {"2M", "2 m"}, {"3M", "3 m"}}, 5.99, 12.99),
            new Base("RNG", "Selfie Ring Light", new String[][] {{"10", "10 in"}, {"12", "12 in"}, {"18", "18 in"}}, 14.99, 44.99),
            new Base("YGA", "Yoga Resistance Bands", new String[][] {{"LT", "Light"}, {"MD", "Medium"}, {"HV", "Heavy"}, {"SET", "Set of 5"}}, 8.99, 24.99),
            new Base("LEG", "High-Waist Leggings", SIZES, 15.99, 29.99),
            new Base("PET", "Pet Hair Remover Roller", new String[][] {{"BLU", "Blue"}, {"GRY", "Grey"}}, 9.99, 19.99),
            new Base("NAI", "Gel Nail Polish Kit", new String[][] {{"12C", "12 colours"}, {"24C", "24 colours"}}, 19.99, 39.99),
            new Base("CUP", "Reusable Coffee Cup", COLOURS, 9.99, 17.99),
            new Base("HKS", "Adhesive Wall Hooks 20-Pack", new String[][] {{"CLR", "Clear"}, {"WHT", "White"}}, 5.99, 9.99),
            new Base("PIL", "Memory Foam Travel Pillow", new String[][] {{"GRY", "Grey"}, {"NVY", "Navy"}, {"PNK", "Pink"}}, 12.99, 24.99));

    private static final String[] MODEL_WORDS = {"", " Pro", " Mini", " Plus", " Lite", " Max", " 2.0", " Eco", " Deluxe"};

    private CatalogGenerator() {
    }

    /** The result: SKUs and the products grouping them. */
    record Catalog(List<SimSku> skus, List<SimProduct> products) {
    }

    static Catalog generate(Random rnd, int skuCount) {
        List<SimSku> skus = new ArrayList<>(skuCount);
        List<SimProduct> products = new ArrayList<>();
        int p = 0;
        while (skus.size() < skuCount) {
            Base base = BASES.get(p % BASES.size());
            int model = p / BASES.size() + 1;
            String modelWord = model <= MODEL_WORDS.length ? MODEL_WORDS[model - 1] : " Series " + model;
            String title = base.title() + modelWord;
            int variantCount = Math.min(1 + rnd.nextInt(Math.min(4, base.variants().length)), skuCount - skus.size());
            // A random choice of variants, so equal bases do not always offer the same colours.
            List<String[]> pool = new ArrayList<>(List.of(base.variants()));
            Collections.shuffle(pool, rnd);
            double price = base.minPrice() + rnd.nextDouble() * (base.maxPrice() - base.minPrice());
            BigDecimal usd = BigDecimal.valueOf(Math.floor(price) + 0.99).setScale(2, RoundingMode.HALF_UP);
            BigDecimal gbp = BigDecimal.valueOf(Math.floor(price * 0.8) + 0.99).setScale(2, RoundingMode.HALF_UP);
            String productIdUs = Long.toString(1729501234500000000L + (p + 1) * 100L);
            String productIdGb = Long.toString(1731608765400000000L + (p + 1) * 100L);
            // Roughly 1 product in 25 is switched off by the seller: its stock is still real.
            String status = rnd.nextInt(25) == 0 ? "SELLER_DEACTIVATED" : "ACTIVATE";
            List<Integer> indexes = new ArrayList<>();
            for (int v = 0; v < variantCount; v++) {
                int index = skus.size();
                String[] variant = pool.get(v);
                String sellerSku = "TTS-" + base.code() + "-" + variant[0] + "-" + String.format("%02d", model);
                // About 3% are stocked at ShipBob but were never listed on TikTok (unmapped).
                boolean listed = rnd.nextInt(100) >= 3;
                String skuUs = listed ? Long.toString(Long.parseLong(productIdUs) + v + 11) : null;
                String skuGb = listed ? Long.toString(Long.parseLong(productIdGb) + v + 11) : null;
                String barcode = null;
                boolean valid = false;
                if (rnd.nextInt(100) >= 2) {
                    String prefix = rnd.nextBoolean() ? "69" : "50";
                    StringBuilder digits = new StringBuilder(prefix);
                    while (digits.length() < 12) {
                        digits.append(rnd.nextInt(10));
                    }
                    int check = ean13CheckDigit(digits);
                    // About 4% carry a wrong check digit, for the three-code check to find.
                    valid = rnd.nextInt(100) >= 4;
                    barcode = digits.toString() + (valid ? check : (check + 1 + rnd.nextInt(9)) % 10);
                }
                boolean fast = rnd.nextInt(100) < 3;
                skus.add(new SimSku(index, sellerSku, title + " - " + variant[1], p, 20481734L + index,
                        skuUs, skuGb, barcode, valid, usd, gbp, fast));
                indexes.add(index);
            }
            products.add(new SimProduct(p, title, productIdUs, productIdGb, status, indexes));
            p++;
        }
        return new Catalog(List.copyOf(skus), List.copyOf(products));
    }

    /** EAN-13 check digit over the first 12 digits (weights 1,3,1,3 … from the left). */
    static int ean13CheckDigit(CharSequence first12) {
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            int d = first12.charAt(i) - '0';
            sum += (i % 2 == 0) ? d : 3 * d;
        }
        return (10 - sum % 10) % 10;
    }
}
