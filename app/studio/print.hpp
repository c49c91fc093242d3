#pragma once
// Printing (File > Print..., Print Preview): each page of the document on a sheet of its own, the whole page
// scaled to fit within the margins and centred, drawn by the same painter as the canvas (so the same picture
// as the exports), every text drawn whatever its size.
#include <wx/print.h>

#include <string>
#include <vector>

namespace jstudio::studio {

class Canvas;

class PagesPrintout : public wxPrintout {
  public:
    // One canvas per document page, in page order; the title names the print job.
    PagesPrintout(std::vector<Canvas*> pages, const std::string& title);

    bool HasPage(int page) override;
    void GetPageInfo(int* min_page, int* max_page, int* from, int* to) override;
    bool OnPrintPage(int page) override;

  private:
    std::vector<Canvas*> m_pages;
};

// The printout's sheets drawn as a printer would get them, into PNG files PATH-1.png, PATH-2.png ... (an A4
// sheet at `dpi`): what a scripted run checks instead of a printer. False when a sheet could not be written.
bool print_to_images(PagesPrintout& printout, const std::string& path, int dpi = 100);

}  // namespace jstudio::studio
