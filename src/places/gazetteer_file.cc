#include "places/gazetteer_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <unordered_map>

#include "places/indexed_gazetteer.h"

namespace sitrep::places {

namespace {

constexpr char kMagic[8] = {'S', 'I', 'T', 'R', 'G', 'A', 'Z', '\0'};
constexpr std::string_view kSetupHint = "; run scripts/setup.sh to build the world gazetteer";

enum Section : uint32_t {
  kStrings,
  kPlaces,
  kEntries,
  kSlots,
  kPostings,
  kVariantEntries,
  kVariantSlots,
  kVariantPostings,
  kKeys,
  kIds,
  kGridStart,
  kGridItems,
  kSectionCount,
};

struct SectionDesc {
  uint64_t offset = 0;
  uint64_t bytes = 0;
};

struct FileHeader {
  char magic[8];
  uint32_t version = 0;
  uint32_t header_size = 0;
  uint64_t file_size = 0;
  uint64_t checksum = 0;
  uint64_t place_count = 0;
  SectionDesc sections[kSectionCount];
};

struct StrRef {
  uint32_t off = 0;
  uint32_t len = 0;
};

struct PlaceRecord {
  int64_t geonameid = 0;
  double lat = 0;
  double lon = 0;
  int64_t population = 0;
  StrRef name, ascii_name, feature_code, country, country_name, admin1_code, admin1;
  uint8_t kind = 0;
  uint8_t reserved[7] = {};
};
static_assert(sizeof(PlaceRecord) == 96);

// A 64-bit checksum over 8-byte words (a multiply-rotate mix; not
// cryptographic, it detects damage and truncation).
uint64_t Checksum(const char* data, size_t n) {
  uint64_t h = 0x243F6A8885A308D3ull ^ n;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t w;
    std::memcpy(&w, data + i, 8);
    h = (h ^ w) * 0x9FB21C651E98DF25ull;
    h = (h << 27) | (h >> 37);
  }
  uint64_t tail = 0;
  std::memcpy(&tail, data + i, n - i);
  h = (h ^ tail) * 0x9FB21C651E98DF25ull;
  h ^= h >> 32;
  return h;
}

class StringPool {
 public:
  StrRef Add(const std::string& s) {
    auto it = seen_.find(s);
    if (it != seen_.end()) return it->second;
    StrRef r{static_cast<uint32_t>(blob_.size()), static_cast<uint32_t>(s.size())};
    blob_.append(s);
    seen_.emplace(s, r);
    return r;
  }
  const std::string& blob() const { return blob_; }

 private:
  std::string blob_;
  std::unordered_map<std::string, StrRef> seen_;
};

template <typename T>
std::string_view Bytes(const std::vector<T>& v) {
  return {reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T)};
}

Status IoError(const std::string& what, const std::string& path) {
  return Status(ErrorKind::kIoError, what + ": " + std::strerror(errno), path);
}

Status Corrupt(const std::string& what, const std::string& path) {
  return Status(
      ErrorKind::kCorrupt,
      "gazetteer file is damaged or not a gazetteer (" + what + ")" + std::string(kSetupHint),
      path);
}

class MappedFile final : public IndexBacking {
 public:
  MappedFile(void* base, size_t size) : base_(base), size_(size) {}
  ~MappedFile() override {
    if (base_ != nullptr) munmap(base_, size_);
  }
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;
  const char* data() const { return static_cast<const char*>(base_); }
  size_t size() const { return size_; }

 private:
  void* base_;
  size_t size_;
};

template <typename T>
bool ViewSection(const char* base, const SectionDesc& s, std::span<const T>* out) {
  if (s.bytes % sizeof(T) != 0 || s.offset % alignof(T) != 0) return false;
  *out = std::span<const T>(reinterpret_cast<const T*>(base + s.offset), s.bytes / sizeof(T));
  return true;
}

bool ValidEntries(std::span<const NameEntry> entries, std::span<const uint32_t> slots,
                  size_t postings, size_t keys, size_t places,
                  std::span<const uint32_t> posting_data) {
  if (slots.empty() || (slots.size() & (slots.size() - 1)) != 0) return false;
  if (slots.size() < entries.size()) return false;
  for (uint32_t s : slots) {
    if (s > entries.size()) return false;
  }
  for (const auto& e : entries) {
    if (uint64_t{e.key_off} + e.key_len > keys) return false;
    if (uint64_t{e.post_begin} + e.post_count > postings) return false;
  }
  for (uint32_t p : posting_data) {
    if (PostingPlace(p) >= places || (p & 7u) > 3) return false;
  }
  return true;
}

}  // namespace

