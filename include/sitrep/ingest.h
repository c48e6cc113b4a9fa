// Pipeline: from report bytes to the stored picture.
//
// read (text) -> code (coder) -> resolve places (places) -> merge and keep
// control (picture). Used by `sitrep ingest`, by `POST /api/reports`, and by
// tests.
//
// IngestReport() stores one report in one store transaction. IngestPath()
// stores the reports of files, folders and stdin in batches (PipelineOptions), one
// transaction a batch, so that a place named in many reports has its control
// recomputed once a batch rather than once a report; the stored picture is
// the same either way. A report is acknowledged (StoredFn) only once its
// batch is committed.
//
// A report that fails anywhere is refused whole with a Status naming it;
// the batch goes on and nothing already stored is touched. (Should a batch's
// transaction fail, its reports are stored again one by one, so that only
// the report at fault is refused.)
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

struct PipelineOptions {
  // Reports stored in one transaction at the most (1 = a transaction per
  // report). Larger batches recompute a busy place's control less often;
  // a report is acknowledged only when its batch commits.
  size_t batch_reports = 64;
  // A batch is also closed once its reports' text comes to this many bytes.
  size_t batch_bytes = size_t{4} << 20;
};

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
  Pipeline(const Coder* coder, const Gazetteer* gazetteer, Picture* picture,
           PipelineOptions options = {});

  // Codes one report (REQUIRES: published set) and ingests it.
  Result<IngestResult> IngestReport(const Report& report);
  // Codes without storing: what `sitrep code` prints, and tests use.
  CodedReport CodeOnly(const Report& report) const;
  // Reads every report at path (file, folder, "-") and ingests each.
  BatchSummary IngestPath(const std::string& path, const ReaderOptions& options,
                          const ProgressFn& progress = {}, const StoredFn& stored = {},
                          const FileSystem* fs = DefaultFileSystem());

 private:
  // Checks what a report must have to be stored, then codes it.
  Result<CodedReport> Prepare(const Report& report) const;

  const Coder* coder_;
  PlaceResolver resolver_;
  Picture* picture_;
  PipelineOptions options_;
};

}  // namespace sitrep

#endif  // SITREP_INGEST_H_
