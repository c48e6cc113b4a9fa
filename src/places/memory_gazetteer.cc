// MakeMemoryGazetteer: the index built in memory over a caller's places.
#include <unordered_map>

#include "places/fold.h"
#include "places/indexed_gazetteer.h"
#include "places/name_index.h"

namespace sitrep {

namespace {

class OwnedIndex final : public places::IndexBacking {
 public:
  explicit OwnedIndex(places::IndexData data) : data_(std::move(data)) {}
  const places::IndexData& data() const { return data_; }

 private:
  places::IndexData data_;
};

}  // namespace

std::unique_ptr<Gazetteer> MakeMemoryGazetteer(std::vector<Place> places,
                                               std::vector<std::pair<std::string, int64_t>> aliases,
                                               const LexiconExtras& extras) {
  places::IndexInput input;
  std::unordered_map<int64_t, uint32_t> by_id;
  for (size_t i = 0; i < places.size(); ++i) {
    auto idx = static_cast<uint32_t>(i);
    const Place& p = places[i];
    by_id.try_emplace(p.geonameid, idx);
    if (p.kind == PlaceKind::kAdmin1) {
      places::AppendAdminNameForms(p.name, idx, &input.names);
      if (p.ascii_name != p.name) places::AppendAdminNameForms(p.ascii_name, idx, &input.names);
    } else {
      input.names.push_back({FoldName(p.name), idx, places::NameOrigin::kPrimary});
      input.names.push_back({FoldName(p.ascii_name), idx, places::NameOrigin::kPrimary});
    }
  }
  for (const auto& [name, id] : aliases) {
    auto it = by_id.find(id);
    if (it == by_id.end()) continue;
    input.names.push_back({FoldName(name), it->second, places::NameOrigin::kAlias});
  }
  for (const auto& [word, country] : extras.demonyms) {
    input.demonyms.push_back({FoldName(word), country});
  }
  for (const auto& w : extras.stop_names) input.stop_names.push_back(FoldName(w));

  auto owned = std::make_unique<OwnedIndex>(places::BuildNameIndex(places, input));
  places::IndexView view = places::IndexView::Of(owned->data());
  return std::make_unique<places::IndexedGazetteer>(std::move(places), view, std::move(owned));
}

std::unique_ptr<Gazetteer> MakeMemoryGazetteer(
    std::vector<Place> places, std::vector<std::pair<std::string, int64_t>> aliases) {
  return MakeMemoryGazetteer(std::move(places), std::move(aliases), LexiconExtras{});
}

}  // namespace sitrep