std::string SerializeGazetteer(const std::vector<Place>& places, const IndexData& index) {
  StringPool pool;
  std::vector<PlaceRecord> records;
  records.reserve(places.size());
  for (const Place& p : places) {
    PlaceRecord r;
    r.geonameid = p.geonameid;
    r.lat = p.lat;
    r.lon = p.lon;
    r.population = p.population;
    r.name = pool.Add(p.name);
    r.ascii_name = pool.Add(p.ascii_name);
    r.feature_code = pool.Add(p.feature_code);
    r.country = pool.Add(p.country);
    r.country_name = pool.Add(p.country_name);
    r.admin1_code = pool.Add(p.admin1_code);
    r.admin1 = pool.Add(p.admin1);
    r.kind = static_cast<uint8_t>(p.kind);
    records.push_back(r);
  }
  std::array<std::string_view, kSectionCount> parts;
  parts[kStrings] = pool.blob();
  parts[kPlaces] = Bytes(records);
  parts[kEntries] = Bytes(index.entries);
  parts[kSlots] = Bytes(index.slots);
  parts[kPostings] = Bytes(index.postings);
  parts[kVariantEntries] = Bytes(index.variant_entries);
  parts[kVariantSlots] = Bytes(index.variant_slots);
  parts[kVariantPostings] = Bytes(index.variant_postings);
  parts[kKeys] = index.keys;
  parts[kIds] = Bytes(index.ids);
  parts[kGridStart] = Bytes(index.grid_start);
  parts[kGridItems] = Bytes(index.grid_items);

  FileHeader header;
  std::memcpy(header.magic, kMagic, sizeof(kMagic));
  header.version = kGazetteerFileVersion;
  header.header_size = sizeof(FileHeader);
  header.place_count = places.size();
  std::string out(sizeof(FileHeader), '\0');
  for (uint32_t s = 0; s < kSectionCount; ++s) {
    while (out.size() % 8 != 0) out.push_back('\0');
    header.sections[s] = {out.size(), parts[s].size()};
    out.append(parts[s]);
  }
  while (out.size() % 8 != 0) out.push_back('\0');
  header.file_size = out.size();
  header.checksum = Checksum(out.data() + sizeof(FileHeader), out.size() - sizeof(FileHeader));
  std::memcpy(out.data(), &header, sizeof(header));
  return out;
}

