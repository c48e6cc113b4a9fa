#include <algorithm>
#include <chrono>
#include <utility>

#include "sitrep/ingest.h"

namespace sitrep {

Pipeline::Pipeline(const Coder* coder, const Gazetteer* gazetteer, Picture* picture,
                   PipelineOptions options)
    : coder_(coder), resolver_(gazetteer), picture_(picture), options_(options) {}

CodedReport Pipeline::CodeOnly(const Report& report) const {
  CodedReport coded = coder_->Code(report);
  resolver_.Resolve(report, &coded);
  return coded;
}

Result<CodedReport> Pipeline::Prepare(const Report& report) const {
  if (!report.published.IsValid()) {
    return Status(ErrorKind::kMissingDate,
                  "report has no publication date, so relative dates cannot be resolved; "
                  "give one with --published YYYY-MM-DD",
                  report.origin);
  }
  if (report.text.empty()) {
    return Status(ErrorKind::kEmptyInput, "report has no text", report.origin);
  }
  return CodeOnly(report);
}

Result<IngestResult> Pipeline::IngestReport(const Report& report) {
  SITREP_ASSIGN_OR_RETURN(CodedReport coded, Prepare(report));
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

  const size_t batch_reports = std::max<size_t>(1, options_.batch_reports);
  struct Pending {
    Report report;
    CodedReport coded;
  };
  std::vector<Pending> batch;
  size_t batch_bytes = 0;

  auto count = [&](const Report& report, const Result<IngestResult>& result) {
    if (!result.ok()) {
      ++summary.refused;
      summary.errors.push_back(result.status());
      return;
    }
    if (result->duplicate) {
      ++summary.duplicates;
    } else {
      ++summary.reports_new;
      summary.events_new += result->events_new;
      summary.events_merged += result->events_merged;
    }
    if (stored) stored(report, *result);
  };
  auto flush = [&] {
    if (batch.empty()) return;
    std::vector<ReportToIngest> items;
    items.reserve(batch.size());
    for (const auto& p : batch) items.push_back(ReportToIngest{&p.report, &p.coded});
    auto results = picture_->IngestBatch(items);
    for (size_t i = 0; i < batch.size(); ++i) {
      if (results.ok()) {
        count(batch[i].report, (*results)[i]);
      } else if (batch.size() == 1) {
        count(batch[i].report, results.status().WithContext(batch[i].report.origin));
      } else {
        // The batch is rolled back whole: store its reports one by one, so
        // that only the one at fault is refused.
        auto one = picture_->Ingest(batch[i].report, batch[i].coded);
        count(batch[i].report,
              one.ok() ? one
                       : Result<IngestResult>(one.status().WithContext(batch[i].report.origin)));
      }
    }
    batch.clear();
    batch_bytes = 0;
  };

  auto sink = [&](Result<Report> item) {
    ++summary.reports_read;
    if (!item.ok()) {
      ++summary.refused;
      summary.errors.push_back(item.status());
    } else {
      done += item->text.size();
      Result<CodedReport> coded = Prepare(*item);
      if (!coded.ok()) {
        ++summary.refused;
        summary.errors.push_back(coded.status());
      } else {
        batch_bytes += item->text.size();
        batch.push_back(Pending{std::move(*item), std::move(*coded)});
        if (batch.size() >= batch_reports || batch_bytes >= options_.batch_bytes) flush();
      }
    }
    if (progress) progress(summary.reports_read, done, total);
  };
  Status read = ReadReports(path, options, sink, fs);
  flush();
  if (!read.ok()) {
    ++summary.refused;
    summary.errors.push_back(read);
  }
  summary.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  return summary;
}

}  // namespace sitrep
