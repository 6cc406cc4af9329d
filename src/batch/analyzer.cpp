// The analysis of one file in a batch run: the pipeline of extract.h, stage by stage, giving
// up between two stages once the file's deadline has passed.
#include <optional>
#include <utility>
#include <vector>

#include "clause_scan/batch.h"

namespace clause_scan {
namespace {

// The pool replaces the reason by "timed out after N s" (it knows the limit).
Error timed_out(const std::string& path) { return Error{ErrorKind::timeout, path, "timed out"}; }

}  // namespace

Analyzer document_analyzer(std::shared_ptr<const Resources> resources, DecodeOptions options) {
  return [resources = std::move(resources), options = std::move(options)](
             const std::string& path, const Deadline& deadline) -> Result<Summary> {
    Result<DecodedText> decoded = read_and_decode(path, options);
    if (!decoded.ok()) return decoded.error();
    if (deadline.expired()) return timed_out(path);
    const Document document = make_document(path, std::move(decoded).value());
    if (deadline.expired()) return timed_out(path);
    Summary summary = summarize(document, *resources);
    if (deadline.expired()) return timed_out(path);
    return summary;
  };
}

ChunkAnalyzer document_chunk_analyzer(std::shared_ptr<const Resources> resources,
                                      DecodeOptions options) {
  return [resources = std::move(resources), options = std::move(options)](
             const std::vector<std::string>& paths,
             const Deadline& deadline) -> std::vector<Result<Summary>> {
    auto all_timed_out = [&] {
      std::vector<Result<Summary>> results;
      for (const std::string& path : paths) results.emplace_back(timed_out(path));
      return results;
    };
    LoadedDocuments loaded = load_documents(paths, options);
    if (deadline.expired()) return all_timed_out();
    std::vector<Summary> summaries = summarize_all(loaded.documents, *resources);
    if (deadline.expired()) return all_timed_out();
    std::vector<Result<Summary>> results;
    std::size_t next_summary = 0;
    for (const std::optional<Error>& error : loaded.errors) {
      if (error) {
        results.emplace_back(*error);
      } else {
        results.emplace_back(std::move(summaries[next_summary++]));
      }
    }
    return results;
  };
}

}  // namespace clause_scan
