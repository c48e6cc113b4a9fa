// Picture::Summarize: a short situation report written from the picture.
// Every number in it is computed from stored control and events, and every
// figure carries the ids of the events that back it; the reports' own
// figures are quoted as theirs, with who gave them.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "sitrep/picture.h"

namespace sitrep {

namespace {

std::string DisplayName(const Place& p) { return p.ascii_name.empty() ? p.name : p.ascii_name; }

// "A", "A and B", "A, B and C".
std::string JoinNames(std::vector<std::string> names) {
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i > 0) out += i + 1 == names.size() ? " and " : ", ";
    out += names[i];
  }
  return out;
}

void AddEvidence(std::vector<std::string>* to, const std::vector<std::string>& ids) {
  for (const auto& id : ids) {
    if (std::find(to->begin(), to->end(), id) == to->end()) to->push_back(id);
  }
}

std::string Plural(int64_t n, std::string_view one, std::string_view many) {
  return std::to_string(n) + " " + std::string(n == 1 ? one : many);
}

std::string FormatNumber(double v) {
  if (std::floor(v) == v && std::abs(v) < 1e15) {
    std::string digits = std::to_string(static_cast<long long>(std::abs(v)));
    std::string out;
    for (size_t i = 0; i < digits.size(); ++i) {
      if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
      out += digits[i];
    }
    return v < 0 ? "-" + out : out;
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%g", v);
  return buf;
}

}  // namespace

