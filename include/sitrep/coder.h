// Coder: turns a report's text into coded events.
//
// For each sentence it finds who did what to whom, where and when, and
// according to whom: actors and actions from dictionary files (data/dict,
// format in docs/dictionaries.md), dates resolved against the report's
// publication date, modality (negated, hypothetical and future acts are not
// events) and attribution (reported / attributed / claimed / denied).
//
// The coder fills PlaceRef::text (and a kind hint: kAdmin1 for "X province",
// precision kFacility with PlaceRef::facility for "the police headquarters in
// X") but does not resolve places: that is the places layer's job
// (PlaceResolver). Names come from an optional NameLexicon.
//
// Thread-safety: a Coder is immutable after Create; Code() may be called
// concurrently from many threads.
#ifndef SITREP_CODER_H_
#define SITREP_CODER_H_

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "sitrep/lexicon.h"
#include "sitrep/model.h"
#include "sitrep/paths.h"
#include "sitrep/status.h"

namespace sitrep {

struct CoderOptions {
  // Dictionary folders, loaded in order; later entries extend or override
  // earlier ones. Empty = the built-in default (DefaultDataDir() + "/dict").
  std::vector<std::string> dict_dirs;
  // Not owned; may be null (then capitalized word runs are taken as
  // candidate names). Must outlive the Coder.
  const NameLexicon* lexicon = nullptr;
  // A sentence longer than this is split at the limit, not coded whole.
  size_t max_sentence_bytes = 4096;
};

// The action dictionary's facts about one CAMEO code.
struct ActionInfo {
  std::string cameo;          // "192"
  std::string label;          // "occupy territory"
  std::string plover;         // "OCCUPY"
  std::string plover_mode;
  std::string acled_type;     // "Strategic developments"
  std::string acled_subtype;  // "Non-violent transfer of territory"
  ControlEffect effect = ControlEffect::kNone;
};

class Coder {
 public:
  virtual ~Coder() = default;
  // Loads the dictionaries; a syntax error names the file and line.
  static Result<std::unique_ptr<Coder>> Create(const CoderOptions& options);

  // REQUIRES: report.published.IsValid().
  // Every returned event has exactly one source: this report's sentence.
  virtual CodedReport Code(const Report& report) const = 0;

  // nullptr if the code is not in the action dictionary.
  virtual const ActionInfo* Action(std::string_view cameo) const = 0;
};

}  // namespace sitrep

#endif  // SITREP_CODER_H_
