#include "sitrep/ingest.h"

#include <chrono>
#include <utility>

namespace sitrep {

Pipeline::Pipeline(const Coder* coder, const Gazetteer* gazetteer, Picture* picture)
    : coder_(coder), resolver_(gazetteer), picture_(picture) {}

CodedReport Pipeline::CodeOnly(const Report& report) const {
  CodedReport coded = coder_->Code(report);
  resolver_.Resolve(report, &coded);
  return coded;
}

Result<IngestResult> Pipeline::IngestReport(const Report& report) {
  if (!report.published.IsValid()) {
    return Status(ErrorKind::kMissingDate,
                  "report has no publication date, so relative dates cannot be resolved; "
                  "give one with --published YYYY-MM-DD",
                  report.origin);
  }
  if (report.text.empty()) {
    return Status(ErrorKind::kEmptyInput, "report has no text", report.origin);
  }
  CodedReport coded = CodeOnly(report);
  auto result = picture_->Ingest(report, coded);
  if (!result.ok()) return result.status().WithContext(report.origin);
  return result;
}

BatchSummary Pipeline::IngestPath(const std::string& path, const ReaderOptions& options,
                                  const ProgressFn& progress, const StoredFn& stored,
                                  const FileSystem* fs) {
  BatchSummary summary;
  const auto started = std::chrono::steady_clock::now();

  // Total bytes, for the progress bar: the file, or every file of a folder.
  size_t total = 0;
  if (progress && path != "-") {
    if (fs->IsDirectory(path)) {
      if (auto files = fs->ListFiles(path); files.ok()) {
        for (const auto& f : *files) {
          if (auto size = fs->FileSize(f); size.ok()) total += *size;
        }
      }
    } else if (auto size = fs->FileSize(path); size.ok()) {
      total = *size;
    }
  }
  size_t done = 0;

  auto sink = [&](Result<Report> item) {
    ++summary.reports_read;
    if (!item.ok()) {
      ++summary.refused;
      summary.errors.push_back(item.status());
    } else {
      done += item->text.size();
      auto result = IngestReport(*item);
      if (!result.ok()) {
        ++summary.refused;
        summary.errors.push_back(result.status());
      } else {
        if (result->duplicate) {
          ++summary.duplicates;
        } else {
          ++summary.reports_new;
          summary.events_new += result->events_new;
          summary.events_merged += result->events_merged;
        }
        if (stored) stored(*item, *result);
      }
    }
    if (progress) progress(summary.reports_read, done, total);
  };
  Status read = ReadReports(path, options, sink, fs);
  if (!read.ok()) {
    ++summary.refused;
    summary.errors.push_back(read);
  }
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace sitrep