Result<Summary> Picture::Summarize(Date as_of, int window_days) const {
  if (!as_of.IsValid()) {
    return Status(ErrorKind::kInvalidArgument, "a summary as of an unknown date", "as_of");
  }
  if (window_days < 1) {
    return Status(ErrorKind::kInvalidArgument, "a summary window is at least one day",
                  std::to_string(window_days));
  }
  Summary summary;
  summary.as_of = as_of;
  summary.window_days = window_days;
  std::vector<std::string> paragraphs;
  const std::string default_side =
      profile_.default_holder.empty() ? "" : SideOf(profile_.default_holder);

  // 1. Capitals that changed hands in the window.
  for (PlaceKind kind : {PlaceKind::kNationalCapital, PlaceKind::kProvincialCapital}) {
    ChangeQuery query;
    query.kind = kind;
    SITREP_ASSIGN_OR_RETURN(std::vector<ControlChange> changes, Changes(as_of, window_days, query));
    std::erase_if(changes, [](const ControlChange& c) { return c.status != ControlStatus::kHeld; });
    if (kind == PlaceKind::kNationalCapital && changes.empty()) continue;
    // The last change of each place, grouped by the side that took it.
    std::map<int64_t, const ControlChange*> last;
    for (const auto& c : changes) last[c.place.geonameid] = &c;
    std::map<std::string, std::vector<std::string>> by_holder;
    SummaryFigure figure;
    figure.label = std::string(kind == PlaceKind::kNationalCapital ? "national capital"
                                                                   : "provincial capitals") +
                   " that changed hands in the last " + std::to_string(window_days) + " days";
    for (const auto& [id, c] : last) {
      by_holder[c->to_holder.empty() ? "an unknown side" : c->to_holder].push_back(
          DisplayName(c->place));
      figure.places.push_back(DisplayName(c->place));
      AddEvidence(&figure.evidence, c->evidence);
    }
    std::sort(figure.places.begin(), figure.places.end());
    figure.value = static_cast<int64_t>(figure.places.size());
    std::string text;
    if (kind == PlaceKind::kNationalCapital) {
      text = "The national capital changed hands: ";
    } else if (figure.value == 0) {
      text = "No provincial capital changed hands in the " + std::to_string(window_days) +
             " days to " + as_of.ToString() + ".";
    } else {
      text = "In the " + std::to_string(window_days) + " days to " + as_of.ToString() + ", " +
             Plural(figure.value, "provincial capital", "provincial capitals") + " changed hands: ";
    }
    if (figure.value > 0) {
      std::vector<std::string> parts;
      for (auto& [holder, names] : by_holder) {
        std::sort(names.begin(), names.end());
        parts.push_back(JoinNames(names) + " to " + holder);
      }
      text += JoinNames(parts) + ".";
    }
    paragraphs.push_back(text);
    summary.figures.push_back(std::move(figure));
  }

  // Control as of the day, of every place reported.
  ControlQuery reported_query;
  reported_query.include_default = false;
  SITREP_ASSIGN_OR_RETURN(std::vector<PlaceControl> reported, ControlAsOf(as_of, reported_query));
  std::map<int64_t, const PlaceControl*> control_of;
  for (const auto& row : reported) control_of[row.place.geonameid] = &row;

  // 2. Major cities still held by the default holder.
  const Place* capital = CapitalPlace();
  if (!default_side.empty()) {
    std::vector<Place> cities = MajorCities();
    SummaryFigure held;
    held.label = "major cities still held by " + default_side;
    SummaryFigure threatened;
    threatened.label = "of them besieged or contested";
    std::vector<std::string> besieged, contested;
    for (const Place& city : cities) {
      auto it = control_of.find(city.geonameid);
      std::string holder = it == control_of.end() ? default_side : it->second->interval.holder;
      if (SideOf(holder) != default_side) continue;
      held.places.push_back(DisplayName(city));
      if (it == control_of.end()) continue;
      const ControlInterval& iv = it->second->interval;
      AddEvidence(&held.evidence, iv.evidence);
      if (iv.status == ControlStatus::kBesieged || iv.status == ControlStatus::kContested) {
        (iv.status == ControlStatus::kBesieged ? besieged : contested).push_back(DisplayName(city));
        threatened.places.push_back(DisplayName(city));
        AddEvidence(&threatened.evidence, iv.evidence);
      }
    }
    std::sort(held.places.begin(), held.places.end());
    std::sort(threatened.places.begin(), threatened.places.end());
    std::sort(besieged.begin(), besieged.end());
    std::sort(contested.begin(), contested.end());
    held.value = static_cast<int64_t>(held.places.size());
    threatened.value = static_cast<int64_t>(threatened.places.size());
    std::string text = default_side + " still holds " + std::to_string(held.value) + " of " +
                       Plural(static_cast<int64_t>(cities.size()), "major city", "major cities") +
                       " (population " +
                       FormatNumber(static_cast<double>(profile_.major_city_population)) +
                       " or more" + (capital != nullptr ? ", and the capital" : "") + ")";
    if (held.value > 0) text += ": " + JoinNames(held.places);
    if (threatened.value == 0) {
      text += held.value > 0 ? "; none of them is besieged or contested." : ".";
    } else {
      text += "; of them";
      if (!besieged.empty()) text += " besieged: " + JoinNames(besieged);
      if (!besieged.empty() && !contested.empty()) text += ";";
      if (!contested.empty()) text += " contested: " + JoinNames(contested);
      text += ".";
    }
    paragraphs.push_back(text);
    summary.figures.push_back(std::move(held));
    summary.figures.push_back(std::move(threatened));
  }

  // 3. Every place contested, besieged or claimed.
  for (ControlStatus status :
       {ControlStatus::kContested, ControlStatus::kBesieged, ControlStatus::kClaimed}) {
    SummaryFigure figure;
    figure.label = "places " + std::string(ControlStatusName(status));
    std::vector<std::string> described;
    for (const auto& row : reported) {
      const ControlInterval& iv = row.interval;
      if (iv.status != status) continue;
      figure.places.push_back(DisplayName(row.place));
      AddEvidence(&figure.evidence, iv.evidence);
      std::string d = DisplayName(row.place);
      std::vector<std::string> notes;
      if (!iv.challenger.empty()) {
        notes.push_back((status == ControlStatus::kClaimed ? "by " : "against ") + iv.challenger);
      }
      if (iv.from.IsValid()) notes.push_back("since " + iv.from.ToString());
      if (!notes.empty()) {
        d += " (";
        for (size_t i = 0; i < notes.size(); ++i) d += (i > 0 ? ", " : "") + notes[i];
        d += ")";
      }
      described.push_back(d);
    }
    figure.value = static_cast<int64_t>(figure.places.size());
    if (figure.value == 0) continue;
    std::string name(ControlStatusName(status));
    name[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(name[0])));
    paragraphs.push_back(name + ": " + JoinNames(described) + ".");
    summary.figures.push_back(std::move(figure));
  }

  // 4. The nearest place held by another side to the capital.
  if (capital != nullptr && !default_side.empty()) {
    const PlaceControl* nearest = nullptr;
    double nearest_km = 0;
    for (const auto& row : reported) {
      const std::string& holder = row.interval.holder;
      if (holder.empty() || SideOf(holder) == default_side) continue;
      if (row.place.geonameid == capital->geonameid) continue;
      double km = DistanceKm(capital->lat, capital->lon, row.place.lat, row.place.lon);
      if (nearest == nullptr || km < nearest_km) {
        nearest = &row;
        nearest_km = km;
      }
    }
    if (nearest != nullptr) {
      SummaryFigure figure;
      figure.label = "km from " + DisplayName(*capital) + " to the nearest place held by " +
                     nearest->interval.holder;
      figure.value = std::llround(nearest_km);
      figure.places.push_back(DisplayName(nearest->place));
      figure.evidence = nearest->interval.evidence;
      paragraphs.push_back("The nearest place held by " + nearest->interval.holder + " to " +
                           DisplayName(*capital) + " is " + DisplayName(nearest->place) + ", " +
                           std::to_string(figure.value) + " km away as the crow flies.");
      summary.figures.push_back(std::move(figure));
    }
  }

  // 5. The reports' own figures, as their claims.
  SITREP_ASSIGN_OR_RETURN(std::vector<Report> reports, store_->ListReports());
  std::map<std::string, const Report*> in_window;
  Date first = as_of.AddDays(1 - window_days);
  for (const auto& r : reports) {
    if (r.published.IsValid() && r.published >= first && r.published <= as_of) {
      in_window[r.id] = &r;
    }
  }
  SITREP_ASSIGN_OR_RETURN(std::vector<ReportedFigure> figures, store_->Figures(""));
  std::vector<std::string> quoted;
  for (auto& f : figures) {
    auto it = in_window.find(f.report_id);
    if (it == in_window.end()) continue;
    std::string who = !f.claimant.empty()           ? f.claimant
                      : !it->second->outlet.empty() ? it->second->outlet
                                                    : "report " + f.report_id;
    std::string what = !f.quantity.text.empty()
                           ? f.quantity.text
                           : FormatNumber(f.quantity.value) +
                                 (f.quantity.unit.empty() ? "" : " " + f.quantity.unit);
    // The subject, unless the figure's own words already say it.
    if (!f.subject.empty() && what.find(f.subject) == std::string::npos &&
        f.subject.find(what) == std::string::npos) {
      what += " (" + f.subject + ")";
    }
    quoted.push_back(what + ", according to " + who + " on " + it->second->published.ToString());
    summary.reported.push_back(std::move(f));
  }
  if (!quoted.empty()) {
    std::string text = "Figures given by the reports (their claims, not counted here): ";
    for (size_t i = 0; i < quoted.size(); ++i) text += (i > 0 ? "; " : "") + quoted[i];
    paragraphs.push_back(text + ".");
  }

  for (size_t i = 0; i < paragraphs.size(); ++i) {
    summary.text += (i > 0 ? "\n\n" : "") + paragraphs[i];
  }
  if (summary.text.empty()) {
    summary.text = "Nothing reported in the " + std::to_string(window_days) + " days to " +
                   as_of.ToString() + ".";
  }
  return summary;
}

}  // namespace sitrep
