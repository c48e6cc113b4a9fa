// Pipeline: from report bytes to the stored picture.
//
// read (text) -> code (coder) -> resolve places (places) -> merge and keep
// control (picture, one store transaction per report). Used by `sitrep
// ingest`, by `POST /api/reports`, and by tests.
//
// A report that fails anywhere is refused whole with a Status naming it;
// the batch goes on and nothing already stored is touched.
//
// Thread-safety: IngestReport() and IngestPath() must not run concurrently
// on one Pipeline (the picture serializes writers); the collaborators must
// outlive the Pipeline.
#ifndef SITREP_INGEST_H_
#define SITREP_INGEST_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "sitrep/coder.h"
#include "sitrep/gazetteer.h"
#include "sitrep/picture.h"
#include "sitrep/reader.h"
#include "sitrep/status.h"

namespace sitrep {

struct BatchSummary {
  int reports_read = 0;
  int reports_new = 0;
  int duplicates = 0;
  int refused = 0;
  int events_new = 0;
  int events_merged = 0;
  double seconds = 0;
  std::vector<Status> errors;  // one per refused report, naming it
};

// Progress: items done so far, bytes done, total bytes (0 if unknown).
using ProgressFn = std::function<void(int items, size_t bytes_done, size_t bytes_total)>;
// Called after each report is committed (or found a duplicate), in order.
using StoredFn = std::function<void(const Report& report, const IngestResult& result)>;

class Pipeline {
 public:
  // None owned; all must outlive the Pipeline.
  Pipeline(const Coder* coder, const Gazetteer* gazetteer, Picture* picture);

  // Codes one report (REQUIRES: published set) and ingests it.
  Result<IngestResult> IngestReport(const Report& report);
  // Codes without storing: what `sitrep code` prints, and tests use.
  CodedReport CodeOnly(const Report& report) const;
  // Reads every report at path (file, folder, "-") and ingests each.
  BatchSummary IngestPath(const std::string& path, const ReaderOptions& options,
                          const ProgressFn& progress = {}, const StoredFn& stored = {},
                          const FileSystem* fs = DefaultFileSystem());

 private:
  const Coder* coder_;
  PlaceResolver resolver_;
  Picture* picture_;
};

}  // namespace sitrep

#endif  // SITREP_INGEST_H_
