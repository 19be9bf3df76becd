-- Issue 18: after a large stock file, every later import or sync read all of a source's mappings to find the
-- few MANUAL ones and the barcode-teaching ones. An index on the method lets those reads skip the rest.
CREATE INDEX sku_mapping_method ON sku_mapping (method);
