package com.stocklens.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.stocklens.domain.CodeRecord;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeCsvTest {
    @TempDir
    Path dir;

    private Path write(byte[] bytes) throws Exception {
        Path f = dir.resolve("codes.csv");
        Files.write(f, bytes);
        return f;
    }

    @Test
    void readsColumnsInAnyOrderAndCaseWithLineNumbers() throws Exception {
        Path f = write(("WMS_SKU,Barcode,seller_sku,warehouse,TikTok_SKU,note\r\n"
                + "W1,4006381333931,A-1,us-east,1001,x\r\n"
                + "\r\n"
                + "W2,5012345678900,B-1,us-east,1002\r\n").getBytes(StandardCharsets.UTF_8));
        List<CodeRecord> records = CodeCsv.read(f);
        assertThat(records).containsExactly(
                new CodeRecord(2, "1001", "A-1", "4006381333931", "us-east", "W1"),
                new CodeRecord(4, "1002", "B-1", "5012345678900", "us-east", "W2"));
    }

    @Test
    void toleratesAUtf8ByteOrderMark() throws Exception {
        byte[] body = "tiktok_sku,seller_sku,barcode,warehouse,wms_sku\n1001,耳机-黑,4006381333931,美东仓,W1\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        assertThat(CodeCsv.read(write(withBom))).singleElement().satisfies(r -> {
            assertThat(r.sellerSku()).isEqualTo("耳机-黑");
            assertThat(r.warehouse()).isEqualTo("美东仓");
        });
    }

    @Test
    void fallsBackToGbkWhenTheBytesAreNotUtf8() throws Exception {
        byte[] gbk = ("tiktok_sku,seller_sku,barcode,warehouse,wms_sku\n"
                + "1001,蓝牙耳机-黑,4006381333931,美东仓,W1\n").getBytes(Charset.forName("GBK"));
        assertThat(CodeCsv.read(write(gbk))).singleElement().satisfies(r -> {
            assertThat(r.sellerSku()).isEqualTo("蓝牙耳机-黑");
            assertThat(r.warehouse()).isEqualTo("美东仓");
        });
    }

    @Test
    void quotedFieldsKeepCommasQuotesLineBreaksAndSpaces() throws Exception {
        Path f = write(("tiktok_sku,seller_sku,barcode,warehouse,wms_sku\n"
                + "1001,\"A-1 \",\"4006381333931\",\"Dallas, TX\",\"W \"\"1\"\"\"\n"
                + "1002,B-1,,\"two\nlines\",W2\n"
                + "1003,C-1,036000291452,x,W3").getBytes(StandardCharsets.UTF_8));
        List<CodeRecord> records = CodeCsv.read(f);
        assertThat(records).extracting(CodeRecord::line).containsExactly(2, 3, 5);
        assertThat(records.get(0).sellerSku()).isEqualTo("A-1 ");
        assertThat(records.get(0).warehouse()).isEqualTo("Dallas, TX");
        assertThat(records.get(0).wmsSku()).isEqualTo("W \"1\"");
        assertThat(records.get(1).barcode()).isEmpty();
        assertThat(records.get(1).warehouse()).isEqualTo("two\nlines");
        assertThat(records.get(2).wmsSku()).isEqualTo("W3");
    }

    @Test
    void aMissingColumnIsNamed() throws Exception {
        Path f = write("tiktok_sku,seller_sku,warehouse,wms\n1,A,x,W\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> CodeCsv.read(f)).isInstanceOf(CodeCsv.InvalidFileException.class)
                .hasMessageContaining("no column barcode, wms_sku");
    }

    @Test
    void emptyUnclosedAndUnreadableFilesAreInvalid() throws Exception {
        assertThatThrownBy(() -> CodeCsv.read(write(new byte[0]))).hasMessageContaining("empty");
        assertThatThrownBy(() -> CodeCsv.read(write(
                "tiktok_sku,seller_sku,barcode,warehouse,wms_sku\n1,\"A,x,W\n".getBytes(StandardCharsets.UTF_8))))
                .hasMessageContaining("line 2 is never closed");
        assertThatThrownBy(() -> CodeCsv.read(dir.resolve("absent.csv")))
                .isInstanceOf(CodeCsv.InvalidFileException.class).hasMessageContaining("Cannot read");
    }
}
