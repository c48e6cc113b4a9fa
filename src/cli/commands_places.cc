// sitrep place, sitrep near: the gazetteer and distances.
#include <fmt/format.h>

#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/table.h"
#include "sitrep/export.h"

namespace sitrep::cli {

namespace {

nlohmann::json PlaceJson(const Place& p) {
  return {{"geonameid", p.geonameid}, {"name", p.name},
          {"ascii_name", p.ascii_name}, {"kind", PlaceKindName(p.kind)},
          {"feature_code", p.feature_code}, {"admin1", p.admin1},
          {"country", p.country}, {"country_name", p.country_name},
          {"lat", p.lat}, {"lon", p.lon}, {"population", p.population}};
}

void PrintPlaces(const std::vector<std::pair<const Place*, double>>& rows, bool with_km,
                 const std::string& format) {
  if (format == "jsonl") {
    for (const auto& [p, km] : rows) {
      auto j = PlaceJson(*p);
      if (with_km) j["km"] = std::round(km * 10) / 10;
      std::cout << j.dump() << '\n';
    }
  } else if (format == "csv") {
    std::cout << "geonameid,name,kind,admin1,country,lat,lon,population" << (with_km ? ",km" : "")
              << '\n';
    for (const auto& [p, km] : rows) {
      std::cout << p->geonameid << ',' << CsvField(p->ascii_name) << ',' << PlaceKindName(p->kind)
                << ',' << CsvField(p->admin1) << ',' << p->country << ',' << p->lat << ','
                << p->lon << ',' << p->population;
      if (with_km) std::cout << ',' << fmt::format("{:.1f}", km);
      std::cout << '\n';
    }
  } else if (format == "geojson") {
    nlohmann::json features = nlohmann::json::array();
    for (const auto& [p, km] : rows) {
      auto props = PlaceJson(*p);
      if (with_km) props["km"] = std::round(km * 10) / 10;
      features.push_back({{"type", "Feature"},
                          {"geometry", {{"type", "Point"}, {"coordinates", {p->lon, p->lat}}}},
                          {"properties", props}});
    }
    std::cout << nlohmann::json{{"type", "FeatureCollection"}, {"features", features}}.dump()
              << '\n';
  } else {
    std::vector<std::string> headers = {"geonameid", "name", "kind", "admin1", "country",
                                        "lat", "lon", "population"};
    if (with_km) headers.emplace_back("km");
    Table t(headers);
    for (const auto& [p, km] : rows) {
      std::vector<std::string> row = {std::to_string(p->geonameid), p->name,
                                      std::string(PlaceKindName(p->kind)), p->admin1,
                                      p->country, fmt::format("{:.4f}", p->lat),
                                      fmt::format("{:.4f}", p->lon),
                                      std::to_string(p->population)};
      if (with_km) row.push_back(fmt::format("{:.1f}", km));
      t.AddRow(row);
    }
    t.Print(std::cout);
  }
}

CLI::Option* AddFormat(CLI::App* cmd, std::string* format) {
  return cmd->add_option("--format", *format, "output format")
      ->check(CLI::IsMember({"table", "jsonl", "csv", "geojson"}))
      ->capture_default_str();
}

}  // namespace

void AddPlaceCommand(CLI::App& cli, AppSlot* app, int* exit_code) {
  auto* cmd = cli.add_subcommand(
      "place", "Every gazetteer entry a name can mean, best first, with id, kind, admin-1, "
               "country, coordinates and population.");
  auto name = std::make_shared<std::string>();
  auto format = std::make_shared<std::string>("table");
  cmd->add_option("name", *name, "a place name in any common spelling, or a GeoNames id")
      ->required();
  AddFormat(cmd, format.get());
  cmd->callback([=] {
    auto gaz = app->Get().gazetteer();
    if (!gaz.ok()) return void(*exit_code = Fail(gaz.status()));
    std::vector<std::pair<const Place*, double>> rows;
    if (name->find_first_not_of("0123456789") == std::string::npos) {
      if (const Place* p = (*gaz)->Get(std::stoll(*name))) rows.emplace_back(p, 0);
    } else {
      for (const Place* p : (*gaz)->Lookup(*name)) rows.emplace_back(p, 0);
    }
    if (rows.empty()) {
      return void(*exit_code = Fail(Status(ErrorKind::kNotFound, "no place of this name", *name)));
    }
    PrintPlaces(rows, false, *format);
    *exit_code = kExitOk;
  });
}

void AddNearCommand(CLI::App& cli, AppSlot* app, int* exit_code) {
  auto* cmd = cli.add_subcommand(
      "near", "Places within a radius of a place, nearest first; or, with --held-by, the "
              "nearest place held by a side and how far it is.");
  struct Flags {
    std::string place, kind, held_by, as_of = "today", format = "table";
    double radius = 50;
  };
  auto f = std::make_shared<Flags>();
  cmd->add_option("place", f->place, "a place name or GeoNames id")->required();
  cmd->add_option("--radius", f->radius, "radius in kilometres")
      ->check(CLI::Range(0.0, 20040.0))
      ->capture_default_str();
  cmd->add_option("--kind", f->kind, "only places of this kind")
      ->check(CLI::IsMember({"national-capital", "provincial-capital", "district-seat", "city",
                             "admin1", "country"}));
  cmd->add_option("--held-by", f->held_by, "the nearest place held by this side or actor");
  cmd->add_option("--as-of", f->as_of, "date of the picture for --held-by")
      ->capture_default_str();
  AddFormat(cmd, &f->format);
  cmd->callback([=] {
    App& a = app->Get();
    auto from = a.FindPlace(f->place);
    if (!from.ok()) return void(*exit_code = Fail(from.status()));
    std::optional<PlaceKind> kind;
    if (!f->kind.empty()) kind = *ParsePlaceKind(f->kind);
    if (!f->held_by.empty()) {
      auto as_of = ParseDateArg(f->as_of, "--as-of");
      if (!as_of.ok()) return void(*exit_code = Fail(as_of.status()));
      auto picture = a.picture();
      if (!picture.ok()) return void(*exit_code = Fail(picture.status()));
      auto nearest = (*picture)->NearestHeldBy(**from, f->held_by, *as_of, kind);
      if (!nearest.ok()) return void(*exit_code = Fail(nearest.status()));
      if (!nearest->has_value()) {
        std::cout << "no place held by " << f->held_by << " as of " << as_of->ToString()
                  << "\n";
        *exit_code = kExitNotFound;
        return;
      }
      const NearestResult& n = **nearest;
      if (f->format == "table") {
        std::cout << fmt::format(
            "{} is the nearest place held by {} to {}: {:.0f} km as the crow flies "
            "({} since {}; evidence: {})\n",
            n.nearest.place.ascii_name, f->held_by, n.from.ascii_name, n.km,
            ControlStatusName(n.nearest.interval.status),
            n.nearest.interval.from.IsValid() ? n.nearest.interval.from.ToString() : "-",
            n.nearest.interval.evidence.empty() ? "-" : n.nearest.interval.evidence.front());
      } else {
        std::vector<std::pair<const Place*, double>> rows = {{&n.nearest.place, n.km}};
        PrintPlaces(rows, true, f->format);
      }
      *exit_code = kExitOk;
      return;
    }
    auto gaz = a.gazetteer();
    if (!gaz.ok()) return void(*exit_code = Fail(gaz.status()));
    std::vector<std::pair<const Place*, double>> rows;
    for (const auto& pd : (*gaz)->Within((*from)->lat, (*from)->lon, f->radius, kind)) {
      if (pd.place->geonameid != (*from)->geonameid) rows.emplace_back(pd.place, pd.km);
    }
    PrintPlaces(rows, true, f->format);
    *exit_code = kExitOk;
  });
}

}  // namespace sitrep::cli
