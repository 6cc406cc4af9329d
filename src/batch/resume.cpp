// Reading back an earlier output of batch, to go on where it stopped (batch.h, part 4).
#include <istream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clause_scan/batch.h"
#include "clause_scan/report.h"

namespace clause_scan {
namespace {

// The file and, for an error record, the batch kind of one record.
struct RecordKey {
  std::string file;
  std::optional<std::string> error_kind;
};

// Splits one CSV record (RFC 4180, without its line end) into fields; nullopt when a quote
// is left open or a quoted field is followed by anything but a comma.
std::optional<std::vector<std::string>> parse_csv_record(std::string_view record) {
  std::vector<std::string> fields(1);
  std::size_t i = 0;
  while (i < record.size()) {
    if (record[i] == ',') {
      fields.emplace_back();
      ++i;
    } else if (record[i] == '"' && fields.back().empty()) {
      for (++i;; ++i) {
        if (i >= record.size()) return std::nullopt;
        if (record[i] == '"' && (i + 1 >= record.size() || record[i + 1] != '"')) break;
        if (record[i] == '"') ++i;
        fields.back() += record[i];
      }
      ++i;  // the closing quote
      if (i < record.size() && record[i] != ',') return std::nullopt;
    } else {
      fields.back() += record[i++];
    }
  }
  return fields;
}

std::optional<RecordKey> csv_key(std::string_view record) {
  if (record.size() < 2 || record.substr(record.size() - 2) != "\r\n") return std::nullopt;
  std::optional<std::vector<std::string>> fields =
      parse_csv_record(record.substr(0, record.size() - 2));
  if (!fields || fields->size() != csv_columns().size()) return std::nullopt;
  RecordKey key{fields->front(), std::nullopt};
  const std::string& kind = (*fields)[fields->size() - 2];
  if (!kind.empty()) key.error_kind = kind;
  return key;
}

std::optional<RecordKey> jsonl_key(std::string_view record) {
  if (record.empty() || record.back() != '\n') return std::nullopt;
  Json json = Json::parse(record, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("file") || !json["file"].is_string()) return std::nullopt;
  const Json& schema = json.value("schema", Json());
  if (schema == kSummarySchema) return RecordKey{json["file"].get<std::string>(), std::nullopt};
  if (schema != kErrorSchema || !json.contains("kind") || !json["kind"].is_string()) {
    return std::nullopt;
  }
  return RecordKey{json["file"].get<std::string>(), json["kind"].get<std::string>()};
}

// The next record with its line end: a line, or for CSV as many lines as it takes to close
// every quote. Empty at the end of the input; a torn record comes without its line end.
std::string next_record(std::istream& in, BatchFormat format) {
  std::string record;
  std::string line;
  std::size_t quotes = 0;
  while (std::getline(in, line)) {
    record += line;
    if (in.eof()) break;  // no line end: torn
    record += '\n';
    for (char c : line) quotes += c == '"';
    if (format == BatchFormat::jsonl || quotes % 2 == 0) break;
  }
  return record;
}

// Reads the header of a CSV output; false when the bytes are not writer.header().
Result<std::uintmax_t> read_header(std::istream& in, const RecordWriter& writer) {
  const std::string expected = writer.header();
  std::string actual(expected.size(), '\0');
  in.read(actual.data(), static_cast<std::streamsize>(expected.size()));
  actual.resize(static_cast<std::size_t>(in.gcount()));
  if (actual == expected) return expected.size();
  if (expected.compare(0, actual.size(), actual) == 0) return std::uintmax_t{0};  // torn
  return Error{ErrorKind::usage, "", "the header is not that of a batch CSV output"};
}

}  // namespace

Result<ResumeScan> scan_existing_output(std::istream& existing, const RecordWriter& writer,
                                        const std::vector<InputFile>& inputs) {
  const BatchFormat format = writer.format();
  ResumeScan scan;
  if (format == BatchFormat::csv) {
    Result<std::uintmax_t> header = read_header(existing, writer);
    if (!header.ok()) return header.error();
    if (header.value() == 0) return scan;
    scan.keep_offset = header.value();
  }
  for (std::size_t index = 0; index < inputs.size(); ++index) {
    const std::string record = next_record(existing, format);
    if (record.empty()) break;
    std::optional<RecordKey> key = format == BatchFormat::csv ? csv_key(record) : jsonl_key(record);
    if (!key && index == 0 && format == BatchFormat::jsonl && record.back() == '\n') {
      return Error{ErrorKind::usage, "", "the first line is not a batch record in JSON Lines"};
    }
    if (!key || key->file != inputs[index].path) break;
    scan.keep_offset += record.size();
    scan.point.kept = index + 1;
    scan.point.kept_bytes += inputs[index].size;
    if (key->error_kind) ++scan.point.kept_errors[*key->error_kind];
  }
  return scan;
}

}  // namespace clause_scan