Status WriteGazetteerFile(const std::vector<Place>& places, const IndexData& index,
                          const std::string& out_path) {
  std::string bytes = SerializeGazetteer(places, index);
  std::string tmp = out_path + ".tmp." + std::to_string(getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return IoError("cannot create gazetteer file", tmp);
  size_t done = 0;
  while (done < bytes.size()) {
    ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      Status s = IoError("cannot write gazetteer file", tmp);
      ::close(fd);
      ::unlink(tmp.c_str());
      return s;
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    Status s = IoError("cannot write gazetteer file", tmp);
    ::unlink(tmp.c_str());
    return s;
  }
  if (std::rename(tmp.c_str(), out_path.c_str()) != 0) {
    Status s = IoError("cannot move gazetteer file into place", out_path);
    ::unlink(tmp.c_str());
    return s;
  }
  return Status::Ok();
}

Result<std::unique_ptr<Gazetteer>> OpenGazetteerFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (errno == ENOENT) {
      return Status(ErrorKind::kNotFound, "no gazetteer file" + std::string(kSetupHint), path);
    }
    return IoError("cannot open gazetteer file", path);
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    Status s = IoError("cannot stat gazetteer file", path);
    ::close(fd);
    return s;
  }
  auto size = static_cast<size_t>(st.st_size);
  if (size < sizeof(FileHeader)) {
    ::close(fd);
    return Corrupt("too short", path);
  }
  void* base = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (base == MAP_FAILED) return IoError("cannot map gazetteer file", path);
  auto mapped = std::make_unique<MappedFile>(base, size);
  const char* data = mapped->data();

  FileHeader h;
  std::memcpy(&h, data, sizeof(h));
  if (std::memcmp(h.magic, kMagic, sizeof(kMagic)) != 0) return Corrupt("bad magic", path);
  if (h.version != kGazetteerFileVersion) {
    return Corrupt("version " + std::to_string(h.version) + ", expected " +
                       std::to_string(kGazetteerFileVersion),
                   path);
  }
  if (h.header_size != sizeof(FileHeader) || h.file_size != size) return Corrupt("size", path);
  for (const auto& s : h.sections) {
    if (s.offset < sizeof(FileHeader) || s.offset > size || s.bytes > size - s.offset) {
      return Corrupt("section out of bounds", path);
    }
  }
  ::madvise(base, size, MADV_SEQUENTIAL);
  if (Checksum(data + sizeof(FileHeader), size - sizeof(FileHeader)) != h.checksum) {
    return Corrupt("checksum mismatch", path);
  }
  ::madvise(base, size, MADV_RANDOM);

  std::span<const PlaceRecord> records;
  IndexView v;
  bool ok = ViewSection(data, h.sections[kPlaces], &records) &&
            ViewSection(data, h.sections[kEntries], &v.entries) &&
            ViewSection(data, h.sections[kSlots], &v.slots) &&
            ViewSection(data, h.sections[kPostings], &v.postings) &&
            ViewSection(data, h.sections[kVariantEntries], &v.variant_entries) &&
            ViewSection(data, h.sections[kVariantSlots], &v.variant_slots) &&
            ViewSection(data, h.sections[kVariantPostings], &v.variant_postings) &&
            ViewSection(data, h.sections[kIds], &v.ids) &&
            ViewSection(data, h.sections[kGridStart], &v.grid_start) &&
            ViewSection(data, h.sections[kGridItems], &v.grid_items);
  if (!ok || records.size() != h.place_count || records.size() >= kMaxPlaces) {
    return Corrupt("section sizes", path);
  }
  v.keys = std::string_view(data + h.sections[kKeys].offset, h.sections[kKeys].bytes);
  std::string_view strings(data + h.sections[kStrings].offset, h.sections[kStrings].bytes);
  const size_t n = records.size();
  if (!ValidEntries(v.entries, v.slots, v.postings.size(), v.keys.size(), n, v.postings) ||
      !ValidEntries(v.variant_entries, v.variant_slots, v.variant_postings.size(), v.keys.size(), n,
                    v.variant_postings)) {
    return Corrupt("name index", path);
  }
  if (v.ids.size() != n || v.grid_start.size() != kGridCells + 1 || v.grid_items.size() != n ||
      v.grid_start.back() != n) {
    return Corrupt("id or grid tables", path);
  }
  for (size_t i = 0; i < v.ids.size(); ++i) {
    if (v.ids[i].place >= n || (i > 0 && v.ids[i - 1].id >= v.ids[i].id)) {
      return Corrupt("id table", path);
    }
  }
  for (size_t c = 0; c < kGridCells; ++c) {
    if (v.grid_start[c] > v.grid_start[c + 1]) return Corrupt("grid", path);
  }
  for (uint32_t item : v.grid_items) {
    if (item >= n) return Corrupt("grid", path);
  }

  std::vector<Place> places(n);
  auto str = [&](StrRef r, std::string* out) {
    if (uint64_t{r.off} + r.len > strings.size()) return false;
    out->assign(strings.data() + r.off, r.len);
    return true;
  };
  for (size_t i = 0; i < n; ++i) {
    const PlaceRecord& r = records[i];
    Place& p = places[i];
    p.geonameid = r.geonameid;
    p.lat = r.lat;
    p.lon = r.lon;
    p.population = r.population;
    if (r.kind > static_cast<uint8_t>(PlaceKind::kCountry)) return Corrupt("place kind", path);
    p.kind = static_cast<PlaceKind>(r.kind);
    if (!str(r.name, &p.name) || !str(r.ascii_name, &p.ascii_name) ||
        !str(r.feature_code, &p.feature_code) || !str(r.country, &p.country) ||
        !str(r.country_name, &p.country_name) || !str(r.admin1_code, &p.admin1_code) ||
        !str(r.admin1, &p.admin1)) {
      return Corrupt("place strings", path);
    }
  }
  std::unique_ptr<Gazetteer> g =
      std::make_unique<IndexedGazetteer>(std::move(places), v, std::move(mapped));
  return g;
}

}  // namespace sitrep::places

namespace sitrep {

Result<std::unique_ptr<Gazetteer>> OpenGazetteer(const std::string& path) {
  return places::OpenGazetteerFile(path);
}

std::string DefaultGazetteerPath() {
  if (const char* env = std::getenv("SITREP_GAZETTEER"); env != nullptr && *env != '\0') {
    return env;
  }
  return SITREP_GAZETTEER_FILE;
}

}  // namespace sitrep
