#include "app/studio/print.hpp"

#include <wx/dcmemory.h>
#include <wx/dcprint.h>
#include <wx/graphics.h>

#include <algorithm>
#include <cmath>
#include <memory>

#include "app/studio/canvas.hpp"

namespace jstudio::studio {

PagesPrintout::PagesPrintout(std::vector<Canvas*> pages, const std::string& title)
    : wxPrintout(wxString::FromUTF8(title)), m_pages(std::move(pages)) {}

bool PagesPrintout::HasPage(int page) {
    return page >= 1 && static_cast<std::size_t>(page) <= m_pages.size();
}

void PagesPrintout::GetPageInfo(int* min_page, int* max_page, int* from, int* to) {
    *min_page = *from = 1;
    *max_page = *to = static_cast<int>(m_pages.size());
}

bool PagesPrintout::OnPrintPage(int page) {
    wxDC* dc = GetDC();
    if (!dc || !HasPage(page)) return false;
    // Device units of the sheet: a 10 mm margin, the rest for the page.
    int sheet_w = 0, sheet_h = 0, ppi_x = 0, ppi_y = 0;
    GetPageSizePixels(&sheet_w, &sheet_h);
    GetPPIPrinter(&ppi_x, &ppi_y);
    if (sheet_w <= 0 || sheet_h <= 0) dc->GetSize(&sheet_w, &sheet_h);
    const double margin = std::max(ppi_x, 72) * 10 / 25.4;
    // The preview and the printer may draw the sheet at another size than its pixels: map one onto the other.
    int dc_w = 0, dc_h = 0;
    dc->GetSize(&dc_w, &dc_h);
    const double to_dc = sheet_w > 0 ? static_cast<double>(dc_w) / sheet_w : 1;
    std::unique_ptr<wxGraphicsContext> gc;
    if (auto* printer = dynamic_cast<wxPrinterDC*>(dc))
        gc.reset(wxGraphicsContext::Create(*printer));
    else if (auto* memory = dynamic_cast<wxMemoryDC*>(dc))
        gc.reset(wxGraphicsContext::Create(*memory));
    if (!gc) return false;
    const diagram::Rect area{margin * to_dc, margin * to_dc, (sheet_w - 2 * margin) * to_dc,
                             (sheet_h - 2 * margin) * to_dc};
    // Page pixels are 1/96 in (draw.io's): a small diagram prints at its real size, a large one shrinks to
    // fit the sheet.
    const double actual_size = std::max(ppi_x, 72) / 96.0 * to_dc;
    m_pages[static_cast<std::size_t>(page - 1)]->draw_for_print(*gc, area, actual_size);
    return true;  // an empty page prints an empty sheet
}

bool print_to_images(PagesPrintout& printout, const std::string& path, int dpi) {
    const int width = static_cast<int>(std::lround(210 / 25.4 * dpi)),
              height = static_cast<int>(std::lround(297 / 25.4 * dpi));
    int min_page = 0, max_page = 0, from = 0, to = 0;
    printout.GetPageInfo(&min_page, &max_page, &from, &to);
    bool written = true;
    for (int page = from; page <= to; ++page) {
        wxBitmap sheet(width, height, 24);
        wxMemoryDC dc(sheet);
        dc.SetBackground(*wxWHITE_BRUSH);
        dc.Clear();
        printout.SetDC(&dc);
        printout.SetPageSizePixels(width, height);
        printout.SetPPIPrinter(dpi, dpi);
        printout.SetPPIScreen(96, 96);
        printout.SetPaperRectPixels(wxRect(0, 0, width, height));
        if (page == from) printout.OnPreparePrinting(), printout.OnBeginPrinting();
        written = printout.OnPrintPage(page) && written;
        dc.SelectObject(wxNullBitmap);
        written = sheet.SaveFile(wxString::FromUTF8(path + "-" + std::to_string(page) + ".png"),
                                 wxBITMAP_TYPE_PNG) &&
                  written;
    }
    printout.OnEndPrinting();
    printout.SetDC(nullptr);
    return written;
}

}  // namespace jstudio::studio
