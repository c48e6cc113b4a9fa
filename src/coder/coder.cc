// The public Coder: loads the dictionaries and wraps CoderCore.
#include "sitrep/coder.h"

#include <exception>

#include "coder/coder_core.h"
#include "coder/dictionary.h"

namespace sitrep {

namespace {

class DictionaryCoder final : public Coder {
 public:
  explicit DictionaryCoder(std::unique_ptr<coder::CoderCore> core) : core_(std::move(core)) {}
  CodedReport Code(const Report& report) const override {
    try {
      return core_->Code(report);
    } catch (const std::exception&) {
      // Allocation failure is the only thing that can throw here; a report
      // that cannot be coded yields nothing rather than escaping the module.
      return CodedReport();
    }
  }
  const ActionInfo* Action(std::string_view cameo) const override { return core_->Action(cameo); }

 private:
  std::unique_ptr<coder::CoderCore> core_;
};

}  // namespace

Result<std::unique_ptr<Coder>> Coder::Create(const CoderOptions& options) {
  try {
    coder::DictionarySource src;
    std::vector<std::string> dirs = options.dict_dirs;
    if (dirs.empty()) dirs.push_back(DefaultDataDir() + "/dict");
    for (const auto& dir : dirs) SITREP_RETURN_IF_ERROR(coder::LoadDictionaryDir(dir, &src));
    SITREP_ASSIGN_OR_RETURN(auto dict, coder::Dictionary::Compile(std::move(src)));
    coder::CoreOptions core_options;
    core_options.max_sentence_bytes = options.max_sentence_bytes;
    auto core = std::make_unique<coder::CoderCore>(std::move(dict), options.lexicon, core_options);
    return std::unique_ptr<Coder>(std::make_unique<DictionaryCoder>(std::move(core)));
  } catch (const std::exception& e) {
    return Status(ErrorKind::kInternal, std::string("coder setup failed: ") + e.what());
  }
}

}  // namespace sitrep
