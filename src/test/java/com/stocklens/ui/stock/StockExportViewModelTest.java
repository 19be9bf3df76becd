package com.stocklens.ui.stock;

import static org.assertj.core.api.Assertions.assertThat;

import com.stocklens.domain.StockLevel;
import com.stocklens.service.BoardRow;
import com.stocklens.ui.FakeBoards;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Copied rows paste as cells: tabs between them, numbers plain, unknown empty, never a formula. */
class StockExportViewModelTest {

    @Test
    void tabSeparatedRowsKeepEveryCellInItsPlace() {
        BoardRow formula = new BoardRow(FakeBoards.sku("=HYPERLINK(\"x\")", "Mug\twith\ttabs\nand a line"),
                FakeBoards.WINIT_UK, new StockLevel(1200, 1000, 200, null, 0, 0, 0), null, null, FakeBoards.NOW, null);
        String tsv = StockExportViewModel.tsv(List.of(new StockRowViewModel(formula, 3)));

        assertThat(tsv).endsWith("\r\n");
        String[] cells = tsv.substring(0, tsv.length() - 2).split("\t", -1);
        assertThat(cells).containsExactly("'=HYPERLINK(\"x\")", "Mug with tabs and a line", "WINIT 万邑通 · Birmingham (UK)",
                "1200", "1000", "200", "", "0", "0", "0", "3", "", "");
    }
}
