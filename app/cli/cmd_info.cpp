// journey info FILE: what a draw.io file holds, page by page.
#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <iostream>

#include "app/cli/commands.hpp"
#include "app/cli/report_error.hpp"
#include "core/diagram/page_index.hpp"
#include "core/journey/journey_read.hpp"
#include "core/page/page_reading.hpp"
#include "importers/drawio/drawio_reader.hpp"
#include "templates/journey_json.hpp"

namespace jstudio::cli {

namespace {

struct InfoOptions {
    std::string input;
    std::string format = "text";
    bool roles = false;
};

const char* form_name(diagram::DocumentForm f) {
    switch (f) {
        case diagram::DocumentForm::mxfile:
            return "mxfile";
        case diagram::DocumentForm::bare_model:
            return "mxGraphModel";
        case diagram::DocumentForm::library:
            return "mxlibrary";
    }
    return "";
}

const char* container_name(diagram::Container c) {
    switch (c) {
        case diagram::Container::xml:
            return "xml";
        case diagram::Container::svg:
            return "svg";
        case diagram::Container::png:
            return "png";
    }
    return "";
}

nlohmann::json page_json(const diagram::Page& page, std::size_t index) {
    using namespace diagram;
    PageIndex idx(page);
    nlohmann::json layers = nlohmann::json::array(), containers = nlohmann::json::array(),
                   unresolved = nlohmann::json::array();
    std::size_t vertices = 0, edges = 0, unglued = 0;
    for (const Cell* layer : idx.layers())
        layers.push_back({{"id", layer->id}, {"name", layer->label()}, {"visible", layer->is_visible()}});
    for (const Cell& c : page.cells) {
        if (c.kind == CellKind::vertex) {
            ++vertices;
            if (idx.is_container(c))
                containers.push_back({{"id", c.id},
                                      {"label", c.label()},
                                      {"kind", idx.is_swimlane(c) ? "swimlane"
                                               : idx.is_group(c)  ? "group"
                                                                  : "container"},
                                      {"children", idx.children(c.id).size()}});
        } else if (c.kind == CellKind::edge) {
            ++edges;
            if (c.source.empty() || c.target.empty()) ++unglued;
        }
        for (auto [field, ref] :
             {std::pair{"parent", &c.parent}, {"source", &c.source}, {"target", &c.target}})
            if (!ref->empty() && !idx.find(*ref))
                unresolved.push_back({{"cell", c.id}, {"field", field}, {"id", *ref}});
    }
    return {{"index", index + 1},
            {"id", page.id.value_or("")},
            {"name", page.display_name(index)},
            {"compressed", page.compressed},
            {"cells", page.cells.size()},
            {"layers", layers},
            {"vertices", vertices},
            {"edges", edges},
            {"edges_with_loose_end", unglued},
            {"containers", containers},
            {"unresolved_references", unresolved}};
}

// A journey map read back from its metadata and where its cards sit (see core/journey/journey_read.hpp).
void add_journey(nlohmann::json& page_j, const diagram::Page& page) {
    if (!journey::is_journey_page(page)) return;
    if (auto map = journey::read_journey(page))
        page_j["journey"] = nlohmann::json(templates::map_to_json(*map));
}

// Every cell's role on the page and the rule that decided it (core/page/page_reading.hpp).
void add_roles(nlohmann::json& page_j, const diagram::Page& page) {
    const page::PageReading reading(page);
    nlohmann::json cells = nlohmann::json::array(), counts = nlohmann::json::object();
    for (std::size_t i = 0; i < reading.size(); ++i) {
        const page::Role role = reading.role(i);
        if (role == page::Role::root || role == page::Role::layer) continue;
        nlohmann::json c = {{"id", page.cells[i].id},
                            {"role", page::to_string(role)},
                            {"rule", page::to_string(reading.rule(i))},
                            {"why", page::explain(reading.rule(i))},
                            {"label", reading.plain_label(i)}};
        if (reading.host(i) != page::PageReading::none) c["host"] = page.cells[reading.host(i)].id;
        cells.push_back(std::move(c));
        counts[page::to_string(role)] = counts.value(page::to_string(role), 0) + 1;
    }
    page_j["roles"] = {{"counts", counts}, {"cells", cells}};
}

int run_info(const InfoOptions& opt) {
    auto read = importers::read_drawio_file(opt.input);
    if (!read) return report_error(read.error());
    const auto& doc = read->document;
    nlohmann::json j;
    j["file"] = opt.input;
    j["form"] = form_name(doc.form);
    j["container"] = container_name(doc.container);
    for (const auto& a : doc.file)
        if (a.name == "version" || a.name == "host") j[a.name] = a.value;
    j["pages"] = nlohmann::json::array();
    for (std::size_t i = 0; i < doc.pages.size(); ++i) {
        j["pages"].push_back(page_json(doc.pages[i], i));
        add_journey(j["pages"].back(), doc.pages[i]);
        if (opt.roles) add_roles(j["pages"].back(), doc.pages[i]);
    }
    j["warnings"] = nlohmann::json::array();
    for (const auto& d : read->diagnostics) j["warnings"].push_back(d.to_string());
    if (doc.form == diagram::DocumentForm::library) j["library_bytes"] = doc.library_json.size();

    if (opt.format == "json") {
        std::cout << j.dump(2) << "\n";
        return exit_ok;
    }
    std::cout << opt.input << ": " << j["form"].get<std::string>() << " in "
              << j["container"].get<std::string>();
    if (j.contains("version")) std::cout << ", draw.io " << j["version"].get<std::string>();
    std::cout << ", " << doc.pages.size() << " page(s)\n";
    if (doc.form == diagram::DocumentForm::library)
        std::cout << "  shape library, " << doc.library_json.size() << " bytes of JSON\n";
    for (const auto& p : j["pages"]) {
        std::cout << "  page " << p["index"] << " '" << p["name"].get<std::string>() << "' (id "
                  << p["id"].get<std::string>() << (p["compressed"].get<bool>() ? ", compressed" : ", plain")
                  << "): " << p["vertices"] << " vertices, " << p["edges"] << " edges, " << p["layers"].size()
                  << " layer(s), " << p["containers"].size() << " container(s)";
        if (p["edges_with_loose_end"].get<int>() > 0)
            std::cout << ", " << p["edges_with_loose_end"] << " edge(s) with a loose end";
        std::cout << "\n";
        if (p.contains("journey"))
            std::cout << "    journey map '" << p["journey"]["title"].get<std::string>() << "' ("
                      << p["journey"]["kind"].get<std::string>() << "): " << p["journey"]["stages"].size()
                      << " stages, " << p["journey"]["lanes"].size() << " lanes, "
                      << p["journey"]["steps"].size() << " steps, " << p["journey"]["transitions"].size()
                      << " transitions\n";
        for (const auto& l : p["layers"])
            std::cout << "    layer '" << l["name"].get<std::string>() << "' (" << l["id"].get<std::string>()
                      << ")" << (l["visible"].get<bool>() ? "" : " hidden") << "\n";
        for (const auto& c : p["containers"])
            std::cout << "    " << c["kind"].get<std::string>() << " '" << c["label"].get<std::string>()
                      << "' (" << c["id"].get<std::string>() << "): " << c["children"] << " children\n";
        if (p.contains("roles")) {
            std::cout << "    roles:";
            for (const auto& [role, count] : p["roles"]["counts"].items())
                std::cout << " " << role << " " << count;
            std::cout << "\n";
            for (const auto& c : p["roles"]["cells"]) {
                std::cout << "    " << c["id"].get<std::string>() << ": " << c["role"].get<std::string>();
                if (c.contains("host")) std::cout << " of " << c["host"].get<std::string>();
                std::cout << " [" << c["rule"].get<std::string>() << "]";
                if (!c["label"].get<std::string>().empty()) {
                    std::string label = c["label"].get<std::string>();
                    if (label.size() > 60) label = label.substr(0, 57) + "...";
                    std::cout << " '" << label << "'";
                }
                std::cout << "\n";
            }
        }
        for (const auto& u : p["unresolved_references"])
            std::cout << "    unresolved: cell '" << u["cell"].get<std::string>() << "' "
                      << u["field"].get<std::string>() << " -> '" << u["id"].get<std::string>() << "'\n";
    }
    for (const auto& d : read->diagnostics) std::cerr << d.to_string() << "\n";
    return exit_ok;
}

}  // namespace

void setup_info(CLI::App& app, Action& action) {
    auto opt = std::make_shared<InfoOptions>();
    auto* cmd =
        app.add_subcommand("info", "Summarise a draw.io file: pages, layers, cells, references, warnings");
    cmd->add_option("file", opt->input,
                    "draw.io file (.drawio, .xml, .dio, .drawio.svg, .drawio.png), or - for stdin")
        ->required();
    cmd->add_option("--format", opt->format, "text or json")->check(CLI::IsMember({"text", "json"}));
    cmd->add_flag(
        "--roles", opt->roles,
        "list every cell's role (node, connector, decoration, region, lane, title, journey step ...) "
        "and the rule that decided it");
    cmd->callback([opt, &action] { action = [opt] { return run_info(*opt); }; });
}

}  // namespace jstudio::cli
