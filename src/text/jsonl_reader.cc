#include "text/jsonl_reader.h"

#include <exception>
#include <nlohmann/json.hpp>
#include <string>

#include "text/published_date.h"
#include "text/report_builder.h"
#include "text/text_normalize.h"
#include "text/utf8_check.h"

namespace sitrep {

namespace {

using Json = nlohmann::json;

std::string_view JsonTypeName(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::boolean:
      return "a boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "a number";
    case Json::value_t::string:
      return "a string";
    case Json::value_t::array:
      return "an array";
    case Json::value_t::object:
      return "an object";
    default:
      return "another JSON type";
  }
}

// Thrown by the depth guard to abandon a parse; never leaves this file.
struct TooDeep {};

// Parses one record line. nlohmann-json throws; everything is caught here.
Result<Json> ParseRecord(std::string_view line, const std::string& where) {
  try {
    Json::parser_callback_t guard = [](int depth, Json::parse_event_t event, Json&) {
      if ((event == Json::parse_event_t::object_start ||
           event == Json::parse_event_t::array_start) &&
          static_cast<size_t>(depth) >= kMaxJsonDepth) {
        throw TooDeep{};
      }
      return true;
    };
    return Json::parse(line.begin(), line.end(), guard);
  } catch (const TooDeep&) {
    return Status(ErrorKind::kInvalidInput,
                  "JSON nested deeper than " + std::to_string(kMaxJsonDepth) +
                      " levels; a report record is one flat object",
                  where);
  } catch (const Json::parse_error& e) {
    return Status(ErrorKind::kInvalidInput,
                  "not JSON (column " + std::to_string(e.byte) + "): " + e.what(), where);
  } catch (const std::exception& e) {
    return Status(ErrorKind::kInvalidInput, std::string("not JSON: ") + e.what(), where);
  }
}

// The value of `field` in `object`, or null when it is absent. (The object's
// own map is searched: nlohmann's iterators trip -Wnull-dereference.)
const Json* Field(const Json::object_t& object, const char* field) {
  auto it = object.find(field);
  return it == object.end() || it->second.is_null() ? nullptr : &it->second;
}

// Reads an optional string field into `out`; error names the field.
Status StringField(const Json::object_t& record, const char* field, const std::string& where,
                   std::string* out) {
  const Json* value = Field(record, field);
  if (value == nullptr) return Status::Ok();
  if (!value->is_string()) {
    return Status(ErrorKind::kInvalidInput,
                  std::string("field \"") + field + "\" must be a string, not " +
                      std::string(JsonTypeName(*value)),
                  where);
  }
  *out = value->get_ref<const std::string&>();
  return Status::Ok();
}

Result<Report> RecordToReport(const Json& json, const std::string& where,
                              const ReaderOptions& options) {
  if (!json.is_object()) {
    return Status(ErrorKind::kInvalidInput,
                  "a record must be a JSON object, not " + std::string(JsonTypeName(json)), where);
  }
  const Json::object_t& record = json.get_ref<const Json::object_t&>();
  Report report;
  std::string published;
  SITREP_RETURN_IF_ERROR(StringField(record, "url", where, &report.url));
  SITREP_RETURN_IF_ERROR(StringField(record, "outlet", where, &report.outlet));
  SITREP_RETURN_IF_ERROR(StringField(record, "published", where, &published));
  SITREP_RETURN_IF_ERROR(StringField(record, "title", where, &report.title));
  SITREP_RETURN_IF_ERROR(StringField(record, "language", where, &report.language));
  std::string text;
  SITREP_RETURN_IF_ERROR(StringField(record, "text", where, &text));
  if (report.language.empty()) report.language = "en";
  if (Field(record, "text") == nullptr) {
    return Status(ErrorKind::kInvalidInput, "field \"text\" is missing", where);
  }
  if (IsBlank(text)) {
    return Status(ErrorKind::kEmptyInput, "field \"text\" is empty", where);
  }
  if (!published.empty()) {
    Result<Date> date = ParsePublishedDate(published);
    if (!date.ok()) {
      return Status(ErrorKind::kBadDate,
                    "field \"published\" (\"" + published + "\"): " + date.status().message(),
                    where);
    }
    report.published = *date;
  }
  report.text = NormalizeDocument(text);
  report.title = std::string(TrimWhitespace(NormalizeDocument(report.title)));
  return FinishReport(std::move(report), options, where);
}

}  // namespace

void ReadJsonLines(std::string_view bytes, std::string_view origin, const ReaderOptions& options,
                   const ReportSink& sink) {
  Status check = CheckText(bytes, origin);
  if (check.kind() == ErrorKind::kEmptyInput || check.kind() == ErrorKind::kBinaryInput) {
    return sink(check);
  }
  const size_t bom = ByteOrderMarkLength(bytes);
  size_t pos = bom;
  size_t line_number = 0;
  while (pos < bytes.size()) {
    ++line_number;
    size_t eol = bytes.find('\n', pos);
    if (eol == std::string_view::npos) eol = bytes.size();
    std::string_view line = bytes.substr(pos, eol - pos);
    const size_t line_start = pos;
    pos = eol + 1;
    if (IsBlank(line)) continue;
    const std::string where = std::string(origin) + ":" + std::to_string(line_number);
    if (line.size() > options.max_record_bytes) {
      sink(Status(ErrorKind::kTooLarge,
                  "record of " + std::to_string(line.size()) + " bytes is over the limit of " +
                      std::to_string(options.max_record_bytes) + " bytes (max_record_bytes)",
                  where));
      continue;
    }
    if (auto bad = FindInvalidUtf8(line)) {
      sink(Status(ErrorKind::kInvalidUtf8,
                  "invalid UTF-8 at byte offset " + std::to_string(line_start + *bad) +
                      " of the file (column " + std::to_string(*bad + 1) + ")",
                  where));
      continue;
    }
    Result<Json> record = ParseRecord(line, where);
    if (!record.ok()) {
      sink(record.status());
      continue;
    }
    sink(RecordToReport(*record, where, options));
  }
}

}  // namespace sitrep
